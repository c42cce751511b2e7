package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.ConfigLoader;
import dev.gatehouse.server.config.GatehouseConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCommandTest {

    @TempDir
    Path dataDir;

    record Result(int exitCode, String out, String err) { }

    private Result admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.run(args, Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private Result createEd() {
        return admin("users", "create", "--user-name", "ed.developer", "--given-name", "Ed", "--family-name",
                "Developer", "--email", "ed@example.com");
    }

    @Test
    void usersCreateThenActivationLinkPrinted() {
        Result result = createEd();

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("created user ed.developer")
                .containsPattern("activation link: http://localhost:8080/activate\\?token=gha_[\\w-]{43}");
    }

    @Test
    void usersCreateWhenNameTakenInOtherCaseThenOneLineErrorAndExitOne() {
        createEd();

        Result duplicate = admin("users", "create", "--user-name", "Ed.Developer", "--given-name", "Ed",
                "--family-name", "D", "--email", "ed2@example.com");

        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.err()).isEqualTo("error: User 'Ed.Developer' already exists" + System.lineSeparator());
    }

    @Test
    void permissionSetsCreateWhenDurationOutOfRangeThenErrorAndNothingWritten() {
        Result result = admin("permission-sets", "create", "--name", "PowerUserAccess", "--session-duration", "PT13H");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: sessionDuration must be between PT1H and PT12H"
                + System.lineSeparator());
        assertThat(admin("permission-sets", "list").out()).isEmpty();
    }

    @Test
    void permissionSetsCreateWhenInlinePolicyMalformedThenErrorWithLine() throws IOException {
        Path policy = Files.writeString(dataDir.resolve("policy.json"), "{\n  \"Statement\": [\n    {\"Effect\": }\n  ]\n}");

        Result result = admin("permission-sets", "create", "--name", "Custom", "--inline-policy-file", policy.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: inlinePolicy is not a valid policy: the policy is not valid JSON at "
                + "line 3").doesNotContain("\tat ");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void assignmentsCreateWhenGroupUnknownThenErrorNamingIt() {
        admin("accounts", "create", "--id", "111122223333", "--name", "dev", "--email", "dev@example.com");
        admin("permission-sets", "create", "--name", "PowerUserAccess", "--session-duration", "PT4H");

        Result result = admin("assignments", "create", "--account", "dev", "--permission-set", "PowerUserAccess",
                "--group", "Developers");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: Group 'Developers' does not exist" + System.lineSeparator());
    }

    @Test
    void accountsManagementShowsTheFirstAccountCreatedThenTheOneChosenThenTheDefaultAgain() {
        assertThat(admin("accounts", "management").out()).contains("no management account yet");
        admin("accounts", "create", "--id", "111122223333", "--name", "dev", "--email", "dev@example.com");
        admin("accounts", "create", "--id", "444455556666", "--name", "platform", "--email", "p@example.com");

        assertThat(admin("accounts", "management").out().strip())
                .isEqualTo("management account 111122223333 (dev), the first account created");
        assertThat(admin("accounts", "management", "platform").out().strip())
                .isEqualTo("management account 444455556666 (platform)");
        assertThat(admin("accounts", "management", "--default").out()).contains("111122223333");
        assertThat(admin("accounts", "management", "nowhere").exitCode()).isEqualTo(1);
    }

    @Test
    void accountsCreateWhenIdNotTwelveDigitsThenError() {
        Result result = admin("accounts", "create", "--id", "12345", "--name", "dev", "--email", "dev@example.com");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("accountId must be exactly 12 digits");
    }

    @Test
    void walkthroughSetupThenAssignmentListedAndEventsAudited() {
        createEd();
        admin("groups", "create", "Developers");
        admin("groups", "add-member", "Developers", "ed.developer");
        admin("accounts", "create", "--id", "111122223333", "--name", "dev", "--email", "dev@example.com");
        admin("permission-sets", "create", "--name", "PowerUserAccess", "--managed-policy", "PowerUserAccess",
                "--session-duration", "PT4H");

        Result assigned = admin("assignments", "create", "--account", "dev", "--permission-set", "PowerUserAccess",
                "--group", "Developers");

        assertThat(assigned.exitCode()).isZero();
        assertThat(admin("groups", "members", "Developers").out().strip()).isEqualTo("ed.developer");
        assertThat(admin("assignments", "list", "--account", "111122223333").out()).contains("GROUP");
        Result events = admin("events", "--event-name", "CreateAccountAssignment");
        assertThat(events.out().lines()).singleElement().asString()
                .contains("\"eventName\":\"CreateAccountAssignment\"")
                .contains("\"eventSource\":\"sso.amazonaws.com\"")
                .contains("\"principalName\":\"Developers\"");
        assertThat(admin("events", "--limit", "100").out().lines()).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void groupsAddGroupThenListedAsMemberAndACycleIsAOneLineError() {
        admin("groups", "create", "Engineering");
        admin("groups", "create", "Developers");

        Result nested = admin("groups", "add-group", "Engineering", "Developers");
        Result cycle = admin("groups", "add-group", "Developers", "Engineering");

        assertThat(nested.exitCode()).isZero();
        assertThat(admin("groups", "members", "Engineering").out().strip()).isEqualTo("group:Developers");
        assertThat(cycle.exitCode()).isEqualTo(1);
        assertThat(cycle.err()).startsWith("error: The group Engineering already holds this group")
                .contains("cycle").hasLineCount(1);
        assertThat(admin("groups", "remove-group", "Engineering", "Developers").exitCode()).isZero();
        assertThat(admin("groups", "members", "Engineering").out()).isEmpty();
        assertThat(admin("groups", "remove-group", "Engineering", "Developers").err())
                .isEqualTo("error: Group membership 'Developers in Engineering' does not exist"
                        + System.lineSeparator());
    }

    @Test
    void adminWhenServerHoldsTheEmbeddedDatabaseThenBothWork() {
        GatehouseConfig config = new ConfigLoader(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString())).load();
        try (Services running = Services.open(config, Clock.systemUTC())) {
            assertThat(createEd().exitCode()).isZero();

            assertThat(running.core().identityStore().user("ed.developer").email()).isEqualTo("ed@example.com");
        }
    }

    @Test
    void usersDisableWhenUnknownThenErrorAndExitOne() {
        Result result = admin("users", "disable", "nobody");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: User 'nobody' does not exist" + System.lineSeparator());
    }

    @Test
    void usageErrorThenExitTwo() {
        assertThat(admin("users", "create", "--user-name", "x").exitCode()).isEqualTo(2);
        assertThat(admin("--help").exitCode()).isZero();
    }

    @Test
    void eventsWhenFromIsNotAnInstantThenError() {
        Result result = admin("events", "--from", "yesterday");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--from must be an ISO-8601 instant");
    }
}
