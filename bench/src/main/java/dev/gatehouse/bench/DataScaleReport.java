package dev.gatehouse.bench;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.GrantTypes;
import dev.gatehouse.core.oidc.TokenRequest;
import dev.gatehouse.core.portal.PortalService;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.awsjson.PageTokens;
import dev.gatehouse.server.identitystore.IdentityStoreApi;
import dev.gatehouse.server.ssoadmin.SsoAdminApi;
import dev.gatehouse.store.BulkSeed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * What a data-scale run times on a seeded directory, in process through the services the HTTP handlers call: the
 * probe user's portal calls, the console's and the admin API's list pages (100 a page, from a random start where
 * the API takes one), and a password sign-in against the same on a small directory. Prints Markdown rows.
 */
final class DataScaleReport {

    private static final RequestContext CONTEXT = RequestContext.commandLine("data-scale-run");
    private static final Actor ADMIN = Actor.administratorCli();

    private final Services services;
    private final Random random = new Random(7);
    private final int users;
    private final int groups;
    private final int accounts;

    DataScaleReport(Services services) {
        this.services = services;
        this.users = (int) services.core().identityStore().countUsers();
        this.groups = services.core().identityStore().listGroups("seed-group-", 1_000_000).size();
        this.accounts = services.core().accessModel().listAccounts(null, 1_000_000).size();
    }

    void print(Services small) throws Exception {
        System.out.printf("directory: %d users, %d groups, %d accounts%n", users, groups, accounts);
        Timings.header();
        signIn(small);
        portal();
        console();
        adminApi();
    }

    /** Interleaved, so that the machine's load weighs on the three alike. */
    private void signIn(Services small) throws Exception {
        String password = SignInProbe.newPassword();
        SignInProbe seeded = SignInProbe.withPassword(services, password);
        SignInProbe fresh = SignInProbe.withPassword(small, password);
        Timings.interleaved(List.of(
                new Timings.Call("sign-in with a password, probe user, seeded directory", seeded::signIn),
                new Timings.Call("sign-in with a password, probe user, small directory (" + fresh.users() + " users)",
                        fresh::signIn),
                new Timings.Call("Argon2id check alone (the same hash)", seeded::checkHashOnly)), 100);
    }

    private void portal() throws Exception {
        String token = probeAccessToken();
        PortalService portal = services.core().portal();
        Account first = portal.listAccounts(token, 100, null).items().getFirst();
        String role = portal.listAccountRoles(token, first.accountId(), 100, null).items().getFirst().roleName();
        Timings.row("ListAccounts (probe user in 50 groups, 100 a page)", () -> portal.listAccounts(token, 100, null));
        Timings.row("ListAccountRoles", () -> portal.listAccountRoles(token, first.accountId(), 100, null));
        Timings.row("GetRoleCredentials", () -> portal.getRoleCredentials(token, role, first.accountId(), CONTEXT));
    }

    private void console() throws Exception {
        Timings.row("console: users page (100, from a random name)", () -> services.core().identityStore()
                .listUsers(String.format("seed.user.%07d", random.nextInt(users)), 100));
        Timings.row("console: groups page (100, from a random name)", () -> services.core().identityStore()
                .listGroups(String.format("seed-group-%06d", random.nextInt(groups)), 100));
        Timings.row("console: accounts page (100, from a random id)", () -> services.core().accessModel()
                .listAccounts(BulkSeed.accountId(random.nextInt(accounts)), 100));
        Timings.row("console: the probe user's groups (50)", () -> services.core().identityStore()
                .groupsOf(BulkSeed.PROBE_USER));
    }

    private void adminApi() throws Exception {
        IdentityStoreApi identityStore = GatehouseServer.identityStore(services);
        SsoAdminApi ssoAdmin = GatehouseServer.ssoAdmin(services);
        String store = "\"IdentityStoreId\":\"" + services.instance().identityStoreId() + "\",\"MaxResults\":100";
        String instance = "\"InstanceArn\":\"" + services.instance().instanceArn() + "\",\"MaxResults\":100";
        List<PermissionSet> sets = services.core().accessModel().listPermissionSets(null, 100);
        Timings.row("identitystore ListUsers (from a random NextToken)", () -> identityStore.runTrusted("ListUsers",
                body(store, "\"NextToken\":\"" + PageTokens.next("users",
                        String.format("seed.user.%07d", random.nextInt(users))) + "\""), ADMIN, CONTEXT));
        Timings.row("identitystore ListGroups (from a random NextToken)", () -> identityStore.runTrusted(
                "ListGroups", body(store, "\"NextToken\":\"" + PageTokens.next("groups",
                        String.format("seed-group-%06d", random.nextInt(groups))) + "\""), ADMIN, CONTEXT));
        Timings.row("identitystore ListGroupMemberships (a random group)", () -> identityStore.runTrusted(
                "ListGroupMemberships", body(store, "\"GroupId\":\"" + BulkSeed.groupId(random.nextInt(groups))
                        + "\""), ADMIN, CONTEXT));
        Timings.row("identitystore ListGroupMembershipsForMember (the probe user, 50)", () -> identityStore
                .runTrusted("ListGroupMembershipsForMember", body(store, "\"MemberId\":{\"UserId\":\""
                        + BulkSeed.userId(0) + "\"}"), ADMIN, CONTEXT));
        Timings.row("sso-admin ListPermissionSets", () -> ssoAdmin.runTrusted("ListPermissionSets", body(instance),
                ADMIN, CONTEXT));
        Timings.row("sso-admin ListAccountAssignments (a random account and set)", () -> ssoAdmin.runTrusted(
                "ListAccountAssignments", body(instance, "\"AccountId\":\""
                        + BulkSeed.accountId(random.nextInt(accounts)) + "\",\"PermissionSetArn\":\""
                        + sets.get(random.nextInt(sets.size())).permissionSetArn() + "\""), ADMIN, CONTEXT));
        Timings.row("sso-admin ListAccountsForProvisionedPermissionSet (from a random NextToken)", () -> {
            PermissionSet set = sets.get(random.nextInt(sets.size()));
            return ssoAdmin.runTrusted("ListAccountsForProvisionedPermissionSet", body(instance,
                    "\"PermissionSetArn\":\"" + set.permissionSetArn() + "\",\"NextToken\":\"" + PageTokens.next(
                            "accounts/" + set.permissionSetId(), BulkSeed.accountId(random.nextInt(accounts)))
                            + "\""), ADMIN, CONTEXT);
        });
    }

    private static byte[] body(String... members) {
        return ("{" + String.join(",", members) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private String probeAccessToken() {
        User probe = services.core().identityStore().user(BulkSeed.PROBE_USER);
        ClientRegistrations.Registered client = services.core().clients().register(new ClientRegistrations.Request(
                "data-scale-run", "public", List.of("sso:account:access"), null, null, null), CONTEXT);
        String clientId = client.client().clientId();
        DeviceAuthorizations.Started started = services.core().devices().start(clientId, client.clientSecret(),
                services.instance().portalUrl(), CONTEXT);
        services.core().devices().approve(started.userCode(), probe, CONTEXT);
        return services.core().tokens().createToken(new TokenRequest(clientId, client.clientSecret(),
                GrantTypes.DEVICE_CODE, started.deviceCode(), null, null, null, null, null), CONTEXT).accessToken();
    }
}
