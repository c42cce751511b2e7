package dev.gatehouse.cli.commands;

/** The account and role a profile is for; both null when the portal would not list them. */
record AccountAndRole(String accountId, String roleName) {

    boolean configured() {
        return accountId != null && roleName != null;
    }
}
