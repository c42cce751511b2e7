package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.signin.RememberedBrowser;
import dev.gatehouse.core.signin.RememberedBrowserRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** Remembered browsers go with their user, by foreign key. */
final class JdbiRememberedBrowserRepository implements RememberedBrowserRepository {

    private final Handles handles;

    JdbiRememberedBrowserRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(RememberedBrowser browser) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO remembered_browsers (secret_hash, user_id, binding, created_at, expires_at)
                        VALUES (:secretHash, :userId, :binding, :createdAt, :expiresAt)""")
                        .bind("secretHash", browser.secretHash())
                        .bind("userId", browser.userId())
                        .bind("binding", browser.binding())
                        .bind("createdAt", EpochNanos.of(browser.createdAt()))
                        .bind("expiresAt", EpochNanos.of(browser.expiresAt()))
                        .execute(),
                violation -> violation.duplicate() ? DomainException.exists("RememberedBrowser", "(secret)")
                        : DomainException.notFound("User", browser.userId())));
    }

    @Override
    public Optional<RememberedBrowser> find(String secretHash) {
        return handles.call(h -> h.createQuery("""
                        SELECT secret_hash, user_id, binding, created_at, expires_at
                        FROM remembered_browsers WHERE secret_hash = :secretHash""")
                .bind("secretHash", secretHash)
                .map(JdbiRememberedBrowserRepository::map)
                .findOne());
    }

    @Override
    public int deleteExpired(Instant now) {
        return handles.call(h -> h.createUpdate("DELETE FROM remembered_browsers WHERE expires_at < :now")
                .bind("now", EpochNanos.of(now))
                .execute());
    }

    private static RememberedBrowser map(ResultSet row, StatementContext context) throws SQLException {
        return new RememberedBrowser(row.getString("secret_hash"), row.getString("user_id"),
                row.getString("binding"), EpochNanos.read(row, "created_at"), EpochNanos.read(row, "expires_at"));
    }
}
