package dev.gatehouse.core.testing;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.DeviceAuthorization;
import dev.gatehouse.core.oidc.DeviceAuthorizationRepository;
import dev.gatehouse.core.oidc.DeviceStatus;
import java.util.Optional;

/** Device authorizations by the hash of their device code, with user codes unique among them. */
final class InMemoryDeviceAuthorizations implements DeviceAuthorizationRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryDeviceAuthorizations(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(DeviceAuthorization authorization) {
        statements.run(() -> {
            if (tables.deviceAuthorizations.rows().anyMatch(a -> a.userCode().equals(authorization.userCode()))) {
                throw DomainException.exists("DeviceAuthorization", authorization.userCode());
            }
            if (tables.deviceAuthorizations.contains(authorization.deviceCodeHash())) {
                throw DomainException.exists("DeviceAuthorization", "(device code)");
            }
            tables.deviceAuthorizations.put(authorization.deviceCodeHash(), authorization);
        });
    }

    @Override
    public Optional<DeviceAuthorization> findByDeviceCodeHash(String deviceCodeHash) {
        return statements.read("DeviceAuthorizationRepository.findByDeviceCodeHash",
                () -> tables.deviceAuthorizations.get(deviceCodeHash));
    }

    @Override
    public Optional<DeviceAuthorization> findByUserCode(String userCode) {
        return statements.read("DeviceAuthorizationRepository.findByUserCode", () -> tables.deviceAuthorizations.rows()
                .filter(a -> a.userCode().equals(userCode))
                .findFirst());
    }

    /** A null {@code approvedUserId} keeps the one recorded, as the JDBC store's COALESCE does. */
    @Override
    public boolean transition(String deviceCodeHash, DeviceStatus expected, DeviceStatus next, String approvedUserId) {
        return statements.write(() -> tables.deviceAuthorizations.get(deviceCodeHash)
                .filter(a -> a.status() == expected)
                .map(a -> {
                    tables.deviceAuthorizations.put(deviceCodeHash, new DeviceAuthorization(a.deviceCodeHash(),
                            a.userCode(), a.clientId(), a.startUrl(), next,
                            approvedUserId != null ? approvedUserId : a.approvedUserId(), a.intervalSeconds(),
                            a.createdAt(), a.expiresAt()));
                    return true;
                })
                .orElse(false));
    }
}
