package dev.gatehouse.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS managed policies Gatehouse bundles (the job-function policies of the walkthrough), by name or by ARN
 * ({@code arn:aws:iam::aws:policy/PowerUserAccess}, {@code arn:aws:iam::aws:policy/job-function/ViewOnlyAccess}).
 * Each is a JSON document in this module's resources, parsed once when the class loads.
 */
public final class ManagedPolicies {

    private static final String ARN_PREFIX = "arn:aws:iam::aws:policy/";
    private static final String JOB_FUNCTION = "job-function/";
    private static final Map<String, Policy> BY_NAME = load("AdministratorAccess", "PowerUserAccess",
            "ReadOnlyAccess", "ViewOnlyAccess");

    private ManagedPolicies() {
    }

    public static Optional<Policy> find(String name) {
        String bare = name.startsWith(ARN_PREFIX) ? name.substring(ARN_PREFIX.length()) : name;
        // AWS files ViewOnlyAccess (and other job-function policies) under a path in its ARN.
        if (name.startsWith(ARN_PREFIX) && bare.startsWith(JOB_FUNCTION)) {
            bare = bare.substring(JOB_FUNCTION.length());
        }
        return Optional.ofNullable(BY_NAME.get(bare));
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    private static Map<String, Policy> load(String... names) {
        Map<String, Policy> policies = new LinkedHashMap<>();
        for (String name : names) {
            try (InputStream in = ManagedPolicies.class.getResourceAsStream("managed/" + name + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("managed policy " + name + " is missing from the policy module");
                }
                policies.put(name, Policies.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return java.util.Collections.unmodifiableMap(policies);
    }
}
