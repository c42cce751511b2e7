package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One database for the class (each command opens it, which is what takes the time); tests only read it. */
class SimulateCommandTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    static Path dataDir;

    record Result(int exitCode, String out, String err) { }

    private static Result admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.run(args, Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** ed.developer holds PowerUserAccess in dev through Developers, and the boundary-capped set directly. */
    @BeforeAll
    static void walkthroughSetup() {
        admin("users", "create", "--user-name", "ed.developer", "--given-name", "Ed", "--family-name", "Developer",
                "--email", "ed@example.com");
        admin("groups", "create", "Developers");
        admin("groups", "add-member", "Developers", "ed.developer");
        admin("accounts", "create", "--id", "111122223333", "--name", "dev", "--email", "dev@example.com");
        admin("permission-sets", "create", "--name", "PowerUserAccess", "--managed-policy", "PowerUserAccess");
        admin("assignments", "create", "--account", "dev", "--permission-set", "PowerUserAccess", "--group",
                "Developers");
        assertThat(admin("permission-sets", "create", "--name", "CappedPowerUser", "--managed-policy",
                "PowerUserAccess", "--permissions-boundary", "ViewOnlyAccess").exitCode()).isZero();
        admin("assignments", "create", "--account", "dev", "--permission-set", "CappedPowerUser", "--user",
                "ed.developer");
    }

    private Result asEd(String permissionSet, String action, String... more) {
        String[] args = {"simulate", "--user", "ed.developer", "--account", "dev", "--permission-set", permissionSet,
                "--action", action};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return admin(all);
    }

    @Test
    void simulateAsUserWhenAllowedThenAllowTheStatementAndExitZero() {
        Result result = asEd("PowerUserAccess", "s3:PutObject", "--resource", "arn:aws:s3:::reports/q3.csv");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("allow" + NL + "deciding statement: PowerUserAccess Statement[0]")
                .contains("reason: allowed by PowerUserAccess")
                .contains("  aws:username=ed.developer" + NL)
                .containsPattern("  aws:userid=AROA[A-Z2-7]{17}:ed\\.developer");
    }

    @Test
    void simulateAsUserWhenNothingAllowsThenImplicitDenyAndExitOne() {
        Result result = asEd("PowerUserAccess", "iam:CreateUser");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("deny (implicit)" + NL + "deciding statement: none" + NL
                + "reason: implicitly denied: no statement allows this action on this resource" + NL);
    }

    @Test
    void simulateAsUserWhenTheBoundaryDoesNotAllowThenImplicitDenySayingSo() {
        Result capped = asEd("CappedPowerUser", "s3:PutObject");

        assertThat(capped.exitCode()).isEqualTo(1);
        assertThat(capped.out()).startsWith("deny (implicit)" + NL).contains("reason: implicitly denied: an identity "
                + "policy allows it, but the permissions boundary does not");
        assertThat(asEd("CappedPowerUser", "ec2:DescribeInstances").exitCode()).isZero();
        assertThat(admin("permission-sets", "list").out()).contains("boundary=ViewOnlyAccess");
    }

    @Test
    void simulateWithPoliciesWhenTheInlinePolicyDeniesThenExplicitDeny() throws IOException {
        Path policy = Files.writeString(dataDir.resolve("deny-prod.json"), """
                {"Version":"2012-10-17","Statement":[{"Sid":"NoProd","Effect":"Deny","Action":"s3:*",
                  "Resource":"arn:aws:s3:::prod-*"}]}""");

        Result result = admin("simulate", "--managed-policy", "PowerUserAccess", "--inline-policy", policy.toString(),
                "--action", "s3:GetObject", "--resource", "arn:aws:s3:::prod-ledger/2026.csv");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("deny (explicit)" + NL
                + "deciding statement: inline Statement[0] (Sid NoProd)" + NL);
    }

    @Test
    void simulateWithPoliciesAndABoundaryOnTheCommandLine() {
        Result result = admin("simulate", "--managed-policy", "AdministratorAccess", "--permissions-boundary",
                "arn:aws:iam::aws:policy/ReadOnlyAccess", "--action", "dynamodb:PutItem",
                "--context", "aws:SourceIp=10.0.0.1", "--context", "aws:SourceIp=10.0.0.2");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("deny (implicit)" + NL)
                .contains("  aws:SourceIp=10.0.0.1" + NL + "  aws:SourceIp=10.0.0.2" + NL);
    }

    @Test
    void simulateWhenThePermissionSetIsNotAssignedThereThenErrorAndExitTwo() {
        admin("accounts", "create", "--id", "444455556666", "--name", "prod", "--email", "prod@example.com");

        Result result = admin("simulate", "--user", "ed.developer", "--account", "prod", "--permission-set",
                "PowerUserAccess", "--action", "s3:GetObject");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("error: PowerUserAccess is not assigned to ed.developer in account "
                + "444455556666 (prod), neither directly nor through a group, so ed.developer cannot get its "
                + "credentials there" + NL);
    }

    @Test
    void simulateWhenUsageIsWrongThenExitTwo() {
        Result both = admin("simulate", "--user", "ed.developer", "--managed-policy", "ViewOnlyAccess", "--action",
                "s3:GetObject");
        Result unknownPolicy = admin("simulate", "--managed-policy", "AmazonS3FullAccess", "--action",
                "s3:GetObject");
        Result noAction = admin("simulate", "--managed-policy", "ViewOnlyAccess");

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give either --user, --account and --permission-set, or --managed-policy");
        assertThat(unknownPolicy.exitCode()).isEqualTo(2);
        assertThat(unknownPolicy.err()).startsWith("error: managedPolicies: unknown AWS managed policy "
                + "'AmazonS3FullAccess'; Gatehouse has AdministratorAccess");
        assertThat(noAction.exitCode()).isEqualTo(2);
        assertThat(noAction.err()).contains("--action");
    }

    @Test
    void permissionsBoundaryCanBePutAndDeletedFromTheCommandLine() {
        admin("permission-sets", "create", "--name", "Bounded", "--managed-policy", "PowerUserAccess");

        Result put = admin("permission-sets", "put-permissions-boundary", "Bounded", "--policy",
                "ReadOnlyAccess");
        Result deleted = admin("permission-sets", "delete-permissions-boundary", "Bounded");
        Result again = admin("permission-sets", "delete-permissions-boundary", "Bounded");

        assertThat(put.out()).isEqualTo("permission set Bounded is capped by ReadOnlyAccess" + NL);
        assertThat(deleted.out()).isEqualTo("permission set Bounded has no permissions boundary" + NL);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("error: Permission set Bounded has no permissions boundary" + NL);
    }
}
