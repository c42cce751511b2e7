package dev.gatehouse.server.web;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.AuthorizationRequests.AuthorizeRequest;
import dev.gatehouse.core.oidc.AuthorizationRequests.Consent;
import dev.gatehouse.core.oidc.AuthorizationRequests.Redirect;
import dev.gatehouse.core.oidc.AuthorizationRequests;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.view.AuthorizeConsentView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * {@code /authorize}: where the AWS CLI's PKCE login opens the browser. A signed-in person sees which client asks
 * and allows or denies it; either way the browser goes back to the client's loopback redirect URI. Nothing is
 * allowed by merely opening the link: the answer is always a POST with the session's CSRF token.
 */
final class AuthorizePages {

    static final String PATH = "/authorize";
    private final AuthorizationRequests authorizations;
    private final SessionCookies sessions;
    private final Csrf csrf;
    private final Templates templates;

    AuthorizePages(AuthorizationRequests authorizations, SessionCookies sessions, Csrf csrf, Templates templates) {
        this.authorizations = authorizations;
        this.sessions = sessions;
        this.csrf = csrf;
        this.templates = templates;
    }

    void mount(PageRoutes routes) {
        routes.get(PATH, this::open);
        routes.post(PATH + "/decision", this::decide);
    }

    /** A faulty request goes back to the client at once; a valid one waits for the person to sign in. */
    private void open(Context ctx) {
        switch (authorizations.check(request(ctx::queryParam))) {
            case Redirect refused -> ctx.redirect(refused.location(), HttpStatus.SEE_OTHER);
            case Consent consent -> {
                Optional<BrowserSession> browser = sessions.current(ctx);
                if (browser.isEmpty()) {
                    ctx.redirect(NextPaths.signInThen(PATH + "?" + ctx.queryString()), HttpStatus.SEE_OTHER);
                    return;
                }
                showConsent(ctx, browser.get(), consent);
            }
        }
    }

    private void decide(Context ctx) {
        AuthorizeRequest request = request(ctx::formParam);
        Optional<BrowserSession> browser = sessions.current(ctx);
        if (browser.isEmpty()) {
            ctx.redirect(NextPaths.signInThen(PATH + "?" + query(request)), HttpStatus.SEE_OTHER);
            return;
        }
        csrf.checkSignedIn(ctx, browser.get());
        String decision = ctx.formParam("decision");
        Redirect answer = switch (decision == null ? "" : decision) {
            case "allow" -> authorizations.allow(request, browser.get().user(), RequestContexts.of(ctx));
            case "deny" -> authorizations.deny(request, browser.get().user(), RequestContexts.of(ctx));
            default -> throw DomainException.invalid("decision", "Choose Allow or Deny.");
        };
        ctx.redirect(answer.location(), HttpStatus.SEE_OTHER);
    }

    private void showConsent(Context ctx, BrowserSession browser, Consent consent) {
        List<AuthorizeConsentView.Field> fields = parameters(consent.request()).entrySet().stream()
                .map(p -> new AuthorizeConsentView.Field(p.getKey(), p.getValue())).toList();
        ctx.header("Content-Security-Policy", policyReturningTo(consent.redirectOrigin()));
        templates.render(ctx, 200, "authorize-consent.jte", new AuthorizeConsentView(browser.user().userName(),
                browser.session().csrfToken(), consent.clientName(), consent.scopes(), consent.redirectOrigin(),
                fields));
    }

    /** The page policy, letting this page's form end at the client's redirect URI as well. */
    static String policyReturningTo(String origin) {
        return SecurityHeaders.allowingFormsTo(origin);
    }

    private static AuthorizeRequest request(UnaryOperator<String> parameter) {
        return new AuthorizeRequest(parameter.apply("response_type"), parameter.apply("client_id"),
                parameter.apply("redirect_uri"), parameter.apply("state"), parameter.apply("code_challenge"),
                parameter.apply("code_challenge_method"), parameter.apply("scopes"));
    }

    /** The request's parameters that were given, in the order the AWS CLI sends them. */
    private static Map<String, String> parameters(AuthorizeRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", request.responseType());
        parameters.put("client_id", request.clientId());
        parameters.put("redirect_uri", request.redirectUri());
        parameters.put("state", request.state());
        parameters.put("code_challenge_method", request.codeChallengeMethod());
        parameters.put("scopes", request.scopes());
        parameters.put("code_challenge", request.codeChallenge());
        parameters.values().removeIf(Objects::isNull);
        return parameters;
    }

    /** The request again as a query, to come back to after signing in. */
    private static String query(AuthorizeRequest request) {
        return parameters(request).entrySet().stream()
                .map(p -> p.getKey() + "=" + NextPaths.encodeQueryValue(p.getValue()))
                .collect(Collectors.joining("&"));
    }
}
