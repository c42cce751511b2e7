package dev.gatehouse.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.directory.ContactDetails.Address;
import dev.gatehouse.core.directory.ContactDetails.PhoneNumber;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.IdentityStoreService.UserChanges;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.testing.InMemoryCore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Addresses and phone numbers kept beside the user, written with it or not at all. */
class UserContactsTest {

    private static final ContactDetails HOME = new ContactDetails(
            List.of(new Address("1 Main St", "Springfield", null, "12345", "US", null, "home", true)),
            List.of(new PhoneNumber("+1 555 0100", "mobile", null)));

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();
    private final UserContacts contacts = services.userContacts();

    private User create(String userName, ContactDetails details) {
        return contacts.createUser(new NewUser(userName, null, "Ann", "Lee", userName + "@example.com", false),
                details, Actor.administratorCli(), InMemoryCore.CONTEXT);
    }

    @Test
    void createdWithTheUserAndReadBack() {
        User ann = create("ann", HOME);

        assertThat(contacts.of(ann.userId())).isEqualTo(HOME);
    }

    @Test
    void aRefusedUserLeavesNoContactDetailsBehind() {
        create("ann", ContactDetails.NONE);

        assertThatThrownBy(() -> create("ANN", HOME)).isInstanceOf(DomainException.class);
        assertThat(core.store.users().list(null, 10)).hasSize(1);
    }

    @Test
    void anUpdateThatChangesThemIsAuditedByAttributeNameAndAClearedListIsGone() {
        User ann = create("ann", HOME);

        contacts.updateUser("ann", new UserChanges(ann.displayName(), "Ann", "Lee", ann.email(), false),
                HOME.withPhoneNumbers(List.of()), Actor.administratorCli(), InMemoryCore.CONTEXT);

        assertThat(contacts.of(ann.userId()).phoneNumbers()).isEmpty();
        assertThat(contacts.of(ann.userId()).addresses()).isEqualTo(HOME.addresses());
        assertThat(core.store.audit().find(AuditQuery.all())).anySatisfy(event -> {
            assertThat(event.eventName()).isEqualTo("UpdateUser");
            assertThat(event.requestParameters()).containsEntry("changed", List.of("phoneNumbers"));
            assertThat(event.requestParameters().toString()).doesNotContain("555");
        });
    }

    @Test
    void theyGoWithTheUser() {
        User ann = create("ann", HOME);

        services.identityStore().deleteUser("ann", Actor.administratorCli(), InMemoryCore.CONTEXT);

        assertThat(contacts.of(ann.userId())).isEqualTo(ContactDetails.NONE);
    }
}
