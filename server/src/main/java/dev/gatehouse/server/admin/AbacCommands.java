package dev.gatehouse.server.admin;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Attributes for access control: which user attributes become principal tags (docs/authorization.md). */
@Command(name = "abac", description = "Show or set which user attributes become principal tags in credentials.")
final class AbacCommands extends AdminSubcommand {

    @Command(name = "show", description = "Print the mapping: tag key = user attribute.")
    void show() {
        Map<String, String> mapping = core().accessControlAttributes().mapping();
        if (mapping.isEmpty()) {
            out().println("no attributes for access control (credentials carry no principal tags)");
        }
        mapping.forEach((tagKey, attribute) -> out().println(tagKey + "=" + attribute));
    }

    @Command(name = "set", description = "Replace the mapping; no arguments turns ABAC off. User attributes: "
            + "title, userType, department, costCenter, division, organization, employeeNumber.")
    void set(@Parameters(paramLabel = "TAG_KEY=ATTRIBUTE", arity = "0..*") List<String> pairs) {
        Map<String, String> mapping = KeyValueArguments.parse(pairs == null ? List.of() : pairs, "TAG_KEY=ATTRIBUTE");
        Map<String, String> saved = core().accessControlAttributes().setMapping(mapping, AdminCommand.actor(),
                AdminCommand.context());
        out().println(saved.isEmpty() ? "ABAC turned off" : "principal tags from now on: " + saved);
    }
}
