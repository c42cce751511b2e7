package dev.gatehouse.server.web.view;

import java.util.List;

/**
 * The access portal: the person's accounts with their roles, and how to reach them from a command line.
 *
 * @param search       what the list is filtered by, shown again in the search field; may be empty
 * @param selection    whether the page shows one role picked by a deep link rather than a list
 * @param notice       why a deep link showed nothing, or null
 * @param nextPageHref  the next page of the list, or null on the last
 * @param firstPageHref the first page of the list, or null on the first
 */
public record StartView(Nav nav, CliSettings cli, String search, List<AccountView> accounts, boolean selection,
                        String notice, String nextPageHref, String firstPageHref) {

    public StartView {
        accounts = List.copyOf(accounts);
    }

    /** One account with the roles the person holds there. */
    public record AccountView(String accountId, String name, String email, List<RoleView> roles) {

        public AccountView {
            roles = List.copyOf(roles);
        }
    }

    /**
     * @param accessKeysHref the page that mints credentials for this role
     * @param selected       the role a deep link pointed at: highlighted, its settings open
     */
    public record RoleView(String accountId, String roleName, String accessKeysHref, boolean selected) {

        /** A unique stem for this role's element ids: characters other than ASCII letters, digits and _ in hex. */
        public String elementId() {
            StringBuilder id = new StringBuilder("role-").append(accountId).append('-');
            roleName.chars().forEach(c -> {
                if (c < 128 && Character.isLetterOrDigit(c) || c == '_') {
                    id.append((char) c);
                } else {
                    id.append(String.format("-%04x", c));
                }
            });
            return id.toString();
        }
    }
}
