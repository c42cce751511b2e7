package dev.gatehouse.core.testing;

import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;
import dev.gatehouse.core.identitysource.SamlSpKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The single identity source, under the key 1 as in the JDBC table. */
final class InMemoryIdentitySource implements IdentitySourceRepository {

    private static final int SINGLETON = 1;

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryIdentitySource(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public Optional<IdentitySource> find() {
        return statements.read("IdentitySourceRepository.find", () -> tables.identitySource.get(SINGLETON));
    }

    @Override
    public void put(IdentitySource source) {
        statements.run(() -> tables.identitySource.put(SINGLETON, source));
    }

    @Override
    public void rememberSubject(String issuer, String subject, String userId, Instant at) {
        statements.run(() -> tables.externalSubjects.put(key(issuer, subject), userId));
    }

    @Override
    public Optional<String> userOfSubject(String issuer, String subject) {
        return statements.read("IdentitySourceRepository.userOfSubject",
                () -> tables.externalSubjects.get(key(issuer, subject)));
    }

    @Override
    public Optional<SamlSpKey> samlSpKey() {
        return statements.read("IdentitySourceRepository.samlSpKey", () -> tables.samlSpKey.get(SINGLETON));
    }

    @Override
    public SamlSpKey insertSamlSpKeyIfAbsent(SamlSpKey key) {
        return statements.write(() -> {
            if (!tables.samlSpKey.contains(SINGLETON)) {
                tables.samlSpKey.put(SINGLETON, key);
            }
            return tables.samlSpKey.get(SINGLETON).orElseThrow();
        });
    }

    @Override
    public void insertSamlRequest(String requestId, Instant expiresAt) {
        statements.run(() -> tables.samlRequests.put(requestId, expiresAt));
    }

    @Override
    public boolean takeSamlRequest(String requestId, Instant now) {
        return statements.write(() -> {
            Optional<Instant> expiresAt = tables.samlRequests.get(requestId);
            tables.samlRequests.remove(requestId);
            return expiresAt.filter(at -> at.isAfter(now)).isPresent();
        });
    }

    @Override
    public boolean rememberAssertion(String issuer, String assertionId, Instant expiresAt) {
        return statements.write(() -> {
            if (tables.samlAssertions.contains(key(issuer, assertionId))) {
                return false;
            }
            tables.samlAssertions.put(key(issuer, assertionId), expiresAt);
            return true;
        });
    }

    private static String key(String issuer, String subject) {
        return issuer + "\n" + subject;
    }

    @Override
    public Map<String, String> directoryLinks(String kind) {
        return statements.read("IdentitySourceRepository.directoryLinks", () -> {
            Map<String, String> links = new LinkedHashMap<>();
            tables.directoryLinks.snapshot().forEach((key, id) -> {
                if (key.startsWith(kind + "\n")) {
                    links.put(key.substring(kind.length() + 1), id);
                }
            });
            return links;
        });
    }

    @Override
    public void linkDirectoryEntry(String kind, String directoryId, String gatehouseId) {
        statements.run(() -> tables.directoryLinks.put(key(kind, directoryId), gatehouseId));
    }

    @Override
    public void unlinkDirectoryEntry(String kind, String directoryId) {
        statements.run(() -> tables.directoryLinks.remove(key(kind, directoryId)));
    }

    @Override
    public boolean takeLease(String name, String holder, Instant now, Instant until) {
        return statements.write(() -> {
            Optional<InMemoryTables.Lease> held = tables.syncLeases.get(name);
            if (held.isPresent() && !held.get().holder().equals(holder) && held.get().expiresAt().isAfter(now)) {
                return false;
            }
            tables.syncLeases.put(name, new InMemoryTables.Lease(holder, until));
            return true;
        });
    }

    @Override
    public void releaseLease(String name, String holder) {
        statements.run(() -> {
            if (tables.syncLeases.get(name).filter(lease -> lease.holder().equals(holder)).isPresent()) {
                tables.syncLeases.remove(name);
            }
        });
    }
}
