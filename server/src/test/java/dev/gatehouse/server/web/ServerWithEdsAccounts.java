package dev.gatehouse.server.web;

import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.GrantTypes;
import dev.gatehouse.core.oidc.TokenEndpoint;
import dev.gatehouse.core.oidc.TokenRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;

/**
 * ed.developer with roles in two of three accounts: PowerUserAccess (one-hour sessions) and ReadOnlyAccess in
 * Development, assigned directly; ReadOnlyAccess in Production through the group Developers; nothing in Sandbox.
 */
abstract class ServerWithEdsAccounts extends ServerWithEd {

    static final String DEVELOPMENT = "111122223333";
    static final String PRODUCTION = "444455556666";
    static final String SANDBOX = "777788889999";
    static final Actor ADMIN = Actor.administratorCli();
    static final RequestContext SETUP = RequestContext.commandLine("portal-test-setup");

    @BeforeAll
    static void giveEdAccounts() {
        AccessModelService access = server.services.core().accessModel();
        access.createAccount(DEVELOPMENT, "Development", "aws+dev@example.com", ADMIN, SETUP);
        access.createAccount(PRODUCTION, "Production", "aws+prod@example.com", ADMIN, SETUP);
        access.createAccount(SANDBOX, "Sandbox", "aws+sandbox@example.com", ADMIN, SETUP);
        createPermissionSet("PowerUserAccess", "PT1H");
        createPermissionSet("ReadOnlyAccess", "PT4H");
        access.assign(DEVELOPMENT, "PowerUserAccess", PrincipalType.USER, "ed.developer", ADMIN, SETUP);
        access.assign(DEVELOPMENT, "ReadOnlyAccess", PrincipalType.USER, "ed.developer", ADMIN, SETUP);
        server.services.core().identityStore().createGroup("Developers", "People who build things", ADMIN, SETUP);
        server.services.core().identityStore().addMember("Developers", "ed.developer", ADMIN, SETUP);
        access.assign(PRODUCTION, "ReadOnlyAccess", PrincipalType.GROUP, "Developers", ADMIN, SETUP);
    }

    static void createPermissionSet(String name, String sessionDuration) {
        server.services.core().accessModel().createPermissionSet(new NewPermissionSet(name, null, sessionDuration,
                List.of(name), null, null, null, Map.of()), ADMIN, SETUP);
    }

    /** An activated administrator who can sign in with {@link WebTestServer#PASSWORD}. */
    static void createActiveAdministrator(String userName) {
        server.services.core().identityStore().createUser(new NewUser(userName, null, "Ada", "Admin",
                userName + "@example.com", true), ADMIN, SETUP);
        server.services.core().activations().setPassword(server.activationToken(userName),
                WebTestServer.PASSWORD.toCharArray(), SETUP);
    }

    /** A device-code login by {@code clientName}, approved by the user: a command-line session; its access token. */
    static String commandLineLogin(String userName, String clientName) {
        ClientRegistrations.Registered client = server.services.core().clients().register(new ClientRegistrations.Request(
                clientName, "public", List.of(), null, null, null), SETUP);
        String clientId = client.client().clientId();
        DeviceAuthorizations.Started started = server.services.core().devices().start(clientId, client.clientSecret(),
                server.services.instance().portalUrl(), SETUP);
        server.services.core().devices().approve(started.userCode(), server.services.core().identityStore().user(userName), SETUP);
        TokenEndpoint.Tokens tokens = server.services.core().tokens().createToken(new TokenRequest(clientId,
                client.clientSecret(), GrantTypes.DEVICE_CODE, started.deviceCode(), null, null, null, null, null),
                SETUP);
        return tokens.accessToken();
    }

    /** The text of the element with this id (no nested tags), unescaped as a browser shows it. */
    static String text(HttpResponse<String> page, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No element " + id + " in:\n" + page.body());
        }
        return m.group(1).replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
