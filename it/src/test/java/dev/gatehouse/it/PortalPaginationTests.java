package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.server.Services;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;
import software.amazon.awssdk.services.sso.model.RoleInfo;

/** ListAccounts and ListAccountRoles page with max_result / next_token, as the SDK paginators expect. */
interface PortalPaginationTests extends LoginFlowTest {

    private void alsoAssign(Entitlement ed, String accountId, String permissionSet) {
        Services services = gatehouse().services();
        RequestContext context = RequestContext.commandLine("it-pagination");
        if (services.store().accounts().findById(accountId).isEmpty()) {
            services.core().accessModel().createAccount(accountId, "Account " + accountId, "aws+" + accountId + "@example.com",
                    Entitlement.ADMIN, context);
        }
        if (services.store().permissionSets().findByName(permissionSet).isEmpty()) {
            services.core().accessModel().createPermissionSet(new NewPermissionSet(permissionSet, null, "PT2H",
                    List.of("ReadOnlyAccess"), null, null, null, Map.of()), Entitlement.ADMIN, context);
        }
        services.core().accessModel().assign(accountId, permissionSet, PrincipalType.USER, ed.userName(), Entitlement.ADMIN,
                context);
    }

    @Test
    default void listAccountsWhenMoreThanMaxResultThenPagesThroughEveryAccountOnce() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        alsoAssign(ed, "222233334444", "ReadOnly");
        alsoAssign(ed, "333344445555", "ReadOnly");
        String accessToken = login().logIn(ed).accessToken();

        ListAccountsResponse first = login().sso().listAccounts(r -> r.accessToken(accessToken).maxResults(2));

        assertThat(first.accountList()).extracting(AccountInfo::accountId)
                .containsExactly("111122223333", "222233334444");
        assertThat(first.nextToken()).isNotBlank();
        ListAccountsResponse second = login().sso().listAccounts(r -> r.accessToken(accessToken).maxResults(2)
                .nextToken(first.nextToken()));
        assertThat(second.accountList()).extracting(AccountInfo::accountId).containsExactly("333344445555");
        assertThat(second.nextToken()).isNull();
        assertThat(login().sso().listAccountsPaginator(r -> r.accessToken(accessToken).maxResults(1))
                .accountList().stream().map(AccountInfo::accountId))
                .containsExactly("111122223333", "222233334444", "333344445555");
    }

    @Test
    default void listAccountRolesWhenTwoRolesInOneAccountThenBothAcrossPages() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        alsoAssign(ed, ed.accountId(), "ReadOnly");
        String accessToken = login().logIn(ed).accessToken();

        assertThat(login().sso().listAccountRolesPaginator(r -> r.accessToken(accessToken)
                .accountId(ed.accountId()).maxResults(1)).roleList().stream().map(RoleInfo::roleName))
                .containsExactly("PowerUserAccess", "ReadOnly");
    }
}
