package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.simulation.AccessSimulator.AsUser;
import dev.gatehouse.core.simulation.AccessSimulator.Simulation;
import dev.gatehouse.core.simulation.AccessSimulator.WithPolicies;
import dev.gatehouse.core.simulation.AccessSimulator;
import dev.gatehouse.core.simulation.SimulatedRequest;
import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.store.testing.TestAccounts;
import dev.gatehouse.store.testing.TestGroups;
import dev.gatehouse.store.testing.TestInstances;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Simulating requests for a user's role and for bare policies, on a real (H2) store. */
class AccessSimulatorTest extends ServiceOnH2 {

    private static final RequestContext CONTEXT = new RequestContext("request-1", "192.0.2.10", "test");
    private static final Actor ADMIN = Actor.administratorCli();
    private static final String DENY_PROD = """
            {"Version":"2012-10-17","Statement":[{"Sid":"KeepOutOfProd","Effect":"Deny","Action":"s3:*",
              "Resource":"arn:aws:s3:::prod-*"}]}""";
    private static final String OWN_DEPARTMENT = """
            {"Version":"2012-10-17","Statement":[{"Sid":"OwnDepartment","Effect":"Allow","Action":"s3:GetObject",
              "Resource":"arn:aws:s3:::reports/${aws:PrincipalTag/department}/*"}]}""";

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-26T10:00:00.250Z"));
    private AccessModelService accessModel;
    private AccessSimulator simulator;
    private Account dev;

    @BeforeEach
    void setUp() {
        accessModel = new AccessModelService(store.accounts(), store.permissionSets(), store.assignments(),
                store.users(), store.groups(), store.sessions(), store, clock, new AuditLog(store.audit(), clock),
                TestInstances::instance);
        simulator = new AccessSimulator(store.users(), store.accounts(), store.permissionSets(),
                store.assignments(), clock, user -> Map.of("department", "finance"));
        dev = TestAccounts.account("111122223333", "dev");
        store.accounts().insert(dev);
        User ed = TestUsers.user("ed.developer");
        store.users().insert(ed);
        store.users().insert(TestUsers.user("mo.outsider"));
        Group developers = TestGroups.group("Developers");
        store.groups().insert(developers);
        store.groups().addMember(TestGroups.membership(developers, ed));
        permissionSet("PowerUserAccess", List.of("PowerUserAccess"), DENY_PROD, null);
        accessModel.assign("dev", "PowerUserAccess", PrincipalType.GROUP, "Developers", ADMIN, CONTEXT);
    }

    private void permissionSet(String name, List<String> managed, String inline, String boundary) {
        accessModel.createPermissionSet(new NewPermissionSet(name, null, "PT1H", managed, inline, boundary, null,
                Map.of()), ADMIN, CONTEXT);
    }

    private Simulation asEd(String permissionSet, String action, String resource, String... context) {
        return simulator.simulate(new AsUser("ed.developer", "dev", permissionSet),
                SimulatedRequest.of(action, resource, List.of(context)));
    }

    private static DomainError refusal(Runnable call) {
        return catchThrowableOfType(DomainException.class, call::run).error();
    }

    @Test
    void asUserThroughAGroupThenTheirPermissionSetDecides() {
        assertThat(asEd("PowerUserAccess", "s3:PutObject", "arn:aws:s3:::reports/q3.csv").verdict())
                .isEqualTo("allow");
        Simulation iam = asEd("PowerUserAccess", "iam:CreateUser", "*");
        assertThat(iam.verdict()).isEqualTo("deny (implicit)");
        assertThat(iam.decidingStatement()).isEqualTo("none");
    }

    @Test
    void asUserWhenTheInlinePolicyDeniesThenExplicitDenyNamingTheStatement() {
        Simulation simulation = asEd("PowerUserAccess", "s3:GetObject", "arn:aws:s3:::prod-ledger/2026.csv");

        assertThat(simulation.verdict()).isEqualTo("deny (explicit)");
        assertThat(simulation.decidingStatement()).isEqualTo("inline Statement[0] (Sid KeepOutOfProd)");
    }

    @Test
    void asUserFillsInTheContextKeysTheirCredentialsCarry() {
        Map<String, List<String>> context = asEd("PowerUserAccess", "s3:GetObject", "*").context();

        assertThat(context).containsEntry("aws:username", List.of("ed.developer"))
                .containsEntry("aws:PrincipalAccount", List.of("111122223333"))
                .containsEntry("aws:PrincipalType", List.of("AssumedRole"))
                .containsEntry("aws:PrincipalTag/department", List.of("finance"))
                .containsEntry("aws:CurrentTime", List.of("2026-11-26T10:00:00Z"))
                .containsEntry("aws:EpochTime", List.of("1795687200"));
        assertThat(context.get("aws:userid")).singleElement().asString().matches("AROA[A-Z2-7]{17}:ed\\.developer");
        assertThat(context.get("aws:PrincipalArn")).singleElement().asString()
                .matches("arn:aws:iam::111122223333:role/aws-reserved/sso\\.amazonaws\\.com/"
                        + "AWSReservedSSO_PowerUserAccess_[0-9a-f]{16}");
    }

    @Test
    void asUserWhenAContextKeyIsGivenThenItReplacesTheFilledInOne() {
        assertThat(asEd("PowerUserAccess", "s3:GetObject", "*", "aws:CurrentTime=2030-01-01T00:00:00Z",
                "aws:SourceIp=10.0.0.1").context())
                .containsEntry("aws:CurrentTime", List.of("2030-01-01T00:00:00Z"))
                .containsEntry("aws:SourceIp", List.of("10.0.0.1"));
    }

    @Test
    void asUserPrincipalTagsAreUsableInPolicyVariables() {
        permissionSet("Reports", List.of(), OWN_DEPARTMENT, null);
        accessModel.assign("dev", "Reports", PrincipalType.USER, "ed.developer", ADMIN, CONTEXT);

        assertThat(asEd("Reports", "s3:GetObject", "arn:aws:s3:::reports/finance/q3.csv").verdict())
                .isEqualTo("allow");
        assertThat(asEd("Reports", "s3:GetObject", "arn:aws:s3:::reports/sales/q3.csv").verdict())
                .isEqualTo("deny (implicit)");
    }

    @Test
    void asUserWhenTheBoundaryDoesNotAllowThenImplicitDeny() {
        permissionSet("CappedPowerUser", List.of("PowerUserAccess"), null, "ViewOnlyAccess");
        accessModel.assign("dev", "CappedPowerUser", PrincipalType.USER, "ed.developer", ADMIN, CONTEXT);

        assertThat(asEd("CappedPowerUser", "ec2:DescribeInstances", "*").verdict()).isEqualTo("allow");
        Simulation put = asEd("CappedPowerUser", "s3:PutObject", "arn:aws:s3:::reports/q3.csv");
        assertThat(put.verdict()).isEqualTo("deny (implicit)");
        assertThat(put.decision().reason()).containsIgnoringCase("boundary");
    }

    @Test
    void asUserWhenThePermissionSetIsNotTheirsInThatAccountThenRefusedSayingSo() {
        DomainError error = refusal(() -> simulator.simulate(new AsUser("mo.outsider", "111122223333",
                "PowerUserAccess"), SimulatedRequest.of("s3:GetObject", "*", null)));

        assertThat(error).isEqualTo(new DomainError.InvalidInput("permissionSet", "PowerUserAccess is not assigned "
                + "to mo.outsider in account 111122223333 (dev), neither directly nor through a group, so "
                + "mo.outsider cannot get its credentials there"));
    }

    @Test
    void asUserWhenTheUserIsUnknownThenNotFound() {
        DomainError error = refusal(() -> simulator.simulate(new AsUser("nobody", "dev", "PowerUserAccess"),
                SimulatedRequest.of("s3:GetObject", "*", null)));

        assertThat(error).isEqualTo(new DomainError.NotFound("User", "nobody"));
    }

    @Test
    void withPoliciesDecidesWithoutAnyUser() {
        Simulation simulation = simulator.simulate(new WithPolicies(List.of("ViewOnlyAccess"), null, null),
                SimulatedRequest.of("s3:PutObject", null, null));

        assertThat(simulation.verdict()).isEqualTo("deny (implicit)");
        assertThat(simulation.context()).containsOnlyKeys("aws:CurrentTime", "aws:EpochTime");
    }

    @Test
    void withPoliciesAMultiValuedKeyMeetsForAnyValue() {
        String tagged = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*",
                  "Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":"team"}}}]}""";
        WithPolicies policies = new WithPolicies(List.of(), tagged, null);

        assertThat(simulator.simulate(policies, SimulatedRequest.of("ec2:CreateTags", "*",
                List.of("aws:TagKeys=cost-centre", "aws:TagKeys=team"))).verdict()).isEqualTo("allow");
        assertThat(simulator.simulate(policies, SimulatedRequest.of("ec2:CreateTags", "*",
                List.of("aws:TagKeys=cost-centre"))).verdict()).isEqualTo("deny (implicit)");
    }

    @Test
    void withPoliciesWhenAManagedPolicyIsUnknownOrNoneIsGivenThenRefused() {
        assertThat(refusal(() -> simulator.simulate(new WithPolicies(List.of("AmazonS3FullAccess"), null, null),
                SimulatedRequest.of("s3:GetObject", "*", null))).message()).contains("'AmazonS3FullAccess'");
        assertThat(refusal(() -> simulator.simulate(new WithPolicies(List.of(), " ", null),
                SimulatedRequest.of("s3:GetObject", "*", null)))).isEqualTo(new DomainError.InvalidInput(
                "managedPolicies", "Give at least one managed policy or an inline policy to simulate"));
    }
}
