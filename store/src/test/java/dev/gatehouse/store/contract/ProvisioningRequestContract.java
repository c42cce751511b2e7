package dev.gatehouse.store.contract;

import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.access.ProvisioningRequest;
import dev.gatehouse.core.access.ProvisioningRequest.Kind;
import dev.gatehouse.core.access.ProvisioningRequestRepository;
import java.time.Duration;
import org.junit.jupiter.api.Test;

public interface ProvisioningRequestContract extends StoreContract {

    String SET = "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef";

    private ProvisioningRequestRepository requests() {
        return store().provisioningRequests();
    }

    private static ProvisioningRequest assignment(String requestId, Kind kind) {
        return new ProvisioningRequest(requestId, kind, ProvisioningRequest.SUCCEEDED, "111122223333", SET,
                PrincipalType.GROUP, "0123456789-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", NOW);
    }

    @Test
    default void aRequestReadsBackWholeAndAProvisioningOneWithoutAccountOrPrincipal() {
        ProvisioningRequest created = assignment("00000000-0000-4000-8000-000000000001",
                Kind.CREATE_ACCOUNT_ASSIGNMENT);
        ProvisioningRequest provisioned = new ProvisioningRequest("00000000-0000-4000-8000-000000000002",
                Kind.PROVISION_PERMISSION_SET, ProvisioningRequest.SUCCEEDED, null, SET, null, null, NOW);
        requests().insert(created);
        requests().insert(provisioned);

        assertThat(requests().find(created.requestId())).contains(created);
        assertThat(requests().find(provisioned.requestId())).contains(provisioned);
        assertThat(requests().find("00000000-0000-4000-8000-000000000009")).isEmpty();
    }

    @Test
    default void listPagesThroughOneKindByRequestId() {
        requests().insert(assignment("00000000-0000-4000-8000-00000000000c", Kind.DELETE_ACCOUNT_ASSIGNMENT));
        requests().insert(assignment("00000000-0000-4000-8000-00000000000a", Kind.DELETE_ACCOUNT_ASSIGNMENT));
        requests().insert(assignment("00000000-0000-4000-8000-00000000000b", Kind.CREATE_ACCOUNT_ASSIGNMENT));
        requests().insert(assignment("00000000-0000-4000-8000-00000000000d", Kind.DELETE_ACCOUNT_ASSIGNMENT));

        assertThat(requests().list(Kind.DELETE_ACCOUNT_ASSIGNMENT, null, 2)).extracting(ProvisioningRequest::requestId)
                .containsExactly("00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000c");
        assertThat(requests().list(Kind.DELETE_ACCOUNT_ASSIGNMENT, "00000000-0000-4000-8000-00000000000c", 2))
                .extracting(ProvisioningRequest::requestId).containsExactly("00000000-0000-4000-8000-00000000000d");
        assertThat(requests().list(Kind.PROVISION_PERMISSION_SET, null, 10)).isEmpty();
    }

    @Test
    default void aStatusEndsWithItsDayAndThePurgeTakesIt() {
        ProvisioningRequest old = new ProvisioningRequest("00000000-0000-4000-8000-000000000010",
                Kind.PROVISION_PERMISSION_SET, ProvisioningRequest.SUCCEEDED, null, SET, null, null,
                NOW.minus(Duration.ofDays(2)));
        ProvisioningRequest recent = assignment("00000000-0000-4000-8000-000000000011",
                Kind.CREATE_ACCOUNT_ASSIGNMENT);
        requests().insert(old);
        requests().insert(recent);

        assertThat(store().expiredRows().deleteEnded(NOW.minus(Duration.ofDays(1))))
                .containsEntry("provisioning_requests", 1);
        assertThat(requests().find(old.requestId())).isEmpty();
        assertThat(requests().find(recent.requestId())).contains(recent);
    }
}
