package dev.gatehouse.it.awscli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An {@code AWS_DATA_PATH} folder that sends AWS CLI 2.9.19 to Gatehouse. That version ignores the
 * {@code AWS_ENDPOINT_URL_*} variables, but it loads each service's {@code endpoint-rule-set-1.json} from
 * {@code AWS_DATA_PATH} before its own. Each file written here keeps the {@code parameters} block of the CLI's own
 * rule set (the built-ins the CLI binds: region, FIPS, dual-stack, endpoint) and has one rule, with no
 * conditions, that resolves every request to Gatehouse. The service models ({@code service-2.json}) are not
 * needed beside it: the CLI looks each kind of file up on its own across all data paths.
 */
final class EndpointRuleSets {

    /** Where the Debian package keeps botocore's data. */
    static final Path CLI_DATA = Path.of("/usr/lib/python3/dist-packages/awscli/botocore/data");

    /**
     * The services the SSO login, {@code sts get-caller-identity}, {@code aws identitystore} and
     * {@code aws sso-admin} call, with the API versions 2.9.19 uses.
     */
    static final List<String> SERVICES = List.of("sso-oidc/2019-06-10", "sso/2019-06-10", "sts/2011-06-15",
            "identitystore/2020-06-15", "sso-admin/2020-07-20");

    private static final ObjectMapper JSON = new ObjectMapper();

    private EndpointRuleSets() {
    }

    /** Writes the rule sets under {@code dataPath}, every one resolving to {@code endpointUrl}. */
    static void write(Path dataPath, String endpointUrl) {
        for (String service : SERVICES) {
            Path original = CLI_DATA.resolve(service).resolve("endpoint-rule-set-1.json");
            Path redirected = dataPath.resolve(service).resolve("endpoint-rule-set-1.json");
            try {
                ObjectNode ruleSet = (ObjectNode) JSON.readTree(original.toFile());
                ruleSet.set("rules", everyRequestTo(endpointUrl));
                Files.createDirectories(redirected.getParent());
                JSON.writerWithDefaultPrettyPrinter().writeValue(redirected.toFile(), ruleSet);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot redirect " + service + " from " + original, e);
            }
        }
    }

    private static ArrayNode everyRequestTo(String endpointUrl) {
        ArrayNode rules = JSON.createArrayNode();
        ObjectNode rule = rules.addObject();
        rule.putArray("conditions");
        ObjectNode endpoint = rule.putObject("endpoint");
        endpoint.put("url", endpointUrl);
        endpoint.putObject("properties");
        endpoint.putObject("headers");
        rule.put("type", "endpoint");
        return rules;
    }
}
