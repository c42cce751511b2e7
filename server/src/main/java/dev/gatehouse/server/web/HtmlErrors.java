package dev.gatehouse.server.web;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.server.http.StorageOutage;
import dev.gatehouse.server.web.view.ErrorView;
import io.javalin.http.Context;

/**
 * The one HTML writer of {@link DomainError}s: what status and words a person sees for each. The switch has no
 * default on purpose, so a new error does not compile until someone decides how a person should read it.
 * Messages are core's: written to be shown, never carrying a secret.
 */
public final class HtmlErrors {

    /** How one error is shown on a page. */
    public record HtmlError(int status, String title, String message) { }

    private final Templates templates;

    HtmlErrors(Templates templates) {
        this.templates = templates;
    }

    public static HtmlError describe(DomainError error) {
        return switch (error) {
            case DomainError.InvalidInput e -> new HtmlError(400, "Check what you entered", e.message());
            case DomainError.NotFound e -> new HtmlError(404, "Not found", e.message());
            case DomainError.AlreadyExists e -> new HtmlError(409, "Already exists", e.message());
            case DomainError.InvalidClient e -> new HtmlError(400, "The application was not recognised", e.message());
            case DomainError.UnauthorizedClient e -> new HtmlError(400, "The application may not do that", e.message());
            case DomainError.InvalidGrant e -> new HtmlError(400, "Request not valid", e.message());
            case DomainError.UnsupportedGrantType e -> new HtmlError(400, "Request not supported", e.message());
            case DomainError.InvalidScope e -> new HtmlError(400, "Request not valid", e.message());
            case DomainError.AuthorizationPending e -> new HtmlError(400, "Still waiting", e.message());
            case DomainError.SlowDown e -> new HtmlError(429, "Too many attempts", e.message());
            case DomainError.ExpiredToken e -> new HtmlError(410, "This link or code can no longer be used",
                    e.message());
            case DomainError.AccessDenied e -> new HtmlError(403, "Not allowed", e.message());
            case DomainError.Unauthorized e -> new HtmlError(401, "Please sign in", e.message());
            case DomainError.InvalidCredentials e -> new HtmlError(401, "Sign-in failed", e.message());
            case DomainError.SignatureRejected e -> new HtmlError(403, "Not allowed", e.message());
            case DomainError.TooManyRequests e -> new HtmlError(429, "Too many attempts", e.message());
            case DomainError.CsrfRejected e -> new HtmlError(403, "The form has expired", e.message());
        };
    }

    /** A page of its own for an error no form can show beside its fields. */
    void render(Context ctx, DomainError error) {
        HtmlError shown = describe(error);
        templates.render(ctx, shown.status(), "error.jte", new ErrorView(shown.title(), shown.message(), null));
    }

    /** A bug or an outage: the person gets the request id to quote, the detail stays in the log. */
    void renderUnavailable(Context ctx, String requestId) {
        ctx.header("Retry-After", String.valueOf(StorageOutage.RETRY_AFTER_SECONDS));
        templates.render(ctx, 503, "error.jte", new ErrorView("Gatehouse is unavailable",
                "Gatehouse cannot reach its database just now. Nothing was changed; try again in a moment.",
                requestId));
    }

    void renderUnexpected(Context ctx, String requestId) {
        templates.render(ctx, 500, "error.jte", new ErrorView("Something went wrong",
                "Gatehouse could not complete the request. Try again in a moment.", requestId));
    }
}
