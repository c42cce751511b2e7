package dev.gatehouse.server.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.portal.PortalService;
import dev.gatehouse.core.storage.Page;
import java.util.List;

/** The sso portal output shapes, member for member as the model names them; unset members are left out. */
final class PortalResponses {

    private PortalResponses() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AccountInfo(String accountId, String accountName, String emailAddress) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListAccountsResponse(List<AccountInfo> accountList, String nextToken) {

        static ListAccountsResponse of(Page<Account> page) {
            return new ListAccountsResponse(page.items().stream()
                    .map(a -> new AccountInfo(a.accountId(), a.name(), a.email())).toList(), page.nextToken());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoleInfo(String roleName, String accountId) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListAccountRolesResponse(List<RoleInfo> roleList, String nextToken) {

        static ListAccountRolesResponse of(Page<PortalService.RoleInfo> page) {
            return new ListAccountRolesResponse(page.items().stream()
                    .map(r -> new RoleInfo(r.roleName(), r.accountId())).toList(), page.nextToken());
        }
    }
}
