package dev.gatehouse.store;

import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.core.identitysource.SamlSettings;
import dev.gatehouse.core.identitysource.SamlSpKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The single identity source row (V12, V13, V15), the provider subjects seen at sign-in (V14), and SAML's signing key,
 * outstanding requests and used assertions (V15).
 */
final class JdbiIdentitySourceRepository implements IdentitySourceRepository {

    /** Marks a duplicate key inside this class only; never leaves it. */
    private static final DomainException DUPLICATE = DomainException.exists("Row", "duplicate");

    private final Handles handles;

    JdbiIdentitySourceRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Optional<IdentitySource> find() {
        return handles.call(h -> h.createQuery("""
                        SELECT kind, issuer, client_id, sealed_client_secret, user_claim, provisioning, groups_claim,
                               require_idp_mfa, mfa_acr_values, updated_at, saml_sso_url, saml_certificates,
                               saml_idp_initiated, saml_user_attribute, saml_metadata_url
                        FROM identity_source WHERE source_id = 1""")
                .map(JdbiIdentitySourceRepository::map)
                .findOne());
    }

    @Override
    public void put(IdentitySource source) {
        SamlSettings saml = source.saml();
        handles.atomically(h -> {
            h.createUpdate("DELETE FROM identity_source WHERE source_id = 1").execute();
            h.createUpdate("""
                            INSERT INTO identity_source (source_id, kind, issuer, client_id, sealed_client_secret,
                                   user_claim, provisioning, groups_claim, require_idp_mfa, mfa_acr_values,
                                   updated_at, saml_sso_url, saml_certificates, saml_idp_initiated,
                                   saml_user_attribute, saml_metadata_url)
                            VALUES (1, :kind, :issuer, :clientId, :sealed, :userClaim, :provisioning, :groupsClaim,
                                    :requireIdpMfa, :acrValues, :updatedAt, :ssoUrl, :certificates, :idpInitiated,
                                    :userAttribute, :metadataUrl)""")
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
                    .bind("ssoUrl", saml == null ? null : saml.ssoUrl())
                    .bind("certificates", saml == null ? null : String.join("\n", saml.signingCertificates()))
                    .bind("idpInitiated", saml != null && saml.idpInitiatedAllowed())
                    .bind("userAttribute", saml == null ? null : saml.userAttribute())
                    .bind("metadataUrl", saml == null ? null : saml.metadataUrl())
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

    @Override
    public Optional<SamlSpKey> samlSpKey() {
        return handles.call(h -> h.createQuery("""
                        SELECT sealed_private_key, certificate, created_at FROM saml_sp_key WHERE key_id = 1""")
                .map((row, ctx) -> new SamlSpKey(row.getString("sealed_private_key"), row.getString("certificate"),
                        EpochNanos.read(row, "created_at")))
                .findOne());
    }

    @Override
    public SamlSpKey insertSamlSpKeyIfAbsent(SamlSpKey key) {
        boolean inserted = insertUnlessDuplicate(h -> h.createUpdate("""
                        INSERT INTO saml_sp_key (key_id, sealed_private_key, certificate, created_at)
                        VALUES (1, :sealed, :certificate, :createdAt)""")
                .bind("sealed", key.sealedPrivateKey()).bind("certificate", key.certificate())
                .bind("createdAt", EpochNanos.of(key.createdAt())).execute());
        return inserted ? key : samlSpKey().orElseThrow();
    }

    @Override
    public void insertSamlRequest(String requestId, Instant expiresAt) {
        handles.call(h -> h.createUpdate("INSERT INTO saml_requests (request_id, expires_at) VALUES (:id, :expiresAt)")
                .bind("id", requestId).bind("expiresAt", EpochNanos.of(expiresAt)).execute());
    }

    @Override
    public boolean takeSamlRequest(String requestId, Instant now) {
        // One DELETE decides: of two answers to one request posted at once, only one deletes the row.
        return handles.call(h -> h.createUpdate("""
                        DELETE FROM saml_requests WHERE request_id = :id AND expires_at > :now""")
                .bind("id", requestId).bind("now", EpochNanos.of(now)).execute()) == 1;
    }

    @Override
    public boolean rememberAssertion(String issuer, String assertionId, Instant expiresAt) {
        return insertUnlessDuplicate(h -> h.createUpdate("""
                        INSERT INTO saml_assertions (issuer, assertion_id, expires_at)
                        VALUES (:issuer, :id, :expiresAt)""")
                .bind("issuer", issuer).bind("id", assertionId).bind("expiresAt", EpochNanos.of(expiresAt))
                .execute());
    }

    /** Runs one INSERT: false when the primary key was taken already (by another node, or a replay). */
    private boolean insertUnlessDuplicate(Function<Handle, Integer> insert) {
        try {
            handles.call(h -> Constraints.guarded(h, () -> insert.apply(h),
                    violation -> violation.duplicate() ? DUPLICATE : null));
            return true;
        } catch (DomainException e) {
            if (e == DUPLICATE) {
                return false;
            }
            throw e;
        }
    }

    private static IdentitySource map(ResultSet row, StatementContext context) throws SQLException {
        String claim = row.getString("user_claim");
        String provisioning = row.getString("provisioning");
        return new IdentitySource(Kind.valueOf(row.getString("kind")), row.getString("issuer"),
                row.getString("client_id"), row.getString("sealed_client_secret"),
                claim == null ? null : UserClaim.valueOf(claim),
                provisioning == null ? null : Provisioning.valueOf(provisioning), row.getString("groups_claim"),
                idpMfa(row), EpochNanos.read(row, "updated_at"), saml(row));
    }

    private static SamlSettings saml(ResultSet row) throws SQLException {
        String ssoUrl = row.getString("saml_sso_url");
        if (ssoUrl == null) {
            return null;
        }
        String certificates = row.getString("saml_certificates");
        return new SamlSettings(ssoUrl, certificates == null ? List.of() : List.of(certificates.split("\n")),
                row.getBoolean("saml_idp_initiated"), row.getString("saml_user_attribute"),
                row.getString("saml_metadata_url"));
    }

    private static IdpMfa idpMfa(ResultSet row) throws SQLException {
        String acrValues = row.getString("mfa_acr_values");
        return new IdpMfa(row.getBoolean("require_idp_mfa"),
                acrValues == null ? List.of() : List.of(acrValues.split(" ")));
    }
}
