package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.DeviceAuthorization;
import dev.gatehouse.core.oidc.DeviceAuthorizationRepository;
import dev.gatehouse.core.oidc.DeviceStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiDeviceAuthorizationRepository implements DeviceAuthorizationRepository {

    private static final String COLUMNS = """
            device_code_hash, user_code, client_id, start_url, status, approved_user_id, interval_seconds,
            created_at, expires_at""";

    private final Handles handles;

    JdbiDeviceAuthorizationRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(DeviceAuthorization authorization) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO device_authorizations (device_code_hash, user_code, client_id, start_url, status,
                               approved_user_id, interval_seconds, created_at, expires_at)
                        VALUES (:deviceCodeHash, :userCode, :clientId, :startUrl, :status, :approvedUserId,
                                :intervalSeconds, :createdAt, :expiresAt)""")
                        .bind("deviceCodeHash", authorization.deviceCodeHash())
                        .bind("userCode", authorization.userCode())
                        .bind("clientId", authorization.clientId())
                        .bind("startUrl", authorization.startUrl())
                        .bind("status", authorization.status().name())
                        .bind("approvedUserId", authorization.approvedUserId())
                        .bind("intervalSeconds", authorization.intervalSeconds())
                        .bind("createdAt", EpochNanos.of(authorization.createdAt()))
                        .bind("expiresAt", EpochNanos.of(authorization.expiresAt()))
                        .execute(),
                violation -> violation.of("uq_device_authorizations_user_code")
                        ? DomainException.exists("DeviceAuthorization", authorization.userCode())
                        : DomainException.exists("DeviceAuthorization", "(device code)")));
    }

    @Override
    public Optional<DeviceAuthorization> findByDeviceCodeHash(String deviceCodeHash) {
        return handles.call(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM device_authorizations WHERE device_code_hash = :deviceCodeHash")
                .bind("deviceCodeHash", deviceCodeHash)
                .map(JdbiDeviceAuthorizationRepository::map)
                .findOne());
    }

    @Override
    public Optional<DeviceAuthorization> findByUserCode(String userCode) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS + " FROM device_authorizations WHERE user_code = :userCode")
                .bind("userCode", userCode)
                .map(JdbiDeviceAuthorizationRepository::map)
                .findOne());
    }

    /** A null {@code approvedUserId} keeps the one recorded, so consuming an approval does not forget who gave it. */
    @Override
    public boolean transition(String deviceCodeHash, DeviceStatus expected, DeviceStatus next, String approvedUserId) {
        return handles.call(h -> h.createUpdate("""
                        UPDATE device_authorizations
                        SET status = :next, approved_user_id = COALESCE(:approvedUserId, approved_user_id)
                        WHERE device_code_hash = :deviceCodeHash AND status = :expected""")
                .bind("next", next.name())
                .bind("approvedUserId", approvedUserId)
                .bind("deviceCodeHash", deviceCodeHash)
                .bind("expected", expected.name())
                .execute()) == 1;
    }

    private static DeviceAuthorization map(ResultSet row, StatementContext context) throws SQLException {
        return new DeviceAuthorization(row.getString("device_code_hash"), row.getString("user_code"),
                row.getString("client_id"), row.getString("start_url"), DeviceStatus.valueOf(row.getString("status")),
                row.getString("approved_user_id"), row.getInt("interval_seconds"), EpochNanos.read(row, "created_at"),
                EpochNanos.read(row, "expires_at"));
    }
}
