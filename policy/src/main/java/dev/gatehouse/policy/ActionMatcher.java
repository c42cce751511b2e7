package dev.gatehouse.policy;

import java.util.List;

/**
 * A statement's {@code Action} or {@code NotAction}: action names match case-insensitively, with {@code *} and
 * {@code ?} (IAM JSON policy elements: Action, NotAction). Variables are not substituted here: IAM supports them
 * only in {@code Resource} and condition values.
 */
final class ActionMatcher {

    private final List<String> patterns;
    private final Glob[] globs;
    private final boolean not;

    ActionMatcher(List<String> patterns, boolean not) {
        this.patterns = List.copyOf(patterns);
        this.globs = patterns.stream().map(pattern -> Glob.of(pattern, true)).toArray(Glob[]::new);
        this.not = not;
    }

    boolean matches(String action) {
        for (Glob glob : globs) {
            if (glob.matches(action)) {
                return !not;
            }
        }
        return not;
    }

    @Override
    public String toString() {
        return (not ? "NotAction " : "Action ") + patterns;
    }
}
