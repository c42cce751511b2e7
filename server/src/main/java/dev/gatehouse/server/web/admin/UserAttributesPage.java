package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.abac.AccessControlAttributes;
import dev.gatehouse.core.abac.UserAttributeNames;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.UserAttributesView;
import dev.gatehouse.server.web.Refusable;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** {@code /admin/users/{name}/attributes}: a user's attributes for access control (ABAC). */
final class UserAttributesPage {

    private final IdentityStoreService identityStore;
    private final AccessControlAttributes attributes;
    private final Templates templates;

    UserAttributesPage(IdentityStoreService identityStore, AccessControlAttributes attributes, Templates templates) {
        this.identityStore = identityStore;
        this.attributes = attributes;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(UserPage.PATH + "/attributes", this::form);
        routes.post(UserPage.PATH + "/attributes", this::save);
    }

    private void form(Context ctx, Admin admin) {
        String userName = identityStore.user(UserPage.userName(ctx)).userName();
        render(ctx, 200, admin, userName, attributes.userAttributes(userName), Map.of());
    }

    private void save(Context ctx, Admin admin) {
        String userName = identityStore.user(UserPage.userName(ctx)).userName();
        Map<String, String> typed = new LinkedHashMap<>();
        for (String name : UserAttributeNames.ALL) {
            typed.put(name, Forms.text(ctx, name));
        }
        Refusable.run(() -> attributes.updateUserAttributes(userName, typed, admin.actor(), RequestContexts.of(ctx)),
                refusal -> render(ctx, 400, admin, userName, typed, FieldErrors.of(refusal)));
        Notice.USER_SAVED.redirect(ctx, AdminPaths.user(userName));
    }

    private void render(Context ctx, int status, Admin admin, String userName, Map<String, String> values,
                        Map<String, String> errors) {
        Map<String, String> tagKeys = new TreeMap<>();
        attributes.mapping().forEach((tagKey, attribute) -> tagKeys.merge(attribute, tagKey, (a, b) -> a + ", " + b));
        templates.render(ctx, status, "admin/user-attributes.jte", new UserAttributesView(admin.frame("users", ctx),
                userName, UserAttributeNames.ALL, values, tagKeys, errors));
    }
}
