package dev.gatehouse.server.web;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDevices;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.view.MfaDeleteView;
import dev.gatehouse.server.web.view.MfaDeviceKinds;
import dev.gatehouse.server.web.view.MfaDevicesView.DeviceRow;
import dev.gatehouse.server.web.view.MfaDevicesView;
import dev.gatehouse.server.web.view.Nav;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * {@code /start/mfa}: the person's own authenticator apps, security keys and passkeys, each renamed or removed (after
 * a confirmation page) here. Someone else's device is "not found", whatever its id.
 */
final class MfaDevicesPage {

    static final String PATH = "/start/mfa";
    static final String RENAME = PATH + "/rename";
    static final String DELETE = PATH + "/delete";

    private final MfaDevices devices;
    private final SignedInOnly signedIn;
    private final Templates templates;

    MfaDevicesPage(MfaDevices devices, SignedInOnly signedIn, Templates templates) {
        this.devices = devices;
        this.signedIn = signedIn;
        this.templates = templates;
    }

    void mount(PageRoutes routes) {
        routes.get(PATH, this::show);
        routes.post(RENAME, this::rename);
        routes.get(DELETE, this::confirmDelete);
        routes.post(DELETE, this::delete);
    }

    private void show(Context ctx) {
        Optional<BrowserSession> browser = signedIn.sessionOrSignIn(ctx);
        if (browser.isEmpty()) {
            return;
        }
        render(ctx, 200, browser.get(), notice(ctx.queryParam("done")), null);
    }

    private void rename(Context ctx) {
        change(ctx, (user, actor) -> devices.rename(user.userId(), ctx.formParam("device_id"), ctx.formParam("name"),
                actor, RequestContexts.of(ctx)), "renamed");
    }

    private void confirmDelete(Context ctx) {
        Optional<BrowserSession> browser = signedIn.sessionOrSignIn(ctx);
        if (browser.isEmpty()) {
            return;
        }
        String deviceId = ctx.queryParam("device_id");
        MfaDevice device = devices.list(browser.get().user().userId()).stream()
                .filter(d -> d.deviceId().equals(deviceId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("MfaDevice", deviceId));
        templates.render(ctx, 200, "mfa-delete.jte",
                new MfaDeleteView(signedIn.nav(browser.get(), Nav.Section.MFA), row(device)));
    }

    private void delete(Context ctx) {
        change(ctx, (user, actor) -> devices.delete(user.userId(), ctx.formParam("device_id"), actor,
                RequestContexts.of(ctx)), "removed");
    }

    private interface Change {
        void apply(User user, Actor actor);
    }

    private void change(Context ctx, Change change, String done) {
        Optional<BrowserSession> browser = signedIn.formPostedBy(ctx, PATH);
        if (browser.isEmpty()) {
            return;
        }
        User user = browser.get().user();
        Refusable.run(() -> change.apply(user, Actor.user(user.userId(), user.userName())),
                Refusable.asMessage((status, message) -> render(ctx, status, browser.get(), null, message)));
        ctx.redirect(PATH + "?done=" + done, HttpStatus.SEE_OTHER);
    }

    private static String notice(String done) {
        return switch (done == null ? "" : done) {
            case "added" -> "The security key was added. It can sign you in from now on.";
            case "renamed" -> "The device was renamed.";
            case "removed" -> "The device was removed. It no longer signs you in.";
            default -> null;
        };
    }

    private void render(Context ctx, int status, BrowserSession browser, String notice, String error) {
        templates.render(ctx, status, "mfa.jte", new MfaDevicesView(signedIn.nav(browser, Nav.Section.MFA),
                devices.list(browser.user().userId()).stream().map(MfaDevicesPage::row).toList(), notice, error));
    }

    static DeviceRow row(MfaDevice device) {
        return new DeviceRow(device.deviceId(), device.name(), MfaDeviceKinds.text(device.kind()),
                device.createdAt().toString(), PortalTimes.text(device.createdAt()));
    }
}
