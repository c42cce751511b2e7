package dev.gatehouse.core.testing;

import dev.gatehouse.core.directory.UserAttributeRepository;
import java.util.Map;
import java.util.TreeMap;

/** Each user's attributes for access control, replaced whole; they go with their user. */
final class InMemoryUserAttributes implements UserAttributeRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryUserAttributes(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public Map<String, String> find(String userId) {
        return statements.read("UserAttributeRepository.find",
                () -> new TreeMap<>(tables.userAttributes.get(userId).orElse(Map.of())));
    }

    /** No attributes for an unknown user is no row to insert, so only a non-empty map needs the user. */
    @Override
    public void replace(String userId, Map<String, String> attributes) {
        statements.run(() -> {
            if (attributes.isEmpty()) {
                tables.userAttributes.remove(userId);
                return;
            }
            tables.requireUser(userId);
            tables.userAttributes.put(userId, Map.copyOf(attributes));
        });
    }
}
