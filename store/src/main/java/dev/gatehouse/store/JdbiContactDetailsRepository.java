package dev.gatehouse.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.gatehouse.core.directory.ContactDetails;
import dev.gatehouse.core.directory.ContactDetails.Address;
import dev.gatehouse.core.directory.ContactDetails.PhoneNumber;
import dev.gatehouse.core.directory.ContactDetailsRepository;
import dev.gatehouse.core.error.DomainException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One row per user with contact details, the lists as JSON; the row goes with its user, by foreign key. */
final class JdbiContactDetailsRepository implements ContactDetailsRepository {

    private static final TypeReference<List<Address>> ADDRESSES = new TypeReference<>() { };
    private static final TypeReference<List<PhoneNumber>> PHONE_NUMBERS = new TypeReference<>() { };

    private final Handles handles;

    JdbiContactDetailsRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public ContactDetails find(String userId) {
        return handles.call(h -> h.createQuery(
                        "SELECT addresses, phone_numbers FROM user_contact_details WHERE user_id = :userId")
                .bind("userId", userId)
                .map((row, context) -> new ContactDetails(Json.read(row.getString("addresses"), ADDRESSES),
                        Json.read(row.getString("phone_numbers"), PHONE_NUMBERS)))
                .findOne()
                .orElse(ContactDetails.NONE));
    }

    @Override
    public Map<String, ContactDetails> findAll(Collection<String> userIds) {
        Map<String, ContactDetails> byUser = new HashMap<>();
        if (userIds.isEmpty()) {
            return byUser;
        }
        return handles.call(h -> {
            h.createQuery("SELECT user_id, addresses, phone_numbers FROM user_contact_details WHERE user_id IN (<ids>)")
                    .bindList("ids", List.copyOf(userIds))
                    .map((row, context) -> byUser.put(row.getString("user_id"), new ContactDetails(
                            Json.read(row.getString("addresses"), ADDRESSES),
                            Json.read(row.getString("phone_numbers"), PHONE_NUMBERS))))
                    .list();
            return byUser;
        });
    }

    @Override
    public void replace(String userId, ContactDetails details) {
        handles.atomically(h -> {
            h.createUpdate("DELETE FROM user_contact_details WHERE user_id = :userId").bind("userId", userId)
                    .execute();
            if (!details.isEmpty()) {
                Constraints.guarded(h, () -> h.createUpdate("""
                                INSERT INTO user_contact_details (user_id, addresses, phone_numbers)
                                VALUES (:userId, :addresses, :phoneNumbers)""")
                                .bind("userId", userId)
                                .bind("addresses", Json.write(details.addresses()))
                                .bind("phoneNumbers", Json.write(details.phoneNumbers()))
                                .execute(),
                        violation -> DomainException.notFound("User", userId));
            }
            return null;
        });
    }
}
