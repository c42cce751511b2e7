package dev.gatehouse.server.admin;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.server.Services;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every admin command needs: the services (core's, and for a few the composition root's), and the command line's own output stream. */
abstract class AdminSubcommand {

    @Spec
    CommandSpec spec;

    Services services() {
        return root().services();
    }

    AdminCommand root() {
        CommandSpec root = spec;
        while (root.parent() != null) {
            root = root.parent();
        }
        return (AdminCommand) root.userObject();
    }

    CoreServices core() {
        return services().core();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
