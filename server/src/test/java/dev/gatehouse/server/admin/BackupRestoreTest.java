package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.ConfigLoader;
import dev.gatehouse.server.config.InvalidConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code admin backup} while the server runs and users keep being created, {@code admin restore} into a new data
 * directory: the users, assignments, audit events and sealed secrets come back, consistent with each other, under
 * the same master key, which itself is never in the backup.
 */
class BackupRestoreTest {

    @TempDir
    Path parent;

    record Result(int exitCode, String out, String err) { }

    @Test
    void backupWhileRunningThenRestoreIntoANewDataDirectoryThenTheDataIsThereUnderTheSameMasterKey()
            throws IOException {
        Path running = parent.resolve("running");
        Path backup = parent.resolve("gatehouse-backup.zip");
        Path restored = parent.resolve("restored");
        try (Services services = open(running); AdminSocket socket = AdminSocket.listen(services)) {
            assertThat(viaSocket(running, "users", "create", "--user-name", "ed.developer", "--given-name", "Ed",
                    "--family-name", "Developer", "--email", "ed@example.com").exitCode()).isZero();
            assertThat(viaSocket(running, "accounts", "create", "--id", "111122223333", "--name", "prod",
                    "--email", "prod@example.com").exitCode()).isZero();
            assertThat(viaSocket(running, "permission-sets", "create", "--name", "ReadOnly").exitCode()).isZero();
            assertThat(viaSocket(running, "assignments", "create", "--account", "111122223333",
                    "--permission-set", "ReadOnly", "--user", "ed.developer").exitCode()).isZero();
            assertThat(viaSocket(running, "service-credentials", "create", "orders").exitCode()).isZero();

            // Under load: users keep being created (each with its audit event) while the backup is taken.
            Result backedUp;
            try (UserLoad load = UserLoad.start(services)) {
                backedUp = viaSocket(running, "backup", "--to", backup.toString());
            }

            assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
            assertThat(backedUp.out()).contains("backed up the database to " + backup);
            Result again = viaSocket(running, "backup", "--to", backup.toString());
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).startsWith("error: ").contains("already exists").hasLineCount(1);
            Result intoRunning = viaSocket(running, "restore", "--from", backup.toString());
            assertThat(intoRunning.exitCode()).isEqualTo(1);
            assertThat(intoRunning.err()).contains("a server is running").hasLineCount(1);
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertThat(Collections.list(zip.entries())).extracting(ZipEntry::getName)
                    .noneMatch(name -> name.contains("master"));
        }

        Path notABackup = Files.writeString(parent.resolve("notes.zip"), "not a zip");
        Result refused = direct(parent.resolve("elsewhere"), "restore", "--from", notABackup.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error: ").contains("not a Gatehouse backup").hasLineCount(1);

        Files.createDirectories(restored);
        Files.copy(running.resolve("master.key"), restored.resolve("master.key"));   // the key travels apart
        Result restore = direct(restored, "restore", "--from", backup.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        Result overwrite = direct(restored, "restore", "--from", backup.toString());
        assertThat(overwrite.exitCode()).isEqualTo(1);
        assertThat(overwrite.err()).contains("already holds a database").hasLineCount(1);

        try (Services services = open(restored)) {
            assertThat(services.core().identityStore().listUsers(null, 10)).extracting(u -> u.userName())
                    .contains("ed.developer");
            assertThat(services.core().accessModel().assignmentsOf(PrincipalType.USER, "ed.developer")).hasSize(1);
            assertThat(services.core().serviceCredentials().list()).extracting(c -> c.name()).containsExactly("orders");
            // One consistent moment: every user that made it into the snapshot has its CreateUser event, and no
            // event is there without its user.
            long users = services.core().identityStore().countUsers();
            assertThat(users).isGreaterThan(UserLoad.BEFORE_BACKUP);
            assertThat(services.core().auditQueries().find(new AuditQuery(null, "CreateUser", null, null, 100_000))
                    .stream().filter(event -> event.errorCode() == null).count()).isEqualTo(users);
        }
        Files.writeString(restored.resolve("master.key"), Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> open(restored)).isInstanceOf(InvalidConfigException.class);
    }

    /** Creates users one after another on its own thread until closed; started once a few exist. */
    private static final class UserLoad implements AutoCloseable {

        static final int BEFORE_BACKUP = 10;

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CountDownLatch warmedUp = new CountDownLatch(BEFORE_BACKUP);
        private final Thread thread;

        private UserLoad(Services services) {
            thread = Thread.ofPlatform().start(() -> {
                for (int i = 0; running.get(); i++) {
                    services.core().identityStore().createUser(new NewUser("load." + i, null, "Load", "User " + i,
                            "load." + i + "@example.com", false), Actor.administratorCli(),
                            RequestContext.commandLine("backup-load"));
                    warmedUp.countDown();
                }
            });
        }

        static UserLoad start(Services services) {
            UserLoad load = new UserLoad(services);
            try {
                assertThat(load.warmedUp.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return load;
        }

        @Override
        public void close() {
            running.set(false);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Services open(Path dataDir) {
        return Services.open(new ConfigLoader(environment(dataDir)).load(), Clock.systemUTC());
    }

    private static Map<String, String> environment(Path dataDir) {
        return Map.of("GATEHOUSE_DATA_DIR", dataDir.toString());
    }

    private static Result viaSocket(Path dataDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt code = AdminClient.tryRun(AdminSocket.path(dataDir), List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code.orElseThrow(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    private static Result direct(Path dataDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.run(args, environment(dataDir), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
