package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.scim.ScimToken;
import dev.gatehouse.core.scim.ScimTokens;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.Refusable;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.ScimTokensView;
import dev.gatehouse.server.web.view.admin.ScimTokensView.Created;
import dev.gatehouse.server.web.view.admin.ScimTokensView.Row;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /admin/scim}: the bearer tokens identity providers provision through, through the same core service as
 * {@code gatehouse-server admin scim tokens} (audited as {@code CreateScimToken} and {@code DeleteScimToken}, with
 * the administrator as actor). A new token's value is on the answer to its creation only: only its hash is kept.
 */
final class ScimTokensPage {

    private static final String SCIM_PATH = "/scim/v2";

    private final ScimTokens tokens;
    private final String scimUrl;
    private final Templates templates;

    ScimTokensPage(ScimTokens tokens, String publicUrl, Templates templates) {
        this.tokens = tokens;
        this.scimUrl = publicUrl + SCIM_PATH;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(AdminPaths.SCIM_TOKENS, (ctx, admin) -> show(ctx, admin, 200, null, null));
        routes.post(AdminPaths.SCIM_TOKENS, this::create);
        routes.post(AdminPaths.SCIM_TOKENS + "/{tokenId}/delete", this::delete);
    }

    private void create(Context ctx, Admin admin) {
        ScimTokens.Created created = Refusable.call(() -> tokens.create(admin.actor(), RequestContexts.of(ctx)),
                Refusable.asMessage((status, message) -> show(ctx, admin, status, null, message)));
        show(ctx, admin, 200, new Created(created.token().tokenId(), created.token().expiresAt().toString(),
                created.value()), null);
    }

    private void delete(Context ctx, Admin admin) {
        tokens.delete(ctx.pathParam("tokenId"), admin.actor(), RequestContexts.of(ctx));
        Notice.SCIM_TOKEN_DELETED.redirect(ctx, AdminPaths.SCIM_TOKENS);
    }

    private void show(Context ctx, Admin admin, int status, Created created, String error) {
        List<Row> rows = tokens.list().stream().map(ScimTokensPage::row).toList();
        templates.render(ctx, status, "admin/scim-tokens.jte", new ScimTokensView(admin.frame("scim", ctx), scimUrl,
                rows, ScimTokens.MAX_LIVE, created, error));
    }

    private static Row row(ScimToken token) {
        return new Row(token.tokenId(), token.createdAt().toString(), token.expiresAt().toString(),
                AdminPaths.scimTokenDelete(token.tokenId()));
    }
}
