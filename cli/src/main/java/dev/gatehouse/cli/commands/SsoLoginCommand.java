package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.sso.SsoConnection;
import dev.gatehouse.cli.sso.SsoSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "login", description = {"Log in to the profile's SSO session (or the one named) and cache its token.",
        "By default in a browser on this machine, which comes back to the CLI on 127.0.0.1; with --use-device-code,"
                + " by approving a code in any browser."})
final class SsoLoginCommand implements Callable<Integer> {

    private final CommandContext context;

    @Option(names = "--sso-session", paramLabel = "NAME", description = "Log in to this session, whatever the profile.")
    String ssoSession;

    @Mixin
    LoginOptions login = new LoginOptions();

    SsoLoginCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        login.check();
        SsoSession session = ssoSession != null ? context.profiles().session(ssoSession)
                : context.profiles().sessionOfProfile(context.profileName());
        String loginCommand = ssoSession != null ? "gatehouse sso login --sso-session " + ssoSession
                : "gatehouse sso login --profile " + context.profileName();
        try (SsoConnection connection = context.connect(session, loginCommand)) {
            login.logIn(context, connection, session);
        }
        context.environment().out().println("Successfully logged into Start URL: " + session.startUrl());
        context.environment().out().flush();
        return 0;
    }
}
