package dev.gatehouse.core.testing;

import dev.gatehouse.core.abac.AccessControlAttributeRepository;
import java.util.Map;
import java.util.TreeMap;

/** The instance's mapping from principal tag key to user attribute, replaced whole. */
final class InMemoryAccessControlAttributes implements AccessControlAttributeRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryAccessControlAttributes(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public Map<String, String> mapping() {
        return statements.read("AccessControlAttributeRepository.mapping", () -> {
            Map<String, String> mapping = new TreeMap<>();
            tables.accessControlAttributes.snapshot().forEach(mapping::put);
            return mapping;
        });
    }

    @Override
    public void replaceMapping(Map<String, String> tagKeyToAttribute) {
        statements.run(() -> {
            tables.accessControlAttributes.removeIf(attribute -> true);
            tagKeyToAttribute.forEach(tables.accessControlAttributes::put);
        });
    }
}
