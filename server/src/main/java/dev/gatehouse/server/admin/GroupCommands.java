package dev.gatehouse.server.admin;

import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "groups", description = "Create, list and delete groups; add and remove members and nested groups.")
final class GroupCommands extends AdminSubcommand {

    @Command(name = "create", description = "Create a group.")
    void create(@Parameters(paramLabel = "NAME") String name,
                @Option(names = "--description") String description) {
        Group group = core().identityStore().createGroup(name, description, AdminCommand.actor(),
                AdminCommand.context());
        out().println("created group " + group.displayName() + " (" + group.groupId() + ")");
    }

    @Command(name = "list", description = "List groups.")
    void list() {
        for (Group group : core().identityStore().listGroups(null, 10_000)) {
            out().printf("%-40s %s%n", group.displayName(), group.description() == null ? "" : group.description());
        }
    }

    @Command(name = "delete", description = "Delete a group with its memberships and assignments.")
    void delete(@Parameters(paramLabel = "NAME") String name) {
        core().identityStore().deleteGroup(name, AdminCommand.actor(), AdminCommand.context());
        out().println("deleted group " + name);
    }

    @Command(name = "add-member", description = "Add a user to a group.")
    void addMember(@Parameters(index = "0", paramLabel = "GROUP") String group,
                   @Parameters(index = "1", paramLabel = "USER_NAME") String userName) {
        core().identityStore().addMember(group, userName, AdminCommand.actor(), AdminCommand.context());
        out().println("added " + userName + " to " + group);
    }

    @Command(name = "remove-member", description = "Remove a user from a group: access through it ends at once.")
    void removeMember(@Parameters(index = "0", paramLabel = "GROUP") String group,
                      @Parameters(index = "1", paramLabel = "USER_NAME") String userName) {
        core().identityStore().removeMember(group, userName, AdminCommand.actor(), AdminCommand.context());
        out().println("removed " + userName + " from " + group);
    }

    @Command(name = "add-group", description = "Nest a group in a group: its members get what the outer group is "
            + "assigned. Cycles and chains deeper than 16 are refused.")
    void addGroup(@Parameters(index = "0", paramLabel = "GROUP") String group,
                  @Parameters(index = "1", paramLabel = "MEMBER_GROUP") String memberGroup) {
        core().identityStore().nestGroup(group, memberGroup, AdminCommand.actor(), AdminCommand.context());
        out().println("added group " + memberGroup + " to " + group);
    }

    @Command(name = "remove-group", description = "Take a nested group out of a group: access through it ends at "
            + "once.")
    void removeGroup(@Parameters(index = "0", paramLabel = "GROUP") String group,
                     @Parameters(index = "1", paramLabel = "MEMBER_GROUP") String memberGroup) {
        core().identityStore().unnestGroup(group, memberGroup, AdminCommand.actor(), AdminCommand.context());
        out().println("removed group " + memberGroup + " from " + group);
    }

    @Command(name = "members", description = "List a group's members: users, then nested groups as group:NAME.")
    void members(@Parameters(paramLabel = "GROUP") String group) {
        for (User user : core().identityStore().members(group)) {
            out().println(user.userName());
        }
        for (Group nested : core().identityStore().nestedGroups(group)) {
            out().println("group:" + nested.displayName());
        }
    }
}
