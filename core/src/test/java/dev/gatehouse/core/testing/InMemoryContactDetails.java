package dev.gatehouse.core.testing;

import dev.gatehouse.core.directory.ContactDetails;
import dev.gatehouse.core.directory.ContactDetailsRepository;
import dev.gatehouse.core.error.DomainException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Contact details by user id; a user's go with the user (InMemoryUsers.delete), as by the schema's foreign key. */
final class InMemoryContactDetails implements ContactDetailsRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryContactDetails(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public ContactDetails find(String userId) {
        return statements.read("ContactDetailsRepository.find",
                () -> tables.contactDetails.get(userId).orElse(ContactDetails.NONE));
    }

    @Override
    public Map<String, ContactDetails> findAll(Collection<String> userIds) {
        return statements.read("ContactDetailsRepository.findAll", () -> {
            Map<String, ContactDetails> byUser = new HashMap<>();
            userIds.forEach(id -> tables.contactDetails.get(id).ifPresent(details -> byUser.put(id, details)));
            return byUser;
        });
    }

    @Override
    public void replace(String userId, ContactDetails details) {
        statements.run(() -> {
            if (!tables.users.contains(userId)) {
                throw DomainException.notFound("User", userId);
            }
            if (details.isEmpty()) {
                tables.contactDetails.remove(userId);
            } else {
                tables.contactDetails.put(userId, details);
            }
        });
    }
}
