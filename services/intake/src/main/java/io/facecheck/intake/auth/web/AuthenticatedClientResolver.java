package io.facecheck.intake.auth.web;

import io.facecheck.intake.auth.AuthenticatedClient;
import io.facecheck.intake.auth.BearerToken;
import io.facecheck.intake.auth.ClientTokens;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a handler method its {@link AuthenticatedClient}, or refuses the request with 401. A
 * handler declares the parameter first, so nothing else (the body in particular) is read before the
 * caller is known.
 */
public final class AuthenticatedClientResolver implements HandlerMethodArgumentResolver {

  private final ClientTokens tokens;

  public AuthenticatedClientResolver(ClientTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == AuthenticatedClient.class;
  }

  @Override
  public AuthenticatedClient resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    return BearerToken.from(request.getHeader(HttpHeaders.AUTHORIZATION))
        .flatMap(tokens::authenticate)
        .orElseThrow(NotAuthenticatedException::new);
  }
}
