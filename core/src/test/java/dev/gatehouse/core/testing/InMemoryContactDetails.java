package dev.gatehouse.core.testing;

import dev.gatehouse.core.directory.ContactDetails;
import dev.gatehouse.core.directory.ContactDetailsRepository;
import dev.gatehouse.core.error.DomainException;

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
