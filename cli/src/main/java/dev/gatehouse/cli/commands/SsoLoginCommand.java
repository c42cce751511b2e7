package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.sso.BrowserOpener;
import dev.gatehouse.cli.sso.SsoConnection;
import dev.gatehouse.cli.sso.SsoSession;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", description = {"Log in to the profile's SSO session (or the one named) and cache its token.",
        "The device code flow: it shows a code and a link, and waits while you approve it in a browser."})
final class SsoLoginCommand implements Callable<Integer> {

    private final CommandContext context;

    @Option(names = "--sso-session", paramLabel = "NAME", description = "Log in to this session, whatever the profile.")
    String ssoSession;

    @Option(names = "--use-device-code",
            description = "Use the device code flow (the only flow until the browser flow arrives; accepted for the"
                    + " AWS CLI's sake).")
    boolean useDeviceCode;

    @Option(names = "--no-browser", description = "Only print the link; do not try to open a browser.")
    boolean noBrowser;

    SsoLoginCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SsoSession session = ssoSession != null ? context.profiles().session(ssoSession)
                : context.profiles().sessionOfProfile(context.profileName());
        String loginCommand = ssoSession != null ? "gatehouse sso login --sso-session " + ssoSession
                : "gatehouse sso login --profile " + context.profileName();
        try (SsoConnection connection = context.connect(session, loginCommand)) {
            connection.deviceCodeLogin().logIn(session,
                    noBrowser ? Optional.empty() : Optional.of(new BrowserOpener(context.environment())));
        }
        context.environment().out().println("Successfully logged into Start URL: " + session.startUrl());
        context.environment().out().flush();
        return 0;
    }
}
