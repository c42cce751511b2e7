package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.sso.SsoProfile;

/** Which region a client of a profile uses, in the AWS CLI's order of precedence. */
final class Regions {

    private Regions() {
    }

    /** {@code --region}, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, the profile's region, its SSO region. */
    static String clientRegion(CommandContext context, SsoProfile profile) {
        return context.options().region()
                .or(() -> context.environment().variable("AWS_REGION"))
                .or(() -> context.environment().variable("AWS_DEFAULT_REGION"))
                .or(() -> profile.settings().value("region"))
                .orElse(profile.session().region());
    }
}
