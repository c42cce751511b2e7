package dev.gatehouse.server.web;

import dev.gatehouse.server.Services;
import dev.gatehouse.server.http.HttpModule;
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
    private final ActivationPages activation;
    private final DevicePages device;
    private final StartPage start;
    private final Stylesheet stylesheet;
    private final AdminConsole admin;

    public WebPages(Services services) {
        Templates templates = new Templates();
        CookieWriter cookies = new CookieWriter(services.config().publicUrl());
        Csrf csrf = new Csrf(cookies);
        SessionCookies sessions = new SessionCookies(services.signIn(), cookies, services.clock());
        this.errors = new HtmlErrors(templates);
        this.signIn = new SignInPages(services.signIn(), sessions, csrf, templates);
        this.activation = new ActivationPages(services.activations(), csrf, templates);
        this.device = new DevicePages(services.devices(), sessions, csrf, templates, services.clock());
        this.start = new StartPage(sessions, templates);
        this.stylesheet = new Stylesheet();
        this.admin = new AdminConsole(services, sessions, csrf, templates);
    }

    @Override
    public void mount(RoutesConfig routes) {
        PageRoutes pages = new PageRoutes(routes, errors);
        signIn.mount(pages);
        activation.mount(pages);
        device.mount(pages);
        start.mount(pages);
        stylesheet.mount(routes);
        admin.mount(pages);
    }
}
