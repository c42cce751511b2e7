package dev.gatehouse.it.awscli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An application using the AWS SDK for Java v2 with nothing configured in code: the default credential chain and
 * region, {@code AWS_PROFILE}, and the endpoints from {@code AWS_ENDPOINT_URL_*} or the profile's
 * {@code services}. It runs in a child JVM, because the SDK finds {@code ~/.aws/sso/cache} through the variable
 * {@code HOME}, which a running JVM cannot change.
 */
final class DefaultChainCallerIdentity {

    private DefaultChainCallerIdentity() {
    }

    /** In the child: prints the caller's Arn. */
    public static void main(String[] args) {
        try (StsClient sts = StsClient.create()) {
            System.out.println(sts.getCallerIdentity().arn());
        }
    }

    /**
     * Runs {@link #main} as the user of {@code aws} (their home and config file) with {@code AWS_PROFILE=profile}
     * and every {@code AWS_ENDPOINT_URL_*} variable pointing at Gatehouse; returns the Arn it printed.
     */
    static String runWithEndpointVariables(AwsCli aws, String gatehouseUrl, String profile) {
        return run(aws.home(), aws.configFile(), Map.of(
                "AWS_PROFILE", profile,
                "AWS_ENDPOINT_URL_SSO_OIDC", gatehouseUrl,
                "AWS_ENDPOINT_URL_SSO", gatehouseUrl,
                "AWS_ENDPOINT_URL_STS", gatehouseUrl));
    }

    /** As above with no endpoint variable: the profile in {@code configFile} must name the endpoints itself. */
    static String runWithConfigFile(AwsCli aws, Path configFile, String profile) {
        return run(aws.home(), configFile, Map.of("AWS_PROFILE", profile));
    }

    private static String run(Path home, Path configFile, Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("HOME", home.toString());
        environment.put("AWS_CONFIG_FILE", configFile.toString());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.disableEc2Metadata=true", "-cp", System.getProperty("java.class.path"),
                DefaultChainCallerIdentity.class.getName());
        return Commands.run(command, environment, home, AwsCli.TIMEOUT).assertSucceeded().stdout().strip();
    }
}
