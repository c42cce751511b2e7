package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.ClientRegistration;
import dev.gatehouse.core.oidc.ClientRepository;
import java.util.Optional;

final class JdbiClientRepository implements ClientRepository {

    private final Handles handles;

    JdbiClientRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(ClientRegistration client) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO client_registrations (client_id, secret_hash, client_name, client_type, scopes,
                               grant_types, redirect_uris, issuer_url, issued_at, expires_at)
                        VALUES (:clientId, :secretHash, :clientName, :clientType, :scopes, :grantTypes, :redirectUris,
                                :issuerUrl, :issuedAt, :expiresAt)""")
                        .bind("clientId", client.clientId())
                        .bind("secretHash", client.secretHash())
                        .bind("clientName", client.clientName())
                        .bind("clientType", client.clientType())
                        .bind("scopes", Json.write(client.scopes()))
                        .bind("grantTypes", Json.write(client.grantTypes()))
                        .bind("redirectUris", Json.write(client.redirectUris()))
                        .bind("issuerUrl", client.issuerUrl())
                        .bind("issuedAt", EpochNanos.of(client.issuedAt()))
                        .bind("expiresAt", EpochNanos.of(client.expiresAt()))
                        .execute(),
                violation -> DomainException.exists("ClientRegistration", client.clientId())));
    }

    @Override
    public Optional<ClientRegistration> findById(String clientId) {
        return handles.call(h -> h.createQuery("""
                        SELECT client_id, secret_hash, client_name, client_type, scopes, grant_types, redirect_uris,
                               issuer_url, issued_at, expires_at
                        FROM client_registrations WHERE client_id = :clientId""")
                .bind("clientId", clientId)
                .map((row, context) -> new ClientRegistration(row.getString("client_id"),
                        row.getString("secret_hash"), row.getString("client_name"), row.getString("client_type"),
                        Json.strings(row.getString("scopes")), Json.strings(row.getString("grant_types")),
                        Json.strings(row.getString("redirect_uris")), row.getString("issuer_url"),
                        EpochNanos.read(row, "issued_at"), EpochNanos.read(row, "expires_at")))
                .findOne());
    }
}
