package dev.gatehouse.store;

import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;
import dev.gatehouse.core.identitysource.IdpMfa;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** The single identity source row (V12, V13) and the provider subjects seen at sign-in (V14). */
final class JdbiIdentitySourceRepository implements IdentitySourceRepository {

    private final Handles handles;

    JdbiIdentitySourceRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Optional<IdentitySource> find() {
        return handles.call(h -> h.createQuery("""
                        SELECT kind, issuer, client_id, sealed_client_secret, user_claim, provisioning, groups_claim,
                               require_idp_mfa, mfa_acr_values, updated_at
                        FROM identity_source WHERE source_id = 1""")
                .map(JdbiIdentitySourceRepository::map)
                .findOne());
    }

    @Override
    public void put(IdentitySource source) {
        handles.atomically(h -> {
            h.createUpdate("DELETE FROM identity_source WHERE source_id = 1").execute();
            h.createUpdate("""
                            INSERT INTO identity_source (source_id, kind, issuer, client_id, sealed_client_secret,
                                   user_claim, provisioning, groups_claim, require_idp_mfa, mfa_acr_values,
                                   updated_at)
                            VALUES (1, :kind, :issuer, :clientId, :sealed, :userClaim, :provisioning, :groupsClaim,
                                    :requireIdpMfa, :acrValues, :updatedAt)""")
                    .bind("kind", source.kind().name())
                    .bind("issuer", source.issuer())
                    .bind("clientId", source.clientId())
                    .bind("sealed", source.sealedClientSecret())
                    .bind("userClaim", source.userClaim() == null ? null : source.userClaim().name())
                    .bind("provisioning", source.provisioning() == null ? null : source.provisioning().name())
                    .bind("groupsClaim", source.groupsClaim())
                    .bind("requireIdpMfa", source.idpMfa().required())
                    .bind("acrValues", source.idpMfa().acrValues().isEmpty() ? null
                            : String.join(" ", source.idpMfa().acrValues()))
                    .bind("updatedAt", EpochNanos.of(source.updatedAt()))
                    .execute();
            return null;
        });
    }

    @Override
    public void rememberSubject(String issuer, String subject, String userId, Instant at) {
        handles.atomically(h -> {
            int updated = h.createUpdate("""
                            UPDATE external_subjects SET user_id = :userId, last_sign_in = :at
                            WHERE issuer = :issuer AND subject = :subject""")
                    .bind("issuer", issuer).bind("subject", subject).bind("userId", userId)
                    .bind("at", EpochNanos.of(at)).execute();
            if (updated == 0) {
                h.createUpdate("""
                                INSERT INTO external_subjects (issuer, subject, user_id, last_sign_in)
                                VALUES (:issuer, :subject, :userId, :at)""")
                        .bind("issuer", issuer).bind("subject", subject).bind("userId", userId)
                        .bind("at", EpochNanos.of(at)).execute();
            }
            return null;
        });
    }

    @Override
    public Optional<String> userOfSubject(String issuer, String subject) {
        return handles.call(h -> h.createQuery("""
                        SELECT user_id FROM external_subjects WHERE issuer = :issuer AND subject = :subject""")
                .bind("issuer", issuer).bind("subject", subject)
                .mapTo(String.class)
                .findOne());
    }

    private static IdentitySource map(ResultSet row, StatementContext context) throws SQLException {
        String claim = row.getString("user_claim");
        String provisioning = row.getString("provisioning");
        return new IdentitySource(Kind.valueOf(row.getString("kind")), row.getString("issuer"),
                row.getString("client_id"), row.getString("sealed_client_secret"),
                claim == null ? null : UserClaim.valueOf(claim),
                provisioning == null ? null : Provisioning.valueOf(provisioning), row.getString("groups_claim"),
                idpMfa(row), EpochNanos.read(row, "updated_at"));
    }

    private static IdpMfa idpMfa(ResultSet row) throws SQLException {
        String acrValues = row.getString("mfa_acr_values");
        return new IdpMfa(row.getBoolean("require_idp_mfa"),
                acrValues == null ? List.of() : List.of(acrValues.split(" ")));
    }
}
