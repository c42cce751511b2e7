package dev.gatehouse.it.authz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.ServiceCredentials;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.People;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.server.Services;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.sso.model.RoleCredentials;

/**
 * Acceptance C of issue 6: a service protected through Gatehouse lets each person do what their permission set
 * allows, following IAM's evaluation, and refuses requests that do not authenticate. Run once with a gate that
 * calls the HTTP API and once with the client library.
 */
abstract class ProtectedServiceContract {

    static final String ACCOUNT_ID = "111122223333";
    static final String PASSWORD = "Corr3ct-Horse-Battery";
    static final RequestContext SETUP = RequestContext.commandLine("it-authz");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    final MutableClock clock = MutableClock.startingNow();
    RunningGatehouse gatehouse;
    DeviceLogin login;
    ServiceCredentials.Created serviceCredential;
    ProtectedService service;
    SignedCalls calls;

    /** How the service asks Gatehouse. */
    abstract ProtectedService.Gate gate(String gatehouseUrl, String accessKeyId, String secretAccessKey, Clock clock);

    @BeforeEach
    void start() throws IOException {
        gatehouse = RunningGatehouse.onH2(dataDir, clock);
        login = new DeviceLogin(gatehouse);
        serviceCredential = services().core().serviceCredentials().create("reports", Entitlement.ADMIN, SETUP);
        service = ProtectedService.start(gate(gatehouse.baseUrl(), serviceCredential.credential().accessKeyId(),
                serviceCredential.secretAccessKey(), clock));
        calls = new SignedCalls(clock);
        services().core().accessModel().createAccount(ACCOUNT_ID, "Development", "aws+dev@example.com", Entitlement.ADMIN,
                SETUP);
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        login.close();
        gatehouse.close();
    }

    @Test
    void viewOnlyUserMayDescribeAndListButNotPut() {
        RoleCredentials credentials = credentialsOf(person("val.viewer", "ViewOnlyAccess", List.of("ViewOnlyAccess"),
                null));

        assertThat(ask(credentials, "ec2:DescribeInstances", "*")).satisfies(allowedFor("val.viewer"));
        assertThat(ask(credentials, "s3:ListBucket", "arn:aws:s3:::reports")).satisfies(allowedFor("val.viewer"));
        Answer put = ask(credentials, "s3:PutObject", "arn:aws:s3:::reports/q3.csv");
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.outcome()).isEqualTo("IMPLICIT_DENY");
    }

    @Test
    void powerUserMayPutObjectsButNotCreateUsers() {
        RoleCredentials credentials = credentialsOf(person("ed.developer", "PowerUserAccess",
                List.of("PowerUserAccess"), null));

        assertThat(ask(credentials, "s3:PutObject", "arn:aws:s3:::reports/q3.csv")).satisfies(allowedFor("ed.developer"));
        Answer createUser = ask(credentials, "iam:CreateUser", "arn:aws:iam::111122223333:user/mallory");
        assertThat(createUser.status()).isEqualTo(403);
        assertThat(createUser.outcome()).isEqualTo("IMPLICIT_DENY");
    }

    @Test
    void inlineDenyOnAResourceArnWinsOverTheManagedAllow() {
        String inline = """
                {"Version": "2012-10-17", "Statement": [{"Sid": "KeepOutOfPayroll", "Effect": "Deny",
                  "Action": "s3:*", "Resource": "arn:aws:s3:::payroll/*"}]}""";
        RoleCredentials credentials = credentialsOf(person("ed.developer", "PowerUserNoPayroll",
                List.of("PowerUserAccess"), inline));

        Answer payroll = ask(credentials, "s3:GetObject", "arn:aws:s3:::payroll/2026-11.csv");
        assertThat(payroll.status()).isEqualTo(403);
        assertThat(payroll.outcome()).isEqualTo("EXPLICIT_DENY");
        assertThat(payroll.json().path("statement").asText()).contains("inline").contains("KeepOutOfPayroll");
        assertThat(ask(credentials, "s3:GetObject", "arn:aws:s3:::reports/q3.csv")).satisfies(allowedFor("ed.developer"));
    }

    @Test
    void abacConditionFollowsTheUsersDepartmentInNewCredentials() {
        services().core().accessControlAttributes().setMapping(Map.of("department", "department"), Entitlement.ADMIN, SETUP);
        String inline = """
                {"Version": "2012-10-17", "Statement": [{"Sid": "EngineeringReports", "Effect": "Allow",
                  "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
                  "Condition": {"StringEquals": {"aws:PrincipalTag/department": "Engineering"}}}]}""";
        Entitlement ed = person("ed.developer", "EngineeringReports", List.of(), inline);
        services().core().accessControlAttributes().updateUserAttributes("ed.developer", Map.of("department", "Engineering"),
                Entitlement.ADMIN, SETUP);
        String accessToken = login.logIn(ed).accessToken();
        RoleCredentials engineering = login.roleCredentials(accessToken, ed);

        Answer allowed = ask(engineering, "s3:GetObject", "arn:aws:s3:::reports/q3.csv");
        assertThat(allowed).satisfies(allowedFor("ed.developer"));
        assertThat(allowed.json().path("tags").path("department").asText()).isEqualTo("Engineering");

        services().core().accessControlAttributes().updateUserAttributes("ed.developer", Map.of("department", "Finance"),
                Entitlement.ADMIN, SETUP);
        RoleCredentials finance = login.roleCredentials(accessToken, ed);

        Answer denied = ask(finance, "s3:GetObject", "arn:aws:s3:::reports/q4.csv");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.outcome()).isEqualTo("IMPLICIT_DENY");
        assertThat(denied.json().path("tags").path("department").asText()).isEqualTo("Finance");
        // As in AWS, credentials keep the tags they were issued with.
        assertThat(ask(engineering, "s3:GetObject", "arn:aws:s3:::reports/q4.csv"))
                .satisfies(allowedFor("ed.developer"));
    }

    @Test
    void tamperedRequestIsRefused() {
        RoleCredentials credentials = credentialsOf(person("val.viewer", "ViewOnlyAccess", List.of("ViewOnlyAccess"),
                null));
        SdkHttpRequest signed = calls.sign(service.baseUrl(), credentials, "s3:ListBucket", "arn:aws:s3:::reports");
        URI tampered = SignedCalls.request(service.baseUrl(), "s3:ListBucket", "arn:aws:s3:::payroll").getUri();

        Answer answer = Answer.of(calls.send(signed, tampered));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.outcome()).isEqualTo("NOT_AUTHENTICATED");
        assertThat(answer.json().path("failure").asText()).isEqualTo("SIGNATURE_DOES_NOT_MATCH");
        assertThat(answer.json().has("user")).isFalse();
    }

    @Test
    void expiredCredentialsAndStaleSignaturesAreRefused() {
        RoleCredentials credentials = credentialsOf(person("val.viewer", "ViewOnlyAccess", List.of("ViewOnlyAccess"),
                null));
        SdkHttpRequest signedNow = calls.sign(service.baseUrl(), credentials, "ec2:DescribeInstances", "*");

        clock.advance(Duration.ofMinutes(16));
        Answer stale = Answer.of(calls.send(signedNow, null));
        assertThat(stale.outcome()).isEqualTo("NOT_AUTHENTICATED");
        assertThat(stale.json().path("failure").asText()).isEqualTo("REQUEST_EXPIRED");

        clock.advance(Duration.ofMinutes(45));
        Answer expired = ask(credentials, "ec2:DescribeInstances", "*");
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.outcome()).isEqualTo("NOT_AUTHENTICATED");
        assertThat(expired.json().path("failure").asText()).isEqualTo("EXPIRED_TOKEN");
    }

    @Test
    void credentialsOfADisabledUserAreRefusedOnTheNextRequest() {
        Entitlement val = person("val.viewer", "ViewOnlyAccess", List.of("ViewOnlyAccess"), null);
        RoleCredentials credentials = credentialsOf(val);
        assertThat(ask(credentials, "ec2:DescribeInstances", "*")).satisfies(allowedFor("val.viewer"));

        services().core().identityStore().setStatus("val.viewer", UserStatus.DISABLED, Entitlement.ADMIN, SETUP);

        Answer refused = ask(credentials, "ec2:DescribeInstances", "arn:aws:ec2:us-east-1:111122223333:instance/*");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.outcome()).isEqualTo("NOT_AUTHENTICATED");
        assertThat(refused.json().path("failure").asText()).isEqualTo("INVALID_CLIENT_TOKEN_ID");
    }

    Services services() {
        return gatehouse.services();
    }

    /** A person activated and assigned a permission set of their own in the account. */
    Entitlement person(String userName, String permissionSetName, List<String> managedPolicies, String inline) {
        People.createActive(services(), new NewUser(userName, null, "Test", "Person", userName + "@example.com",
                false), PASSWORD);
        PermissionSet set = services().core().accessModel().createPermissionSet(new NewPermissionSet(permissionSetName,
                "for the protected service", "PT1H", managedPolicies, inline, null, null, Map.of()), Entitlement.ADMIN,
                SETUP);
        services().core().accessModel().assign(ACCOUNT_ID, permissionSetName, PrincipalType.USER, userName,
                Entitlement.ADMIN, SETUP);
        return new Entitlement(services(), userName, PASSWORD, ACCOUNT_ID, "Development", set, null);
    }

    RoleCredentials credentialsOf(Entitlement person) {
        return login.roleCredentials(login.logIn(person).accessToken(), person);
    }

    Answer ask(RoleCredentials credentials, String action, String resource) {
        return Answer.of(calls.call(service.baseUrl(), credentials, action, resource));
    }

    static java.util.function.Consumer<Answer> allowedFor(String userName) {
        return answer -> {
            assertThat(answer.status()).as("%s", answer.json()).isEqualTo(200);
            assertThat(answer.outcome()).isEqualTo("ALLOW");
            assertThat(answer.json().path("user").asText()).isEqualTo(userName);
            assertThat(answer.json().path("arn").asText())
                    .startsWith("arn:aws:sts::" + ACCOUNT_ID + ":assumed-role/AWSReservedSSO_")
                    .endsWith("/" + userName);
        };
    }

    /** The protected service's answer. */
    record Answer(int status, JsonNode json) {

        static Answer of(HttpResponse<String> response) {
            try {
                return new Answer(response.statusCode(), JSON.readTree(response.body()));
            } catch (IOException e) {
                throw new IllegalStateException("the protected service answered with no JSON: " + response.body(), e);
            }
        }

        String outcome() {
            return json.path("outcome").asText();
        }
    }
}
