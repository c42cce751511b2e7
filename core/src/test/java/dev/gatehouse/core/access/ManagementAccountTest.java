package dev.gatehouse.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.testing.InMemoryCore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The management account: the first account created until an administrator chooses another. */
class ManagementAccountTest {

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();
    private final ManagementAccount management = services.managementAccount();

    private void account(String id, String name) {
        services.accessModel().createAccount(id, name, name + "@example.com", Actor.administratorCli(),
                InMemoryCore.CONTEXT);
        core.clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void withoutAnyAccountThereIsNone() {
        assertThat(management.account()).isEmpty();
    }

    @Test
    void theFirstAccountCreatedUntilAnotherIsChosenAndAgainOnceTheChosenOneIsClosed() {
        account("900000000009", "Management");
        account("100000000001", "Workloads");

        assertThat(management.account()).map(Account::name).contains("Management");
        assertThat(management.chosen()).isFalse();

        management.choose("Workloads", Actor.administratorCli(), InMemoryCore.CONTEXT);
        assertThat(management.account()).map(Account::accountId).contains("100000000001");
        assertThat(management.chosen()).isTrue();
        assertThat(core.store.audit().find(AuditQuery.all()))
                .anySatisfy(event -> assertThat(event.eventName()).isEqualTo("SetManagementAccount"));

        services.accessModel().deleteAccount("Workloads", Actor.administratorCli(), InMemoryCore.CONTEXT);
        assertThat(management.account()).map(Account::name).contains("Management");
    }

    @Test
    void choosingAnUnknownAccountIsNotFoundAndChangesNothing() {
        account("900000000009", "Management");

        assertThatThrownBy(() -> management.choose("Nowhere", Actor.administratorCli(), InMemoryCore.CONTEXT))
                .isInstanceOf(DomainException.class);
        assertThat(management.chosen()).isFalse();
    }
}
