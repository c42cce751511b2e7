package dev.gatehouse.server.ssoadmin;

import static dev.gatehouse.server.ssoadmin.SsoAdminCalls.errorType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.server.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ABAC configuration through sso-admin: its lifecycle, and sources read as paths into the user. */
class SsoAdminAccessControlAttributesTest {

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer();
    private static final SsoAdminCalls sso = new SsoAdminCalls(gatehouse);

    private static Map<String, Object> configuration(Map<String, String> keyToSource) {
        List<Map<String, Object>> attributes = keyToSource.entrySet().stream().map(e -> Map.<String, Object>of(
                "Key", e.getKey(), "Value", Map.of("Source", List.of(e.getValue())))).toList();
        return Map.of("InstanceArn", sso.instanceArn(), "InstanceAccessControlAttributeConfiguration",
                Map.of("AccessControlAttributes", attributes));
    }

    @Test
    void createDescribeUpdateAndDeleteTheConfiguration() throws Exception {
        Created admin = sso.credential("AdministratorAccess");
        Map<String, String> instance = Map.of("InstanceArn", sso.instanceArn());
        HttpResponse<String> none = sso.call(admin, "DescribeInstanceAccessControlAttributeConfiguration",
                instance);
        assertThat(errorType(none)).isEqualTo("ResourceNotFoundException");

        sso.ok(admin, "CreateInstanceAccessControlAttributeConfiguration",
                configuration(Map.of("CostCenter", "${path:enterprise.costCenter}")));
        HttpResponse<String> second = sso.call(admin, "CreateInstanceAccessControlAttributeConfiguration",
                configuration(Map.of("Title", "${path:title}")));
        assertThat(errorType(second)).isEqualTo("ConflictException");
        sso.ok(admin, "UpdateInstanceAccessControlAttributeConfiguration",
                configuration(Map.of("Team", "${path:enterprise.department}", "Title", "${path:title}")));

        JsonNode described = sso.ok(admin, "DescribeInstanceAccessControlAttributeConfiguration", instance);
        assertThat(described.get("Status").asText()).isEqualTo("ENABLED");
        JsonNode attributes = described.get("InstanceAccessControlAttributeConfiguration")
                .get("AccessControlAttributes");
        assertThat(attributes.findValuesAsText("Key")).containsExactly("Team", "Title");
        assertThat(attributes.get(0).get("Value").get("Source").get(0).asText())
                .isEqualTo("${path:enterprise.department}");
        assertThat(attributes.get(1).get("Value").get("Source").get(0).asText()).isEqualTo("${path:title}");
        assertThat(gatehouse.services().core().accessControlAttributes().mapping())
                .containsEntry("Team", "department");

        sso.ok(admin, "DeleteInstanceAccessControlAttributeConfiguration", instance);
        assertThat(gatehouse.services().core().accessControlAttributes().mapping()).isEmpty();
    }

    @Test
    void aSourceThatIsNoAttributeGatehouseKeepsIsAValidationException() throws Exception {
        Created admin = sso.credential("AdministratorAccess");

        HttpResponse<String> response = sso.call(admin, "UpdateInstanceAccessControlAttributeConfiguration",
                configuration(Map.of("Shoe", "${path:shoeSize}")));

        assertThat(errorType(response)).isIn("ValidationException", "ResourceNotFoundException");
        HttpResponse<String> created = sso.call(admin, "CreateInstanceAccessControlAttributeConfiguration",
                configuration(Map.of("Shoe", "${path:shoeSize}")));
        assertThat(errorType(created)).isEqualTo("ValidationException");
        assertThat(gatehouse.services().core().accessControlAttributes().mapping()).doesNotContainKey("Shoe");
    }
}
