package dev.gatehouse.store;

import dev.gatehouse.core.authz.ServiceCredential;
import dev.gatehouse.core.authz.ServiceCredentialRepository;
import dev.gatehouse.core.error.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiServiceCredentialRepository implements ServiceCredentialRepository {

    private static final String COLUMNS =
            "access_key_id, name, sealed_secret, created_at, managed_policies, inline_policy";

    private final Handles handles;

    JdbiServiceCredentialRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(ServiceCredential credential) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO service_credentials (access_key_id, name, name_lc, sealed_secret, created_at,
                            managed_policies, inline_policy)
                        VALUES (:accessKeyId, :name, :nameLc, :sealedSecret, :createdAt, :managedPolicies,
                            :inlinePolicy)""")
                        .bind("accessKeyId", credential.accessKeyId())
                        .bind("name", credential.name())
                        .bind("nameLc", Names.lowerCase(credential.name()))
                        .bind("sealedSecret", credential.sealedSecret())
                        .bind("createdAt", EpochNanos.of(credential.createdAt()))
                        .bind("managedPolicies", credential.managedPolicies().isEmpty() ? null
                                : String.join(",", credential.managedPolicies()))
                        .bind("inlinePolicy", credential.inlinePolicy())
                        .execute(),
                violation -> DomainException.exists("Service credential", credential.name())));
    }

    @Override
    public Optional<ServiceCredential> findByAccessKeyId(String accessKeyId) {
        return handles.call(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM service_credentials WHERE access_key_id = :accessKeyId")
                .bind("accessKeyId", accessKeyId)
                .map(JdbiServiceCredentialRepository::map)
                .findOne());
    }

    @Override
    public List<ServiceCredential> list() {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS + " FROM service_credentials ORDER BY name_lc")
                .map(JdbiServiceCredentialRepository::map)
                .list());
    }

    @Override
    public boolean delete(String accessKeyId) {
        return handles.call(h -> h.createUpdate("DELETE FROM service_credentials WHERE access_key_id = :accessKeyId")
                .bind("accessKeyId", accessKeyId)
                .execute()) > 0;
    }

    private static ServiceCredential map(ResultSet row, StatementContext context) throws SQLException {
        String managed = row.getString("managed_policies");
        return new ServiceCredential(row.getString("access_key_id"), row.getString("name"),
                row.getString("sealed_secret"), EpochNanos.read(row, "created_at"),
                managed == null ? List.of() : List.of(managed.split(",")), row.getString("inline_policy"));
    }
}
