package dev.gatehouse.it.awscli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unmodified AWS CLI 2.9.19 administers the identity store with a service credential in
 * {@code ~/.aws/credentials}, as a CI job would: {@code aws identitystore …} reaches Gatehouse through the
 * {@code AWS_DATA_PATH} rule set, and its refusals read as AWS's.
 */
@ExtendWith(AwsCliInstalled.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AwsCliIdentityStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext SETUP = RequestContext.commandLine("it-awscli-identitystore");

    @TempDir
    Path serverDir;
    @TempDir
    Path home;

    private RunningGatehouse gatehouse;
    private AwsCli aws;
    private String storeId;

    @BeforeEach
    void start() throws IOException {
        gatehouse = RunningGatehouse.onH2(serverDir, MutableClock.startingNow());
        storeId = gatehouse.services().instance().identityStoreId();
        gatehouse.services().core().identityStore().createUser(new NewUser("ann", null, "Ann", "Lee",
                "ann@example.com", false), Entitlement.ADMIN, SETUP);
        gatehouse.services().core().identityStore().createUser(new NewUser("bob", null, "Bob", "Ray",
                "bob@example.com", false), Entitlement.ADMIN, SETUP);
        aws = AwsCli.forUser(home, gatehouse.baseUrl());
        aws.writeConfig("""
                [profile ci]
                region = us-east-1
                output = json

                [profile viewer]
                region = us-east-1
                output = json
                """);
        Created ci = credential("ci", "AdministratorAccess");
        Created viewer = credential("viewer", "ViewOnlyAccess");
        Files.writeString(home.resolve(".aws/credentials"), """
                [ci]
                aws_access_key_id = %s
                aws_secret_access_key = %s

                [viewer]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(ci.credential().accessKeyId(), ci.secretAccessKey(),
                viewer.credential().accessKeyId(), viewer.secretAccessKey()));
    }

    private Created credential(String name, String policy) {
        return gatehouse.services().core().serviceCredentials().create(name, List.of(policy), null, Entitlement.ADMIN,
                SETUP);
    }

    @AfterEach
    void stop() {
        gatehouse.close();
    }

    @Test
    void listUsersPaginatesWithMaxItems() throws Exception {
        JsonNode first = JSON.readTree(aws.run("identitystore", "list-users", "--profile", "ci",
                "--identity-store-id", storeId, "--max-items", "1", "--page-size", "1").assertSucceeded().stdout());
        assertThat(first.get("Users")).hasSize(1);
        assertThat(first.get("Users").get(0).get("UserName").asText()).isEqualTo("ann");

        JsonNode rest = JSON.readTree(aws.run("identitystore", "list-users", "--profile", "ci",
                "--identity-store-id", storeId, "--page-size", "1", "--starting-token",
                first.get("NextToken").asText()).assertSucceeded().stdout());
        assertThat(rest.get("Users").findValuesAsText("UserName")).containsExactly("bob");
    }

    @Test
    void createGroupWithViewOnlyAccessIsDenied() {
        CommandResult denied = aws.run("identitystore", "create-group", "--profile", "viewer",
                "--identity-store-id", storeId, "--display-name", "Sneaky").assertFailed();

        assertThat(denied.stderr()).contains("AccessDeniedException").contains("identitystore:CreateGroup");
    }

    @Test
    void aWrongShapeIsAValidationExceptionNamingTheMember() {
        CommandResult invalid = aws.run("identitystore", "describe-user", "--profile", "ci",
                "--identity-store-id", storeId, "--user-id", "not-a-uuid").assertFailed();

        assertThat(invalid.stderr()).contains("ValidationException").contains("UserId");
    }

    @Test
    void aCreatedUserIsDescribedByTheCli() throws Exception {
        JsonNode created = JSON.readTree(aws.run("identitystore", "create-user", "--profile", "ci",
                "--identity-store-id", storeId, "--user-name", "cat", "--display-name", "Cat Doe",
                "--name", "GivenName=Cat,FamilyName=Doe",
                "--emails", "Value=cat@example.com,Primary=true").assertSucceeded().stdout());

        JsonNode described = JSON.readTree(aws.run("identitystore", "describe-user", "--profile", "ci",
                "--identity-store-id", storeId, "--user-id", created.get("UserId").asText()).assertSucceeded()
                .stdout());
        assertThat(described.get("DisplayName").asText()).isEqualTo("Cat Doe");
    }
}
