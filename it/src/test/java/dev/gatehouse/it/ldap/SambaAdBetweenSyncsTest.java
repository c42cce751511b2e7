package dev.gatehouse.it.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;

/**
 * Acceptance A's "refuses the next refresh at once" against a real Samba AD: after {@code samba-tool user disable},
 * the user's next refresh through the AWS SDK is refused before any sync, found by a search on the objectGUID (as
 * the bytes AD stores) and read through userAccountControl; a colleague's refresh goes on.
 */
@ExtendWith(SambaAdInstalled.class)
class SambaAdBetweenSyncsTest {

    private static final RequestContext SETUP = RequestContext.commandLine("samba-ad-between-syncs-test");
    private static final String PASSWORD = "Refresh-AD-passw0rd1";
    private static final String ACCOUNT_ID = "111122223333";

    @TempDir
    Path dataDir;

    @Test
    void aUserDisabledInAdIsRefusedAtTheNextRefreshBeforeAnySync() throws Exception {
        SambaAdServer samba = SambaAdServer.shared();
        SambaAdOrganization ad = SambaAdOrganization.create(samba, "Refresh");
        ad.addUser("hank", "Hank", "Voight", PASSWORD);
        ad.addUser("kim", "Kim", "Burgess", PASSWORD);
        ad.addGroup("intelligence");
        ad.addMembers("intelligence", "hank", "kim");
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
             DeviceLogin cli = new DeviceLogin(gatehouse)) {
            CoreServices core = gatehouse.services().core();
            Actor admin = Actor.administratorCli();
            core.identitySources().setLdap(ad.settings(samba.url()), SambaAdOrganization.BIND_PASSWORD, admin,
                    SETUP);
            assertThat(core.ldapSync().run(SETUP).users()).isEqualTo(2);
            core.accessModel().createAccount(ACCOUNT_ID, "Intelligence", "aws+intel@example.com", admin, SETUP);
            PermissionSet role = core.accessModel().createPermissionSet(new NewPermissionSet("ReadOnlyAccess",
                    "Read only", "PT1H", List.of("ReadOnlyAccess"), null, null, null, Map.of()), admin, SETUP);
            core.accessModel().assign(ACCOUNT_ID, "ReadOnlyAccess", PrincipalType.GROUP, "intelligence", admin,
                    SETUP);
            DeviceLogin.LoggedIn hank = cli.logIn(new Entitlement(gatehouse.services(), "hank", PASSWORD,
                    ACCOUNT_ID, "Intelligence", role, "intelligence"));
            DeviceLogin.LoggedIn kim = cli.logIn(new Entitlement(gatehouse.services(), "kim", PASSWORD,
                    ACCOUNT_ID, "Intelligence", role, "intelligence"));

            samba.tool("user", "disable", "hank");

            assertThatThrownBy(() -> cli.refresh(hank.client(), hank.refreshToken()))
                    .as("refused at once, before any sync").isInstanceOf(InvalidGrantException.class);
            assertThat(core.identityStore().user("hank").status()).isEqualTo(UserStatus.DISABLED);
            assertThat(cli.refresh(kim.client(), kim.refreshToken()).accessToken()).isNotBlank();
        }
    }
}
