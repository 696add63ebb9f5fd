package io.facecheck.testinfra;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture rules every module checks on its main code, the same for all of them: its
 * packages free of cycles, no dependency on another facecheck module beyond the ones it builds on
 * (so no library depends on a service and no service on another service), and logging through
 * SLF4J. A module adds its own rules (e.g. a domain package free of frameworks) beside these.
 */
public final class ModuleRules {

  private static final String FACECHECK = "io.facecheck";

  private ModuleRules() {}

  /** The main classes (no tests) of the module whose root package is {@code rootPackage}. */
  public static JavaClasses mainClasses(String rootPackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(rootPackage);
  }

  /**
   * Every rule of the set for the module whose root package is {@code rootPackage}.
   *
   * @param buildsOn the root packages of the facecheck modules it may use, e.g. {@code
   *     io.facecheck.contracts}
   */
  public static ArchRule of(String rootPackage, String... buildsOn) {
    return CompositeArchRule.of(packagesFreeOfCycles(rootPackage))
        .and(dependsOnlyOn(rootPackage, buildsOn))
        .and(logsThroughSlf4j());
  }

  /** Each package is a slice, the root package included: no two packages depend on each other. */
  public static ArchRule packagesFreeOfCycles(String rootPackage) {
    return slices()
        .matching(FACECHECK + ".(**)")
        .should()
        .beFreeOfCycles()
        .as("the packages of " + rootPackage + " are free of cycles")
        .because("a cycle makes two packages one, and neither can be understood or tested alone");
  }

  /** No facecheck code outside the module itself and the modules it builds on. */
  public static ArchRule dependsOnlyOn(String rootPackage, String... buildsOn) {
    List<String> allowed = new ArrayList<>();
    allowed.add(rootPackage + "..");
    for (String module : buildsOn) {
      allowed.add(module + "..");
    }
    return noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage(FACECHECK + "..")
                .and(not(resideInAnyPackage(allowed.toArray(String[]::new)))))
        .as(rootPackage + " uses no facecheck module but " + allowed);
  }

  /** One logging API everywhere: SLF4J, never java.util.logging or System.Logger. */
  public static ArchRule logsThroughSlf4j() {
    return noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.util.logging..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.System$Logger");
  }
}
