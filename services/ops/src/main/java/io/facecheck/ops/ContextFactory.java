package io.facecheck.ops;

import io.facecheck.ops.console.OpsContext;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates commands, handing the {@link OpsContext} to those whose constructor takes it, so tests
 * run them with their own environment and clock.
 */
final class ContextFactory implements CommandLine.IFactory {

  private final OpsContext context;

  ContextFactory(OpsContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      Constructor<K> withContext = type.getDeclaredConstructor(OpsContext.class);
      withContext.setAccessible(true);
      return withContext.newInstance(context);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
  }
}
