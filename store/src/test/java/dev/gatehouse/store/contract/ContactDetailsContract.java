package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.directory.ContactDetails;
import dev.gatehouse.core.directory.ContactDetails.Address;
import dev.gatehouse.core.directory.ContactDetails.PhoneNumber;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.store.testing.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public interface ContactDetailsContract extends StoreContract {

    ContactDetails DETAILS = new ContactDetails(
            List.of(new Address("1 Main St", "Springfield", "IL", "12345", "US", null, "work", true)),
            List.of(new PhoneNumber("+1 555 0100", null, false)));

    @Test
    default void contactDetailsReadBackReplacedClearedAndGoWithTheirUser() {
        User ed = TestUsers.user("ed.developer");
        store().users().insert(ed);
        assertThat(store().contactDetails().find(ed.userId())).isEqualTo(ContactDetails.NONE);

        store().contactDetails().replace(ed.userId(), DETAILS);
        assertThat(store().contactDetails().find(ed.userId())).isEqualTo(DETAILS);

        store().contactDetails().replace(ed.userId(), DETAILS.withAddresses(List.of()));
        assertThat(store().contactDetails().find(ed.userId()).addresses()).isEmpty();

        store().contactDetails().replace(ed.userId(), ContactDetails.NONE);
        assertThat(store().contactDetails().find(ed.userId())).isEqualTo(ContactDetails.NONE);

        store().contactDetails().replace(ed.userId(), DETAILS);
        store().users().delete(ed.userId());
        assertThat(store().contactDetails().find(ed.userId())).isEqualTo(ContactDetails.NONE);
    }

    @Test
    default void contactDetailsOfAPageOfUsersLeaveOutThoseWithout() {
        User ed = TestUsers.user("ed.developer");
        User ann = TestUsers.user("ann.operator");
        store().users().insert(ed);
        store().users().insert(ann);
        store().contactDetails().replace(ed.userId(), DETAILS);

        assertThat(store().contactDetails().findAll(List.of(ed.userId(), ann.userId(), "no-such-user")))
                .containsExactly(Map.entry(ed.userId(), DETAILS));
        assertThat(store().contactDetails().findAll(List.of())).isEmpty();
    }

    @Test
    default void contactDetailsOfNoSuchUserThenNotFound() {
        notFound(() -> store().contactDetails().replace("no-such-user", DETAILS));
    }
}
