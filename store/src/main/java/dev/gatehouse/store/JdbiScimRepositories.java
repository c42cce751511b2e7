package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.scim.ScimExternalIdRepository;
import dev.gatehouse.core.scim.ScimToken;
import dev.gatehouse.core.scim.ScimTokenRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** SCIM tokens (by hash) and the external ids of provisioned users and groups (V11). */
final class JdbiScimRepositories {

    private JdbiScimRepositories() {
    }

    static final class Tokens implements ScimTokenRepository {
        private static final String COLUMNS = "token_id, token_hash, created_at, expires_at";
        private final Handles handles;

        Tokens(Handles handles) {
            this.handles = handles;
        }

        @Override
        public void insert(ScimToken token) {
            handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                            INSERT INTO scim_tokens (token_id, token_hash, created_at, expires_at)
                            VALUES (:tokenId, :tokenHash, :createdAt, :expiresAt)""")
                            .bind("tokenId", token.tokenId())
                            .bind("tokenHash", token.tokenHash())
                            .bind("createdAt", EpochNanos.of(token.createdAt()))
                            .bind("expiresAt", EpochNanos.of(token.expiresAt()))
                            .execute(),
                    violation -> DomainException.exists("SCIM token", token.tokenId())));
        }

        @Override
        public Optional<ScimToken> findByHash(String tokenHash) {
            return handles.call(h -> h.createQuery("SELECT " + COLUMNS + " FROM scim_tokens WHERE token_hash = :hash")
                    .bind("hash", tokenHash)
                    .map(Tokens::map)
                    .findOne());
        }

        @Override
        public List<ScimToken> list() {
            return handles.call(h -> h.createQuery("SELECT " + COLUMNS
                            + " FROM scim_tokens ORDER BY created_at, token_id")
                    .map(Tokens::map)
                    .list());
        }

        @Override
        public boolean delete(String tokenId) {
            return handles.call(h -> h.createUpdate("DELETE FROM scim_tokens WHERE token_id = :tokenId")
                    .bind("tokenId", tokenId)
                    .execute()) > 0;
        }

        private static ScimToken map(ResultSet row, StatementContext context) throws SQLException {
            return new ScimToken(row.getString("token_id"), row.getString("token_hash"),
                    EpochNanos.read(row, "created_at"), EpochNanos.read(row, "expires_at"));
        }
    }

    static final class ExternalIds implements ScimExternalIdRepository {
        private final Handles handles;

        ExternalIds(Handles handles) {
            this.handles = handles;
        }

        private static String table(Kind kind) {
            return kind == Kind.USER ? "scim_user_external_ids" : "scim_group_external_ids";
        }

        private static String idColumn(Kind kind) {
            return kind == Kind.USER ? "user_id" : "group_id";
        }

        @Override
        public void put(Kind kind, String resourceId, String externalId) {
            handles.atomically(h -> {
                h.createUpdate("DELETE FROM " + table(kind) + " WHERE " + idColumn(kind) + " = :id")
                        .bind("id", resourceId).execute();
                if (externalId != null) {
                    Constraints.guarded(h, () -> h.createUpdate("INSERT INTO " + table(kind) + " ("
                                    + idColumn(kind) + ", external_id) VALUES (:id, :externalId)")
                                    .bind("id", resourceId)
                                    .bind("externalId", externalId)
                                    .execute(),
                            violation -> violation.duplicate() ? null
                                    : DomainException.notFound(kind == Kind.USER ? "User" : "Group", resourceId));
                }
                return null;
            });
        }

        @Override
        public Optional<String> find(Kind kind, String resourceId) {
            return handles.call(h -> h.createQuery("SELECT external_id FROM " + table(kind) + " WHERE "
                            + idColumn(kind) + " = :id")
                    .bind("id", resourceId)
                    .mapTo(String.class)
                    .findOne());
        }

        @Override
        public List<String> resourcesWith(Kind kind, String externalId) {
            return handles.call(h -> h.createQuery("SELECT " + idColumn(kind) + " FROM " + table(kind)
                            + " WHERE external_id = :externalId ORDER BY " + idColumn(kind))
                    .bind("externalId", externalId)
                    .mapTo(String.class)
                    .list());
        }

        @Override
        public Map<String, String> of(Kind kind, Collection<String> resourceIds) {
            Map<String, String> byId = new HashMap<>();
            if (resourceIds.isEmpty()) {
                return byId;
            }
            return handles.call(h -> {
                h.createQuery("SELECT " + idColumn(kind) + " AS id, external_id FROM " + table(kind) + " WHERE "
                                + idColumn(kind) + " IN (<ids>)")
                        .bindList("ids", List.copyOf(resourceIds))
                        .map((row, context) -> byId.put(row.getString("id"), row.getString("external_id")))
                        .list();
                return byId;
            });
        }

        @Override
        public Map<String, String> all(Kind kind) {
            return handles.call(h -> {
                Map<String, String> byId = new HashMap<>();
                h.createQuery("SELECT " + idColumn(kind) + " AS id, external_id FROM " + table(kind))
                        .map((row, context) -> byId.put(row.getString("id"), row.getString("external_id")))
                        .list();
                return byId;
            });
        }
    }
}
