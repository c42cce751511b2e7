package dev.gatehouse.policy;

import java.util.List;

/**
 * A statement's {@code Resource} or {@code NotResource} (IAM JSON policy elements: Resource, NotResource). With
 * {@code NotResource} a statement applies to every resource except those listed.
 */
final class ResourceMatcher {

    private final ArnPattern[] patterns;
    private final boolean not;

    ResourceMatcher(List<ArnPattern> patterns, boolean not) {
        this.patterns = patterns.toArray(ArnPattern[]::new);
        this.not = not;
    }

    boolean matches(String resource, ContextKeys context) {
        for (ArnPattern pattern : patterns) {
            if (pattern.matches(resource, context)) {
                return !not;
            }
        }
        return not;
    }

    @Override
    public String toString() {
        return (not ? "NotResource " : "Resource ") + List.of(patterns);
    }
}
