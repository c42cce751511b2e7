package dev.gatehouse.server.web;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.instance.FirstAdministratorSetup;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.idp.OidcRelyingParty;
import dev.gatehouse.server.mail.ActivationMail;
import dev.gatehouse.server.mail.MailQueue;
import dev.gatehouse.server.web.admin.AdminConsole;
import dev.gatehouse.server.web.view.CliSettings;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/**
 * The server-rendered pages people use in a browser: sign-in, account activation, device approval and the
 * access portal. Their routes and form fields are a contract with the end-to-end tests; every decision is
 * core's, these classes only parse, call and render.
 */
public final class WebPages implements HttpModule {

    private final HtmlErrors errors;
    private final SecurityHeaders headers;
    private final SignInPages signIn;
    private final OidcSignInPages oidcSignIn;
    private final SamlSignInPages samlSignIn;
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
    private final SetupPages setup;

    /**
     * @param publicUrl how browsers reach this server, for cookies and the CLI settings shown in the portal
     * @param setup     the first-start link that creates the first administrator
     */
    public WebPages(CoreServices core, Clock clock, Instance instance, String publicUrl,
                    FirstAdministratorSetup setup, ActivationMail activationMail, MailQueue mailQueue) {
        Templates templates = new Templates();
        CookieWriter cookies = new CookieWriter(publicUrl);
        Csrf csrf = new Csrf(cookies);
        SessionCookies sessions = new SessionCookies(core.browserSessions(), cookies, clock);
        this.errors = new HtmlErrors(templates);
        this.headers = new SecurityHeaders(core.identitySources());
        SignInSteps steps = new SignInSteps(core.browserSessions(), sessions, cookies, clock);
        this.oidcSignIn = new OidcSignInPages(core.identitySources(), core.externalSignInStep(),
                new OidcRelyingParty(), steps, cookies, clock, publicUrl);
        this.samlSignIn = new SamlSignInPages(core.identitySources(), core.samlExchanges(),
                core.externalSignInStep(), steps, clock, publicUrl);
        this.signIn = new SignInPages(core.passwordStep(), core.browserSessions(), sessions, csrf, templates, steps,
                core.identitySources(), oidcSignIn, samlSignIn);
        this.mfaSignIn = new MfaSignInPage(core.pendingSignIns(), core.authenticatorAppStep(), core.securityKeyStep(),
                steps, signIn, csrf, templates);
        this.activation = new ActivationPages(core.activations(), csrf, templates);
        this.forgotPassword = new ForgotPasswordPages(core.passwordResets(), csrf, templates);
        this.device = new DevicePages(core.devices(), sessions, csrf, templates, clock);
        this.authorize = new AuthorizePages(core.authorizations(), sessions, csrf, templates);
        SignedInOnly signedIn = new SignedInOnly(sessions, csrf, core.administrators());
        this.authenticatorApp = new AuthenticatorAppPage(core.authenticatorApps(), core.pendingSignIns(),
                core.enrolmentStep(), steps, signIn, sessions, signedIn, csrf, templates);
        CliSettings cli = new CliSettings(instance.portalUrl(), instance.region(), publicUrl,
                instance.startUrlAliases());
        this.start = new StartPage(core.browserPortal(), signedIn, templates, cli);
        this.accessKeys = new AccessKeysPage(core.browserPortal(), signedIn, templates, clock);
        this.sessionsPage = new SessionsPage(core.sessions(), signedIn, sessions, templates);
        this.mfaDevicesPage = new MfaDevicesPage(core.mfaDevices(), signedIn, templates);
        this.securityKeyPage = new SecurityKeyPage(core.securityKeys(), signedIn, templates);
        this.stylesheet = StaticAsset.stylesheet();
        this.script = StaticAsset.script();
        this.admin = new AdminConsole(core, () -> instance, publicUrl, sessions, csrf, templates,
                activationMail, mailQueue);
        this.setup = new SetupPages(setup, csrf, templates);
    }

    @Override
    public void mount(RoutesConfig routes) {
        PageRoutes pages = new PageRoutes(routes, errors, headers);
        signIn.mount(pages);
        oidcSignIn.mount(pages);
        samlSignIn.mount(pages);
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
                headers.apply(ctx);
                errors.render(ctx, new DomainError.NotFound("Page", ctx.path(), "There is no page at this address."));
            }
        });
        stylesheet.mount(routes);
        script.mount(routes);
        admin.mount(pages);
        setup.mount(pages);
    }
}
