package dev.gatehouse.core.portal;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountRepository;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.credentials.RoleCredentials;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.core.storage.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The access portal as a signed-in browser sees it: the person's accounts with their roles, searchable, and
 * credentials for one role. The credentials carry the browser session's id, so signing out or ending that
 * session on the sessions page makes them fail on their next use, as the sso API's carry the token's session.
 */
public final class BrowserPortal {

    /** Accounts per page: a screenful that still renders quickly with each account's roles. */
    public static final int PAGE_SIZE = 50;
    /** More than an account can hold: IAM Identity Center provisions at most 50 permission sets into one. */
    static final int MAX_ROLES_PER_ACCOUNT = 100;
    /** Accounts read per query while searching. */
    private static final int SCAN_BATCH = 200;

    private final AccountRepository accounts;
    private final Entitlements entitlements;

    public BrowserPortal(AccountRepository accounts, Entitlements entitlements) {
        this.accounts = accounts;
        this.entitlements = entitlements;
    }

    /** An account with the names of the roles the person holds there, by name. */
    public record AccountRoles(Account account, List<String> roleNames) {

        public AccountRoles {
            roleNames = List.copyOf(roleNames);
        }
    }

    /** Credentials just minted for one role, with what the page needs to label them. */
    public record RoleAccess(Account account, String roleName, RoleCredentials credentials) { }

    /**
     * One page of the person's accounts, by id, whose name or id contains {@code search} in any case (blank: all).
     *
     * @param pageToken the previous page's next token, or null for the first page
     */
    public Page<AccountRoles> accounts(BrowserSession browser, String search, String pageToken) {
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        String after = PageTokens.decode(pageToken);
        // Filtered here rather than in SQL: one person's accounts are few enough to scan, and the keyset by id
        // resumes the scan exactly where the last page stopped. One match more than a page says there is more.
        List<Account> matches = new ArrayList<>();
        List<Account> batch;
        do {
            batch = entitlements.accounts(browser.user(), after, SCAN_BATCH);
            batch.stream().filter(a -> matches(a, needle)).limit(PAGE_SIZE + 1 - matches.size())
                    .forEach(matches::add);
            after = batch.isEmpty() ? after : batch.getLast().accountId();
        } while (batch.size() == SCAN_BATCH && matches.size() <= PAGE_SIZE);
        Page<Account> page = PageTokens.page(matches, PAGE_SIZE, Account::accountId);
        return new Page<>(page.items().stream().map(a -> withRoles(browser, a)).toList(), page.nextToken());
    }

    /** One account with the person's roles there; empty when they hold none in it (or it does not exist). */
    public Optional<AccountRoles> account(BrowserSession browser, String accountId) {
        Entitlements.requireAccountId(accountId);
        return entitlements.account(browser.user(), accountId).map(a -> withRoles(browser, a));
    }

    /** Fresh credentials for a role the person holds, ending with the browser session; audited. */
    public RoleAccess credentials(BrowserSession browser, String accountId, String roleName,
                                  RequestContext context) {
        Entitlements.Minted minted = entitlements.credentials(browser.session(), browser.user(), accountId,
                roleName, context);
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> DomainException.notFound("Account", accountId));
        return new RoleAccess(account, minted.permissionSet().name(), minted.credentials());
    }

    private AccountRoles withRoles(BrowserSession browser, Account account) {
        return new AccountRoles(account, entitlements.roles(browser.user(), account.accountId(), null,
                MAX_ROLES_PER_ACCOUNT).stream().map(PermissionSet::name).toList());
    }

    private static boolean matches(Account account, String needle) {
        return needle.isEmpty() || account.accountId().contains(needle)
                || account.name().toLowerCase(Locale.ROOT).contains(needle);
    }
}
