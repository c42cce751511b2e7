package dev.gatehouse.server.web.view.admin;

import java.util.List;
import java.util.Map;

/**
 * The accounts, and the form that creates one (its fields as typed).
 *
 * @param nextPage the link to the next page, or null on the last
 */
public record AccountsView(AdminFrame frame, List<AccountRow> accounts, String nextPage, String accountId,
                           String name, String email, Map<String, String> errors) { }
