package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.Store;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.instance.InstanceService;
import dev.gatehouse.core.keys.MasterKey;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.keys.StoredSealingKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database from before V5 held its sealing keys in clear; the first start with a master key wraps them. */
class LegacySealingKeysTest {

    @TempDir
    Path dataDirectory;

    @Test
    void databaseFromBeforeV5ThenPlainKeyMigratedAsLegacyAndWrappedOnFirstStart() throws SQLException {
        String url = Database.h2FileUrl(dataDirectory);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("4").load()
                .migrate();
        byte[] plain = Secrets.randomBytes(32);
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO sealing_keys (key_id, secret, created_at) VALUES (1, ?, 0)")) {
            insert.setBytes(1, plain);
            insert.executeUpdate();
        }
        MasterKey master = MasterKey.of(MasterKey.randomBytes());

        try (Database database = Database.open(url, "sa", "")) {
            assertThat(database.store().instance().sealingKeys()).singleElement()
                    .satisfies(key -> assertThat(key.wrapped()).isFalse());
            Store store = database.store();
            InstanceService instances = new InstanceService(store.instance(), store.users(), store.passwordHistory(),
                    store, Clock.systemUTC(), new AuditLog(store.audit(), Clock.systemUTC()));

            instances.initialize(master, "us-east-1", "https://sso.example.com/start", List.of());

            StoredSealingKey stored = database.store().instance().sealingKeys().getFirst();
            assertThat(stored.wrapped()).isTrue();
            assertThat(stored.material()).isNotEqualTo(plain);
            assertThat(instances.sealingKeys(master).getFirst().secret()).isEqualTo(plain);
        }
    }
}
