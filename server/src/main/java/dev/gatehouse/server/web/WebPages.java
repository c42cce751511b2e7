package dev.gatehouse.server.web;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.web.view.CliSettings;
import dev.gatehouse.server.web.admin.AdminConsole;
import io.javalin.config.RoutesConfig;

/**
 * The server-rendered pages people use in a browser: sign-in, account activation, device approval and the
 * access portal. Their routes and form fields are a contract with the end-to-end tests; every decision is
 * core's, these classes only parse, call and render.
 */
public final class WebPages implements HttpModule {

    private final HtmlErrors errors;
    private final SignInPages signIn;
    private final MfaSignInPage mfaSignIn;
    private final AuthenticatorAppPage authenticatorApp;
    private final ActivationPages activation;
    private final ForgotPasswordPages forgotPassword;
    private final DevicePages device;
    private final AuthorizePages authorize;
    private final StartPage start;
    private final AccessKeysPage accessKeys;
    private final SessionsPage sessionsPage;
    private final MfaDevicesPage mfaDevicesPage;
    private final SecurityKeyPage securityKeyPage;
    private final StaticAsset stylesheet;
    private final StaticAsset script;
    private final AdminConsole admin;

    public WebPages(Services services) {
        Templates templates = new Templates();
        CookieWriter cookies = new CookieWriter(services.config().http().publicUrl());
        Csrf csrf = new Csrf(cookies);
        SessionCookies sessions = new SessionCookies(services.signIn(), cookies, services.clock());
        this.errors = new HtmlErrors(templates);
        SignInSteps steps = new SignInSteps(services.signIn(), sessions, cookies, services.clock());
        this.signIn = new SignInPages(services.signIn(), sessions, csrf, templates, steps);
        this.mfaSignIn = new MfaSignInPage(services.signIn(), steps, signIn, csrf, templates);
        this.activation = new ActivationPages(services.activations(), csrf, templates);
        this.forgotPassword = new ForgotPasswordPages(services.passwordResets(), csrf, templates);
        this.device = new DevicePages(services.devices(), sessions, csrf, templates, services.clock());
        this.authorize = new AuthorizePages(services.authorizations(), sessions, csrf, templates);
        SignedInOnly signedIn = new SignedInOnly(sessions, csrf, services.administrators());
        this.authenticatorApp = new AuthenticatorAppPage(services.authenticatorApps(), services.signIn(), steps,
                signIn, sessions, signedIn, csrf, templates);
        CliSettings cli = new CliSettings(services.instance().portalUrl(), services.instance().region(),
                services.config().http().publicUrl(), services.instance().startUrlAliases());
        this.start = new StartPage(services.browserPortal(), signedIn, templates, cli);
        this.accessKeys = new AccessKeysPage(services.browserPortal(), signedIn, templates, services.clock());
        this.sessionsPage = new SessionsPage(services.sessions(), signedIn, sessions, templates);
        this.mfaDevicesPage = new MfaDevicesPage(services.mfaDevices(), signedIn, templates);
        this.securityKeyPage = new SecurityKeyPage(services.securityKeys(), signedIn, templates);
        this.stylesheet = StaticAsset.stylesheet();
        this.script = StaticAsset.script();
        this.admin = new AdminConsole(services, sessions, csrf, templates);
    }

    @Override
    public void mount(RoutesConfig routes) {
        PageRoutes pages = new PageRoutes(routes, errors);
        signIn.mount(pages);
        mfaSignIn.mount(pages);
        authenticatorApp.mount(pages);
        activation.mount(pages);
        forgotPassword.mount(pages);
        device.mount(pages);
        authorize.mount(pages);
        start.mount(pages);
        accessKeys.mount(pages);
        sessionsPage.mount(pages);
        mfaDevicesPage.mount(pages);
        securityKeyPage.mount(pages);
        // A mistyped page address still gets a page, carrying the headers every page carries. Only for browsers
        // (Accept: text/html) and only where no page answered already: the APIs' own 404 bodies stay as they are.
        routes.error(404, "html", ctx -> {
            if (!PageRoutes.answeredByAPage(ctx)) {
                SecurityHeaders.apply(ctx);
                errors.render(ctx, new DomainError.NotFound("Page", ctx.path(), "There is no page at this address."));
            }
        });
        stylesheet.mount(routes);
        script.mount(routes);
        admin.mount(pages);
    }
}
