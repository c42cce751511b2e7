package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDevices;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.MfaDeviceKinds;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.ConfirmView;
import dev.gatehouse.server.web.view.admin.MfaDeviceRow;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Deleting one of a user's MFA devices from the console, after a confirmation: for a lost phone or key. The user
 * then signs in with another device, or sets one up again at sign-in. A device of another user is "not found".
 */
final class UserMfaPages {

    static final String DELETE = UserPage.PATH + "/mfa/{deviceId}/delete";

    private final IdentityStoreService identityStore;
    private final MfaDevices devices;
    private final Templates templates;

    UserMfaPages(IdentityStoreService identityStore, MfaDevices devices, Templates templates) {
        this.identityStore = identityStore;
        this.devices = devices;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(DELETE, this::confirmDelete);
        routes.post(DELETE, this::delete);
    }

    static String deletePath(String userName, String deviceId) {
        return AdminPaths.user(userName) + "/mfa/" + deviceId + "/delete";
    }

    static MfaDeviceRow row(MfaDevice device) {
        return new MfaDeviceRow(device.deviceId(), device.name(), MfaDeviceKinds.text(device.kind()),
                Rows.time(device.createdAt()));
    }

    private void confirmDelete(Context ctx, Admin admin) {
        User user = identityStore.user(UserPage.userName(ctx));
        String deviceId = ctx.pathParam("deviceId");
        MfaDevice device = devices.list(user.userId()).stream()
                .filter(d -> d.deviceId().equals(deviceId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("MfaDevice", deviceId));
        String question = "Delete " + device.name() + " (" + row(device).kind().toLowerCase(Locale.ROOT)
                + ") of " + user.userName() + "?";
        templates.render(ctx, 200, "admin/confirm.jte", new ConfirmView(admin.frame("users", ctx),
                "Delete MFA device", question,
                "It no longer signs them in. If it was their last MFA device, they set up another at their next "
                        + "sign-in. This cannot be undone.",
                deletePath(user.userName(), deviceId), AdminPaths.user(user.userName())));
    }

    private void delete(Context ctx, Admin admin) {
        User user = identityStore.user(UserPage.userName(ctx));
        devices.delete(user.userId(), ctx.pathParam("deviceId"), admin.actor(), RequestContexts.of(ctx));
        Notice.MFA_DEVICE_DELETED.redirect(ctx, AdminPaths.user(user.userName()));
    }
}
