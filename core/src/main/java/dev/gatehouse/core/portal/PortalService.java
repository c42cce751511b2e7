package dev.gatehouse.core.portal;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.credentials.RoleCredentials;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.error.Inputs;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.session.TokenType;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The sso portal API: what a bearer of an access token may see and get. Every call re-checks the token,
 * its session and the user, so revocation takes effect on the very next call. What the user holds is
 * {@link Entitlements}', shared with the portal pages.
 */
public final class PortalService {

    private final SessionRepository sessions;
    private final UserRepository users;
    private final Transactions transactions;
    private final Clock clock;
    /**
     * The sso model bounds none of these; Gatehouse's access tokens are under 100 characters, role names are
     * permission-set names (sso-admin: at most 32), and page tokens are a base64 name.
     */
    private static final int MAX_ACCESS_TOKEN = 4096;
    private static final int MAX_ROLE_NAME = 64;
    private static final int MAX_NEXT_TOKEN = 1024;

    private final AuditLog audit;
    private final Entitlements entitlements;

    public PortalService(SessionRepository sessions, UserRepository users, Transactions transactions, Clock clock,
                         AuditLog audit, Entitlements entitlements) {
        this.sessions = sessions;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.entitlements = entitlements;
    }

    /** A role as the portal lists it: the permission set's name in one account. */
    public record RoleInfo(String roleName, String accountId) { }

    private record Bearer(PortalSession session, User user) { }

    public Page<Account> listAccounts(String accessToken, Integer maxResults, String nextToken) {
        Bearer bearer = authenticate(accessToken);
        Inputs.atMost("next_token", nextToken, MAX_NEXT_TOKEN);
        int size = PageTokens.pageSize(maxResults);
        List<Account> accounts = entitlements.accounts(bearer.user(), PageTokens.decode(nextToken), size + 1);
        return PageTokens.page(accounts, size, Account::accountId);
    }

    public Page<RoleInfo> listAccountRoles(String accessToken, String accountId, Integer maxResults,
                                           String nextToken) {
        Bearer bearer = authenticate(accessToken);
        Entitlements.requireAccountId(accountId);
        Inputs.atMost("next_token", nextToken, MAX_NEXT_TOKEN);
        int size = PageTokens.pageSize(maxResults);
        List<PermissionSet> sets = entitlements.roles(bearer.user(), accountId, PageTokens.decode(nextToken),
                size + 1);
        Page<PermissionSet> page = PageTokens.page(sets, size, PermissionSet::name);
        return new Page<>(page.items().stream().map(s -> new RoleInfo(s.name(), accountId)).toList(),
                page.nextToken());
    }

    public RoleCredentials getRoleCredentials(String accessToken, String roleName, String accountId,
                                              RequestContext context) {
        Bearer bearer = authenticate(accessToken);
        Inputs.atMost("role_name", roleName, MAX_ROLE_NAME);
        return entitlements.credentials(bearer.session(), bearer.user(), accountId, roleName, context).credentials();
    }

    public void logout(String accessToken, RequestContext context) {
        Bearer bearer = authenticate(accessToken);
        transactions.run(() -> {
            sessions.revoke(bearer.session().sessionId(), clock.instant());
            audit.as(Actor.user(bearer.user().userId(), bearer.user().userName()), EventSource.PORTAL, context)
                    .success("Logout", Map.of("sessionId", bearer.session().sessionId()));
        });
    }

    private Bearer authenticate(String accessToken) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > MAX_ACCESS_TOKEN) {
            throw unauthorized();
        }
        Instant now = clock.instant();
        IssuedToken token = sessions.findToken(Secrets.hash(accessToken))
                .filter(t -> t.type() == TokenType.ACCESS && now.isBefore(t.expiresAt()))
                .orElseThrow(PortalService::unauthorized);
        PortalSession session = sessions.findById(token.sessionId())
                .filter(s -> s.activeAt(now))
                .orElseThrow(PortalService::unauthorized);
        User user = users.findById(session.userId()).filter(User::enabled)
                .orElseThrow(PortalService::unauthorized);
        return new Bearer(session, user);
    }

    private static DomainException unauthorized() {
        return new DomainException(new DomainError.Unauthorized("Session token not found or invalid"));
    }
}
