package dev.gatehouse.store;

import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PermissionSetRepository;
import dev.gatehouse.core.error.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiPermissionSetRepository implements PermissionSetRepository {

    static final String COLUMNS = """
            permission_set_arn, name, description, session_duration_seconds, managed_policies, inline_policy,
            permissions_boundary, relay_state, tags, role_suffix, created_at""";

    private final Handles handles;

    JdbiPermissionSetRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(PermissionSet permissionSet) {
        handles.call(h -> Constraints.guarded(h, () -> bind(h.createUpdate("""
                        INSERT INTO permission_sets (permission_set_arn, name, name_lc, description,
                               session_duration_seconds, managed_policies, inline_policy, permissions_boundary,
                               relay_state, tags, role_suffix, created_at)
                        VALUES (:arn, :name, :nameLc, :description, :sessionDurationSeconds, :managedPolicies,
                                :inlinePolicy, :permissionsBoundary, :relayState, :tags, :roleSuffix, :createdAt)"""), permissionSet)
                        .bind("roleSuffix", permissionSet.roleSuffix())
                        .bind("createdAt", EpochNanos.of(permissionSet.createdAt()))
                        .execute(),
                violation -> DomainException.exists("PermissionSet", permissionSet.name())));
    }

    /** Everything but the ARN, the role suffix and the creation time, which are fixed at creation. */
    @Override
    public void update(PermissionSet permissionSet) {
        int updated = handles.call(h -> Constraints.guarded(h, () -> bind(h.createUpdate("""
                        UPDATE permission_sets SET name = :name, name_lc = :nameLc, description = :description,
                               session_duration_seconds = :sessionDurationSeconds, managed_policies = :managedPolicies,
                               inline_policy = :inlinePolicy,
                               permissions_boundary = :permissionsBoundary, relay_state = :relayState, tags = :tags
                        WHERE permission_set_arn = :arn"""), permissionSet)
                        .execute(),
                violation -> DomainException.exists("PermissionSet", permissionSet.name())));
        if (updated == 0) {
            throw DomainException.notFound("PermissionSet", permissionSet.permissionSetArn());
        }
    }

    private static <S extends SqlStatement<S>> S bind(S statement, PermissionSet permissionSet) {
        return statement.bind("arn", permissionSet.permissionSetArn())
                .bind("name", permissionSet.name())
                .bind("nameLc", Names.lowerCase(permissionSet.name()))
                .bind("description", permissionSet.description())
                .bind("sessionDurationSeconds", permissionSet.sessionDuration().toSeconds())
                .bind("managedPolicies", Json.write(permissionSet.managedPolicies()))
                .bind("inlinePolicy", permissionSet.inlinePolicy())
                .bind("permissionsBoundary", permissionSet.permissionsBoundary())
                .bind("relayState", permissionSet.relayState())
                .bind("tags", Json.write(permissionSet.tags()));
    }

    /** Assignments go with it by foreign key. */
    @Override
    public void delete(String permissionSetArn) {
        handles.call(h -> h.createUpdate("DELETE FROM permission_sets WHERE permission_set_arn = :arn")
                .bind("arn", permissionSetArn)
                .execute());
    }

    @Override
    public Optional<PermissionSet> findByArn(String permissionSetArn) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS + " FROM permission_sets WHERE permission_set_arn = :arn")
                .bind("arn", permissionSetArn)
                .map(JdbiPermissionSetRepository::map)
                .findOne());
    }

    /** Case-insensitive, like the uniqueness of names. */
    @Override
    public Optional<PermissionSet> findByName(String name) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS + " FROM permission_sets WHERE name_lc = :nameLc")
                .bind("nameLc", Names.lowerCase(name))
                .map(JdbiPermissionSetRepository::map)
                .findOne());
    }

    @Override
    public List<PermissionSet> list(String afterName, int limit) {
        Keyset page = new Keyset("name_lc", Names.lowerCase(afterName), limit);
        if (page.isEmpty()) {
            return List.of();
        }
        return handles.call(h -> page.bind(h.createQuery(
                        "SELECT " + COLUMNS + " FROM permission_sets WHERE " + page.condition() + page.orderAndLimit()))
                .map(JdbiPermissionSetRepository::map)
                .list());
    }

    static PermissionSet map(ResultSet row, StatementContext context) throws SQLException {
        return new PermissionSet(row.getString("permission_set_arn"), row.getString("name"),
                row.getString("description"), Duration.ofSeconds(row.getLong("session_duration_seconds")),
                Json.strings(row.getString("managed_policies")), row.getString("inline_policy"),
                row.getString("permissions_boundary"), row.getString("relay_state"),
                Json.stringMap(row.getString("tags")), row.getString("role_suffix"),
                EpochNanos.read(row, "created_at"));
    }
}
