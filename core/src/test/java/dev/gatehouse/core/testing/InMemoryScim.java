package dev.gatehouse.core.testing;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.scim.ScimExternalIdRepository;
import dev.gatehouse.core.scim.ScimToken;
import dev.gatehouse.core.scim.ScimTokenRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SCIM tokens by id, and external ids keyed by kind and resource id (they go with their user or group). */
final class InMemoryScim {

    private InMemoryScim() {
    }

    static final class Tokens implements ScimTokenRepository {
        private final InMemoryTables tables;
        private final Statements statements;

        Tokens(InMemoryTables tables, Statements statements) {
            this.tables = tables;
            this.statements = statements;
        }

        @Override
        public void insert(ScimToken token) {
            statements.run(() -> {
                if (tables.scimTokens.contains(token.tokenId())
                        || tables.scimTokens.rows().anyMatch(t -> t.tokenHash().equals(token.tokenHash()))) {
                    throw DomainException.exists("SCIM token", token.tokenId());
                }
                tables.scimTokens.put(token.tokenId(), token);
            });
        }

        @Override
        public Optional<ScimToken> findByHash(String tokenHash) {
            return statements.read("ScimTokenRepository.findByHash", () -> tables.scimTokens.rows()
                    .filter(t -> t.tokenHash().equals(tokenHash)).findFirst());
        }

        @Override
        public List<ScimToken> list() {
            return statements.read("ScimTokenRepository.list", () -> tables.scimTokens.rows()
                    .sorted(Comparator.comparing(ScimToken::createdAt).thenComparing(ScimToken::tokenId))
                    .toList());
        }

        @Override
        public boolean delete(String tokenId) {
            return statements.write(() -> tables.scimTokens.remove(tokenId));
        }
    }

    static final class ExternalIds implements ScimExternalIdRepository {
        private final InMemoryTables tables;
        private final Statements statements;

        ExternalIds(InMemoryTables tables, Statements statements) {
            this.tables = tables;
            this.statements = statements;
        }

        @Override
        public void put(Kind kind, String resourceId, String externalId) {
            statements.run(() -> {
                boolean exists = kind == Kind.USER ? tables.users.contains(resourceId)
                        : tables.groups.contains(resourceId);
                if (!exists) {
                    throw DomainException.notFound(kind == Kind.USER ? "User" : "Group", resourceId);
                }
                String key = kind + ":" + resourceId;
                if (externalId == null) {
                    tables.scimExternalIds.remove(key);
                } else {
                    tables.scimExternalIds.put(key, externalId);
                }
            });
        }

        @Override
        public Optional<String> find(Kind kind, String resourceId) {
            return statements.read("ScimExternalIdRepository.find",
                    () -> live(kind).entrySet().stream().filter(e -> e.getKey().equals(resourceId))
                            .map(Map.Entry::getValue).findFirst());
        }

        @Override
        public java.util.List<String> resourcesWith(Kind kind, String externalId) {
            return statements.read("ScimExternalIdRepository.resourcesWith", () -> live(kind).entrySet().stream()
                    .filter(e -> e.getValue().equals(externalId)).map(Map.Entry::getKey).sorted().toList());
        }

        @Override
        public Map<String, String> of(Kind kind, java.util.Collection<String> resourceIds) {
            return statements.read("ScimExternalIdRepository.of", () -> {
                Map<String, String> byId = new HashMap<>(live(kind));
                byId.keySet().retainAll(Set.copyOf(resourceIds));
                return byId;
            });
        }

        @Override
        public Map<String, String> all(Kind kind) {
            return statements.read("ScimExternalIdRepository.all", () -> live(kind));
        }

        /** The rows of live users or groups: a deleted one's row is gone, as the JDBC store's cascade makes it. */
        private Map<String, String> live(Kind kind) {
            Map<String, String> byId = new HashMap<>();
            String prefix = kind + ":";
            tables.scimExternalIds.snapshot().forEach((key, value) -> {
                String id = key.substring(prefix.length());
                boolean exists = kind == Kind.USER ? tables.users.contains(id) : tables.groups.contains(id);
                if (key.startsWith(prefix) && exists) {
                    byId.put(id, value);
                }
            });
            return byId;
        }
    }
}
