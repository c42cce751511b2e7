package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin service-credentials}, {@code admin abac} and {@code admin users attributes}. */
class AuthorizationCommandsTest {

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("access key id: +(AKIA[A-Z2-7]{16})");
    private static final Pattern SECRET = Pattern.compile("secret access key: (\\S{40})");

    @TempDir
    Path dataDir;

    record Result(int exitCode, String out, String err) { }

    private Result admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.run(args, Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void serviceCredentialCreateShowsTheSecretOnceAndListNeverDoes() {
        Result created = admin("service-credentials", "create", "orders");
        Matcher keyId = ACCESS_KEY_ID.matcher(created.out());
        Matcher secret = SECRET.matcher(created.out());

        assertThat(created.exitCode()).isZero();
        assertThat(keyId.find()).as(created.out()).isTrue();
        assertThat(secret.find()).as(created.out()).isTrue();
        Result listed = admin("service-credentials", "list");
        assertThat(listed.out()).contains("orders", keyId.group(1)).doesNotContain(secret.group(1));
        assertThat(admin("events", "--limit", "5").out()).contains("CreateServiceCredential")
                .doesNotContain(secret.group(1));
    }

    @Test
    void serviceCredentialCreateTakesBundledManagedPoliciesAndAValidInlinePolicyOnly() throws Exception {
        Path policy = dataDir.resolve("onboarding.json");
        Files.writeString(policy, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"identitystore:List*",\
                "Resource":"*"}]}""");
        Path broken = dataDir.resolve("broken.json");
        Files.writeString(broken, "{\"Statement\":[]");

        assertThat(admin("service-credentials", "create", "terraform", "--managed-policy", "ViewOnlyAccess",
                "--inline-policy-file", policy.toString()).exitCode()).isZero();
        Result unknown = admin("service-credentials", "create", "typo", "--managed-policy", "AdminAccess");
        assertThat(unknown.exitCode()).isEqualTo(AdminCommand.DOMAIN_ERROR);
        assertThat(unknown.err()).contains("unknown managed policy 'AdminAccess'");
        assertThat(admin("service-credentials", "create", "broken", "--inline-policy", broken.toString())
                .exitCode()).isEqualTo(AdminCommand.DOMAIN_ERROR);
        assertThat(admin("service-credentials", "list").out()).contains("terraform")
                .contains("policies: ViewOnlyAccess, inline").doesNotContain("typo", "broken");
    }

    @Test
    void serviceCredentialDeleteRemovesItAndAnUnknownOneIsAnError() {
        Matcher keyId = ACCESS_KEY_ID.matcher(admin("service-credentials", "create", "orders").out());
        assertThat(keyId.find()).isTrue();

        assertThat(admin("service-credentials", "delete", keyId.group(1)).exitCode()).isZero();

        assertThat(admin("service-credentials", "list").out()).doesNotContain("orders");
        Result again = admin("service-credentials", "delete", keyId.group(1));
        assertThat(again.exitCode()).isEqualTo(AdminCommand.DOMAIN_ERROR);
        assertThat(again.err()).contains("does not exist");
    }

    @Test
    void serviceCredentialNamesAreUnique() {
        admin("service-credentials", "create", "orders");

        Result duplicate = admin("service-credentials", "create", "Orders");

        assertThat(duplicate.exitCode()).isEqualTo(AdminCommand.DOMAIN_ERROR);
        assertThat(duplicate.err()).contains("already exists");
    }

    @Test
    void abacSetThenShowPrintsTheMappingAndUnknownAttributesAreRefused() {
        assertThat(admin("abac", "set", "department=department", "cc=costCenter").exitCode()).isZero();

        assertThat(admin("abac", "show").out()).isEqualToNormalizingNewlines("cc=costCenter\ndepartment=department\n");
        Result unknown = admin("abac", "set", "shoe=shoeSize");
        assertThat(unknown.exitCode()).isEqualTo(AdminCommand.DOMAIN_ERROR);
        assertThat(unknown.err()).contains("'shoeSize' is not a user attribute");
        assertThat(admin("abac", "set", "no-equals-sign").err()).contains("is not TAG_KEY=ATTRIBUTE");
    }

    @Test
    void userAttributesSetShowAndRemove() {
        admin("users", "create", "--user-name", "ed.developer", "--given-name", "Ed", "--family-name", "Developer",
                "--email", "ed@example.com");

        assertThat(admin("users", "attributes", "ed.developer", "department=Engineering", "costCenter=42").out())
                .isEqualToNormalizingNewlines("department=Engineering\ncostCenter=42\n");
        assertThat(admin("users", "attributes", "ed.developer", "costCenter=").out())
                .isEqualToNormalizingNewlines("department=Engineering\n");
        assertThat(admin("users", "attributes", "ed.developer").out())
                .isEqualToNormalizingNewlines("department=Engineering\n");
        assertThat(admin("users", "attributes", "ed.developer", "department=<script>").err())
                .contains("department must be at most 256");
    }
}
