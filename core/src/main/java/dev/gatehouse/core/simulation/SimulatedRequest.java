package dev.gatehouse.core.simulation;

import dev.gatehouse.core.error.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the simulated principal asks to do: an action ({@code s3:GetObject}), a resource ARN or {@code *}, and
 * context keys given by hand.
 *
 * @param context key to values; a key given more than once is multi-valued
 */
public record SimulatedRequest(String action, String resource, Map<String, List<String>> context) {

    private static final Pattern ACTION = Pattern.compile("^[A-Za-z0-9-]{1,64}:[A-Za-z0-9]{1,128}$");

    public SimulatedRequest {
        context = Map.copyOf(context);
    }

    /**
     * Reads the request as people type it: a blank resource means {@code *}, context as {@code key=value} pairs.
     */
    public static SimulatedRequest of(String action, String resource, List<String> contextPairs) {
        String typedAction = action == null ? "" : action.strip();
        if (typedAction.indexOf('*') >= 0 || typedAction.indexOf('?') >= 0) {
            // As the authorization API: a request does one action; s3:Get* is a pattern, which only policies hold.
            throw DomainException.invalid("action", "action must be one action such as s3:GetObject; wildcards "
                    + "(* and ?) belong in policies, not in the request, not '" + typedAction + "'");
        }
        if (!ACTION.matcher(typedAction).matches()) {
            throw DomainException.invalid("action", "action must be service:Action, e.g. s3:GetObject"
                    + (typedAction.isEmpty() ? "" : ", not '" + typedAction + "'"));
        }
        String typedResource = resource == null || resource.isBlank() ? "*" : resource.strip();
        return new SimulatedRequest(typedAction, typedResource, context(contextPairs));
    }

    private static Map<String, List<String>> context(List<String> pairs) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.indexOf('=');
            if (eq < 1 || pair.substring(0, eq).isBlank()) {
                throw DomainException.invalid("context", "context keys are key=value, e.g. "
                        + "aws:SourceIp=10.0.0.1, not '" + pair + "'");
            }
            context.computeIfAbsent(pair.substring(0, eq).strip(), key -> new ArrayList<>())
                    .add(pair.substring(eq + 1));
        }
        return context;
    }
}
