package dev.gatehouse.store;

import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.identitysource.SamlSettings;
import dev.gatehouse.core.identitysource.SamlSpKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The single identity source row (V12, V13, V15, V20), the provider subjects seen at sign-in (V14), the directory entries LDAP sync linked (V20)
 * and its lease (V22), and SAML's signing key,
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
                               saml_idp_initiated, saml_user_attribute, saml_metadata_url, ldap_urls,
                               ldap_transport, ldap_trusted_ca_file, ldap_bind_dn, ldap_user_base_dn,
                               ldap_user_filter, ldap_group_base_dn, ldap_group_filter, ldap_schema
                        FROM identity_source WHERE source_id = 1""")
                .map(JdbiIdentitySourceRepository::map)
                .findOne());
    }

    @Override
    public void put(IdentitySource source) {
        SamlSettings saml = source.saml();
        LdapSettings ldap = source.ldap();
        handles.atomically(h -> {
            h.createUpdate("DELETE FROM identity_source WHERE source_id = 1").execute();
            h.createUpdate("""
                            INSERT INTO identity_source (source_id, kind, issuer, client_id, sealed_client_secret,
                                   user_claim, provisioning, groups_claim, require_idp_mfa, mfa_acr_values,
                                   updated_at, saml_sso_url, saml_certificates, saml_idp_initiated,
                                   saml_user_attribute, saml_metadata_url, ldap_urls, ldap_transport,
                                   ldap_trusted_ca_file, ldap_bind_dn, ldap_user_base_dn, ldap_user_filter,
                                   ldap_group_base_dn, ldap_group_filter, ldap_schema)
                            VALUES (1, :kind, :issuer, :clientId, :sealed, :userClaim, :provisioning, :groupsClaim,
                                    :requireIdpMfa, :acrValues, :updatedAt, :ssoUrl, :certificates, :idpInitiated,
                                    :userAttribute, :metadataUrl, :ldapUrls, :ldapTransport, :ldapCaFile,
                                    :ldapBindDn, :ldapUserBase, :ldapUserFilter, :ldapGroupBase, :ldapGroupFilter,
                                    :ldapSchema)""")
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
                    .bind("ldapUrls", ldap == null ? null : String.join("\n", ldap.urls()))
                    .bind("ldapTransport", ldap == null ? null : ldap.transport().name())
                    .bind("ldapCaFile", ldap == null ? null : ldap.trustedCaFile())
                    .bind("ldapBindDn", ldap == null ? null : ldap.bindDn())
                    .bind("ldapUserBase", ldap == null ? null : ldap.userBaseDn())
                    .bind("ldapUserFilter", ldap == null ? null : ldap.userFilter())
                    .bind("ldapGroupBase", ldap == null ? null : ldap.groupBaseDn())
                    .bind("ldapGroupFilter", ldap == null ? null : ldap.groupFilter())
                    .bind("ldapSchema", ldap == null ? null : ldap.schema().preset().name())
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

    @Override
    public Map<String, String> directoryLinks(String kind) {
        Map<String, String> links = new LinkedHashMap<>();
        handles.call(h -> h.createQuery("SELECT directory_id, gatehouse_id FROM directory_links WHERE kind = :kind")
                .bind("kind", kind)
                .map((row, ctx) -> Map.entry(row.getString("directory_id"), row.getString("gatehouse_id")))
                .list()).forEach(link -> links.put(link.getKey(), link.getValue()));
        return links;
    }

    @Override
    public Optional<String> directoryIdOf(String kind, String gatehouseId) {
        return handles.call(h -> h.createQuery("SELECT directory_id FROM directory_links WHERE kind = :kind "
                        + "AND gatehouse_id = :id ORDER BY directory_id")
                .bind("kind", kind).bind("id", gatehouseId).mapTo(String.class).findFirst());
    }

    @Override
    public void linkDirectoryEntry(String kind, String directoryId, String gatehouseId) {
        handles.atomically(h -> {
            h.createUpdate("DELETE FROM directory_links WHERE kind = :kind AND directory_id = :id")
                    .bind("kind", kind).bind("id", directoryId).execute();
            h.createUpdate("INSERT INTO directory_links (kind, directory_id, gatehouse_id) VALUES (:kind, :id, :to)")
                    .bind("kind", kind).bind("id", directoryId).bind("to", gatehouseId).execute();
            return null;
        });
    }

    @Override
    public void unlinkDirectoryEntry(String kind, String directoryId) {
        handles.call(h -> h.createUpdate("DELETE FROM directory_links WHERE kind = :kind AND directory_id = :id")
                .bind("kind", kind).bind("id", directoryId).execute());
    }

    @Override
    public boolean takeLease(String name, String holder, Instant now, Instant until) {
        // One UPDATE decides between nodes for an existing row; the first time, the INSERT's primary key does.
        int renewed = handles.call(h -> h.createUpdate("""
                        UPDATE sync_leases SET holder = :holder, expires_at = :until
                         WHERE name = :name AND (holder = :holder OR expires_at <= :now)""")
                .bind("name", name).bind("holder", holder).bind("until", EpochNanos.of(until))
                .bind("now", EpochNanos.of(now)).execute());
        return renewed == 1 || insertUnlessDuplicate(h -> h.createUpdate("""
                        INSERT INTO sync_leases (name, holder, expires_at) VALUES (:name, :holder, :until)""")
                .bind("name", name).bind("holder", holder).bind("until", EpochNanos.of(until)).execute());
    }

    @Override
    public void releaseLease(String name, String holder) {
        handles.call(h -> h.createUpdate("DELETE FROM sync_leases WHERE name = :name AND holder = :holder")
                .bind("name", name).bind("holder", holder).execute());
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
                idpMfa(row), EpochNanos.read(row, "updated_at"), saml(row), ldap(row));
    }

    private static LdapSettings ldap(ResultSet row) throws SQLException {
        String urls = row.getString("ldap_urls");
        if (urls == null) {
            return null;
        }
        return new LdapSettings(List.of(urls.split("\n")), Transport.valueOf(row.getString("ldap_transport")),
                row.getString("ldap_trusted_ca_file"), row.getString("ldap_bind_dn"),
                row.getString("ldap_user_base_dn"), row.getString("ldap_user_filter"),
                row.getString("ldap_group_base_dn"), row.getString("ldap_group_filter"),
                LdapSchema.of(LdapSchema.Preset.valueOf(row.getString("ldap_schema"))));
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
