package dev.gatehouse.server.admin;

import dev.gatehouse.server.Services;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every admin command needs: the services, and the command line's own output stream. */
abstract class AdminSubcommand {

    @Spec
    CommandSpec spec;

    Services services() {
        CommandSpec root = spec;
        while (root.parent() != null) {
            root = root.parent();
        }
        return ((AdminCommand) root.userObject()).services();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
