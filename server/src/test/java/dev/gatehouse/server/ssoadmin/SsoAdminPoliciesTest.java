package dev.gatehouse.server.ssoadmin;

import static dev.gatehouse.server.ssoadmin.SsoAdminCalls.errorType;
import static dev.gatehouse.server.ssoadmin.SsoAdminCalls.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.server.RunningServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A permission set's managed, inline, boundary and customer managed policies through sso-admin. */
class SsoAdminPoliciesTest {

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer();
    private static final SsoAdminCalls sso = new SsoAdminCalls(gatehouse);
    private static final String POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess";
    private static final String VIEW_ONLY = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess";

    private static Created admin;
    private static Created reader;
    private static String instance;

    @BeforeAll
    static void credentials() {
        admin = sso.credential("AdministratorAccess");
        reader = sso.credential("ReadOnlyAccess");
        instance = sso.instanceArn();
    }

    private static Map<String, Object> on(String permissionSetArn, Object... members) {
        Map<String, Object> body = new HashMap<>(Map.of("InstanceArn", instance, "PermissionSetArn",
                permissionSetArn));
        for (int i = 0; i < members.length; i += 2) {
            body.put((String) members[i], members[i + 1]);
        }
        return body;
    }

    private static String create(String name) throws Exception {
        return sso.ok(admin, "CreatePermissionSet", Map.of("InstanceArn", instance, "Name", name))
                .get("PermissionSet").get("PermissionSetArn").asText();
    }

    private static PermissionSet stored(String arn) {
        return gatehouse.services().core().accessModel().permissionSet(arn);
    }

    @Test
    void managedPoliciesAreAttachedListedWithTheirArnsAndDetached() throws Exception {
        String arn = create("Builders");
        sso.ok(admin, "AttachManagedPolicyToPermissionSet", on(arn, "ManagedPolicyArn", POWER_USER));
        sso.ok(admin, "AttachManagedPolicyToPermissionSet", on(arn, "ManagedPolicyArn", VIEW_ONLY));
        HttpResponse<String> again = sso.call(admin, "AttachManagedPolicyToPermissionSet",
                on(arn, "ManagedPolicyArn", POWER_USER));

        JsonNode first = sso.ok(reader, "ListManagedPoliciesInPermissionSet", on(arn, "MaxResults", 1));
        JsonNode second = sso.ok(reader, "ListManagedPoliciesInPermissionSet",
                on(arn, "NextToken", first.get("NextToken").asText()));
        assertThat(first.get("AttachedManagedPolicies").get(0).get("Arn").asText()).isEqualTo(POWER_USER);
        assertThat(second.get("AttachedManagedPolicies").get(0).get("Name").asText()).isEqualTo("ViewOnlyAccess");
        assertThat(second.get("AttachedManagedPolicies").get(0).get("Arn").asText()).isEqualTo(VIEW_ONLY);
        assertThat(second.has("NextToken")).isFalse();
        assertThat(errorType(again)).isEqualTo("ConflictException");

        sso.ok(admin, "DetachManagedPolicyFromPermissionSet", on(arn, "ManagedPolicyArn", POWER_USER));
        HttpResponse<String> notThere = sso.call(admin, "DetachManagedPolicyFromPermissionSet",
                on(arn, "ManagedPolicyArn", POWER_USER));
        assertThat(stored(arn).managedPolicies()).containsExactly("ViewOnlyAccess");
        assertThat(errorType(notThere)).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void aManagedPolicyGatehouseDoesNotBundleIsAValidationException() throws Exception {
        String arn = create("Unbundled");
        HttpResponse<String> response = sso.call(admin, "AttachManagedPolicyToPermissionSet",
                on(arn, "ManagedPolicyArn", "arn:aws:iam::aws:policy/AmazonS3FullAccess"));

        assertThat(errorType(response)).isEqualTo("ValidationException");
        assertThat(message(response)).contains("PowerUserAccess");
        assertThat(stored(arn).managedPolicies()).isEmpty();
    }

    @Test
    void anInlinePolicyIsPutReadAndDeleted() throws Exception {
        String arn = create("Inline");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\"}]}";
        sso.ok(admin, "PutInlinePolicyToPermissionSet", on(arn, "InlinePolicy", policy));

        assertThat(sso.ok(reader, "GetInlinePolicyForPermissionSet", on(arn)).get("InlinePolicy").asText())
                .isEqualTo(policy);
        sso.ok(admin, "DeleteInlinePolicyFromPermissionSet", on(arn));
        assertThat(sso.ok(reader, "GetInlinePolicyForPermissionSet", on(arn)).has("InlinePolicy")).isFalse();
        assertThat(stored(arn).inlinePolicy()).isNull();
    }

    @Test
    void anInlinePolicyThePolicyEngineRefusesIsAValidationExceptionNamingTheLineAndNothingIsStored()
            throws Exception {
        String arn = create("BadInline");
        HttpResponse<String> response = sso.call(admin, "PutInlinePolicyToPermissionSet",
                on(arn, "InlinePolicy", "{\n\"Version\":\"2012-10-17\",\n\"Statement\": [ oops ]\n}"));

        assertThat(errorType(response)).isEqualTo("ValidationException");
        assertThat(message(response)).contains("line 3");
        assertThat(stored(arn).inlinePolicy()).isNull();
    }

    @Test
    void aPermissionsBoundaryIsPutReadAndDeleted() throws Exception {
        String arn = create("Bounded");
        sso.ok(admin, "PutPermissionsBoundaryToPermissionSet", on(arn, "PermissionsBoundary",
                Map.of("ManagedPolicyArn", POWER_USER)));

        assertThat(sso.ok(reader, "GetPermissionsBoundaryForPermissionSet", on(arn)).get("PermissionsBoundary")
                .get("ManagedPolicyArn").asText()).isEqualTo(POWER_USER);
        sso.ok(admin, "DeletePermissionsBoundaryFromPermissionSet", on(arn));
        HttpResponse<String> none = sso.call(reader, "GetPermissionsBoundaryForPermissionSet", on(arn));
        assertThat(errorType(none)).isEqualTo("ResourceNotFoundException");
        HttpResponse<String> customer = sso.call(admin, "PutPermissionsBoundaryToPermissionSet",
                on(arn, "PermissionsBoundary", Map.of("CustomerManagedPolicyReference", Map.of("Name", "Cap"))));
        assertThat(errorType(customer)).isEqualTo("ValidationException");
        assertThat(stored(arn).permissionsBoundary()).isNull();
    }

    @Test
    void customerManagedPolicyReferencesAreRefusedAndNoneAreListed() throws Exception {
        String arn = create("Customer");
        Map<String, String> reference = Map.of("Name", "TeamPolicy", "Path", "/teams/");
        HttpResponse<String> attached = sso.call(admin, "AttachCustomerManagedPolicyReferenceToPermissionSet",
                on(arn, "CustomerManagedPolicyReference", reference));
        HttpResponse<String> detached = sso.call(admin, "DetachCustomerManagedPolicyReferenceFromPermissionSet",
                on(arn, "CustomerManagedPolicyReference", reference));

        assertThat(errorType(attached)).isEqualTo("ValidationException");
        assertThat(message(attached)).contains("customer managed");
        assertThat(errorType(detached)).isEqualTo("ResourceNotFoundException");
        assertThat(sso.ok(reader, "ListCustomerManagedPolicyReferencesInPermissionSet", on(arn))
                .get("CustomerManagedPolicyReferences")).isEmpty();
    }

    @Test
    void aReadOnlyCallerReadsPoliciesButMayNotChangeThem() throws Exception {
        String arn = create("ReadOnlyCheck");
        HttpResponse<String> denied = sso.call(reader, "AttachManagedPolicyToPermissionSet",
                on(arn, "ManagedPolicyArn", POWER_USER));

        assertThat(errorType(denied)).isEqualTo("AccessDeniedException");
        assertThat(stored(arn).managedPolicies()).isEmpty();
    }
}
