package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.instance.InstanceService;
import dev.gatehouse.core.keys.MasterKey;
import dev.gatehouse.server.admin.AdminCommand;
import dev.gatehouse.server.config.DatabaseConfig;
import dev.gatehouse.server.config.InvalidConfigException;
import dev.gatehouse.server.config.MasterKeySource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.model.RoleCredentials;

/**
 * Secrets at rest across restarts (issue 5, acceptance E): a wrong master key stops the start with a clear message
 * and changes nothing; the right key, and a sealing key rotated while the server runs, keep every earlier token
 * and credential valid.
 */
class MasterKeyRestartTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = MutableClock.startingNow();

    @Test
    void restartWithWrongKeyFailsAndChangesNothingAndRightKeyAndRotationKeepEarlierCredentials() throws Exception {
        DeviceLogin.LoggedIn loggedIn;
        RoleCredentials before;
        Entitlement ed;
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, clock);
             DeviceLogin login = new DeviceLogin(gatehouse)) {
            ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());
            loggedIn = login.logIn(ed);
            before = login.roleCredentials(loggedIn.accessToken(), ed);
            assertThat(keyIdOf(before)).isEqualTo(1);
        }
        List<String> rowsBefore = keyAndInstanceRows();

        MasterKeySource wrong = new MasterKeySource.Given("GATEHOUSE_MASTER_KEY", MasterKey.randomBytes());
        assertThatThrownBy(() -> RunningGatehouse.onH2(dataDir, clock, wrong))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("The master key does not match the one this database was created with");
        assertThat(keyAndInstanceRows()).isEqualTo(rowsBefore);

        RoleCredentials after;
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, clock);
             DeviceLogin login = new DeviceLogin(gatehouse)) {
            assertThat(login.callerIdentity(before).arn()).endsWith("/ed.developer");
            assertThat(keyIdOf(login.roleCredentials(loggedIn.accessToken(), ed))).isEqualTo(1);

            assertThat(admin("keys", "rotate")).startsWith("added sealing key 2;");
            assertThat(keyIdOf(login.roleCredentials(loggedIn.accessToken(), ed))).as("known, not yet sealing")
                    .isEqualTo(1);
            // The admin command stamps the key with the wall clock, a little ahead of this test's clock.
            clock.advance(InstanceService.KEY_ACTIVATION.plusMinutes(1));

            after = login.roleCredentials(loggedIn.accessToken(), ed);
            assertThat(keyIdOf(after)).as("the running server seals with the new key").isEqualTo(2);
            assertThat(login.callerIdentity(after).arn()).endsWith("/ed.developer");
            assertThat(login.callerIdentity(before).arn()).endsWith("/ed.developer");
        }

        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, clock);
             DeviceLogin login = new DeviceLogin(gatehouse)) {
            assertThat(login.callerIdentity(before).arn()).endsWith("/ed.developer");
            assertThat(login.callerIdentity(after).arn()).endsWith("/ed.developer");
            assertThat(keyIdOf(login.roleCredentials(loggedIn.accessToken(), ed))).isEqualTo(2);
            assertThat(login.refresh(loggedIn.client(), loggedIn.refreshToken()).accessToken()).isNotBlank();
        }
    }

    /** Which sealing key sealed the credentials' session token: it travels in clear after the version byte. */
    private static int keyIdOf(RoleCredentials credentials) {
        return ByteBuffer.wrap(Base64.getUrlDecoder().decode(credentials.sessionToken()), 1, 4).getInt();
    }

    private String admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.run(args, Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()), new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).as("admin %s: %s", List.of(args), err).isZero();
        return out.toString();
    }

    /** The sealing keys byte for byte, the instance row and how many audit events there are. */
    private List<String> keyAndInstanceRows() throws SQLException {
        DatabaseConfig db = DatabaseConfig.embedded(dataDir);
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet keys = statement.executeQuery(
                    "SELECT key_id, secret, wrapped, created_at FROM sealing_keys ORDER BY key_id")) {
                while (keys.next()) {
                    rows.add(keys.getInt(1) + " " + HexFormat.of().formatHex(keys.getBytes(2)) + " "
                            + keys.getBoolean(3) + " " + keys.getLong(4));
                }
            }
            try (ResultSet instance = statement.executeQuery("SELECT instance_arn, portal_url FROM instance")) {
                while (instance.next()) {
                    rows.add(instance.getString(1) + " " + instance.getString(2));
                }
            }
            try (ResultSet audit = statement.executeQuery("SELECT COUNT(*) FROM audit_events")) {
                audit.next();
                rows.add("audit events: " + audit.getLong(1));
            }
        }
        return rows;
    }
}
