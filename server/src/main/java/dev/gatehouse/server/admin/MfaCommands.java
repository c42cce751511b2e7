package dev.gatehouse.server.admin;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.mfa.MfaDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "mfa", description = "List a user's MFA devices (authenticator apps, security keys, passkeys) and "
        + "delete them.")
final class MfaCommands extends AdminSubcommand {

    @Command(name = "list", description = "List a user's MFA devices, oldest first: id, kind, added, name.")
    void list(@Option(names = "--user", required = true, paramLabel = "USER_NAME") String userName) {
        User user = core().identityStore().user(userName);
        for (MfaDevice device : core().mfaDevices().list(user.userId())) {
            out().printf("%-36s %-8s added %s  %s%n", device.deviceId(), device.kind(), device.createdAt(),
                    device.name());
        }
    }

    @Command(name = "delete", description = "Delete one of a user's MFA devices, e.g. a lost phone or key: it no "
            + "longer signs them in.")
    void delete(@Option(names = "--user", required = true, paramLabel = "USER_NAME") String userName,
                @Option(names = "--device", required = true, paramLabel = "DEVICE_ID") String deviceId) {
        User user = core().identityStore().user(userName);
        core().mfaDevices().delete(user.userId(), deviceId, AdminCommand.actor(), AdminCommand.context());
        out().println("deleted MFA device " + deviceId + " of " + user.userName());
    }
}
