package dev.gatehouse.core.testing;

import static dev.gatehouse.core.testing.Keysets.lowerCase;

import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PermissionSetRepository;
import dev.gatehouse.core.error.DomainException;
import java.util.List;
import java.util.Optional;

/** Permission sets, unique by lower-cased name; the role suffix and creation time never change after insert. */
final class InMemoryPermissionSets implements PermissionSetRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryPermissionSets(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(PermissionSet permissionSet) {
        statements.run(() -> {
            if (tables.permissionSets.contains(permissionSet.permissionSetArn()) || nameTakenByOther(permissionSet)) {
                throw DomainException.exists("PermissionSet", permissionSet.name());
            }
            tables.permissionSets.put(permissionSet.permissionSetArn(), permissionSet);
        });
    }

    @Override
    public void update(PermissionSet permissionSet) {
        statements.run(() -> {
            PermissionSet stored = tables.permissionSets.get(permissionSet.permissionSetArn()).orElseThrow(
                    () -> DomainException.notFound("PermissionSet", permissionSet.permissionSetArn()));
            if (nameTakenByOther(permissionSet)) {
                throw DomainException.exists("PermissionSet", permissionSet.name());
            }
            tables.permissionSets.put(stored.permissionSetArn(), new PermissionSet(stored.permissionSetArn(),
                    permissionSet.name(), permissionSet.description(), permissionSet.sessionDuration(),
                    permissionSet.managedPolicies(), permissionSet.inlinePolicy(), permissionSet.permissionsBoundary(),
                    permissionSet.relayState(), permissionSet.tags(), stored.roleSuffix(), stored.createdAt()));
        });
    }

    private boolean nameTakenByOther(PermissionSet permissionSet) {
        return tables.permissionSets.rows().anyMatch(p -> !p.permissionSetArn().equals(permissionSet.permissionSetArn())
                && lowerCase(p.name()).equals(lowerCase(permissionSet.name())));
    }

    /** Assignments go with it, as by the schema's foreign key. */
    @Override
    public void delete(String permissionSetArn) {
        statements.run(() -> {
            if (tables.permissionSets.remove(permissionSetArn)) {
                tables.assignments.removeIf(a -> a.permissionSetArn().equals(permissionSetArn));
            }
        });
    }

    @Override
    public Optional<PermissionSet> findByArn(String permissionSetArn) {
        return statements.read("PermissionSetRepository.findByArn", () -> tables.permissionSets.get(permissionSetArn));
    }

    @Override
    public Optional<PermissionSet> findByName(String name) {
        return statements.read("PermissionSetRepository.findByName", () -> tables.permissionSets.rows()
                .filter(p -> lowerCase(p.name()).equals(lowerCase(name)))
                .findFirst());
    }

    @Override
    public List<PermissionSet> list(String afterName, int limit) {
        return statements.read("PermissionSetRepository.list", () -> Keysets.page(tables.permissionSets.rows(),
                p -> lowerCase(p.name()), lowerCase(afterName), limit));
    }
}
