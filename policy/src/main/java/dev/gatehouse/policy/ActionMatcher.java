package dev.gatehouse.policy;

import java.util.List;

/**
 * A statement's {@code Action} or {@code NotAction}: action names match case-insensitively, with {@code *} and
 * {@code ?} (IAM JSON policy elements: Action, NotAction). The service prefix and the action name are matched
 * apart, so {@code *:Get*} is two one-comparison matches, and a statement for other services is passed over with
 * one bit test: the evaluator hashes the request's service once into a bit of a 64-bit set. Variables are not substituted here: IAM supports them
 * only in {@code Resource} and condition values.
 */
final class ActionMatcher {

    private final List<String> patterns;
    /** Per pattern, its service and its name; {@code *} alone is a null service and a name matching all. */
    private final Glob[] services;
    private final Glob[] names;
    private final boolean not;
    /** The {@link #serviceBit}s of the patterns' services, unless one of them has wildcards ({@code everyService}). */
    private final long services64;
    private final boolean everyService;

    ActionMatcher(List<String> patterns, boolean not) {
        this.patterns = List.copyOf(patterns);
        this.services = new Glob[patterns.size()];
        this.names = new Glob[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            int colon = pattern.indexOf(':');
            services[i] = colon < 0 ? null : Glob.of(pattern.substring(0, colon), true);
            names[i] = Glob.of(colon < 0 ? pattern : pattern.substring(colon + 1), true);
        }
        this.not = not;
        this.everyService = patterns.stream().anyMatch(pattern -> pattern.indexOf(':') < 0
                || pattern.substring(0, pattern.indexOf(':')).chars().anyMatch(c -> c == '*' || c == '?'));
        this.services64 = patterns.stream().mapToLong(ActionMatcher::serviceBit).reduce(0L, (a, b) -> a | b);
    }

    /** The service prefix of an action, case-folded and hashed to one of 64 bits; computed without allocating. */
    static long serviceBit(String action) {
        int hash = 0;
        for (int i = 0; i < action.length() && action.charAt(i) != ':'; i++) {
            hash = 31 * hash + Character.toLowerCase(action.charAt(i));
        }
        return 1L << (hash & 63);
    }

    /** @param serviceBit the request action's {@link #serviceBit} */
    boolean matches(String action, long serviceBit) {
        if (!everyService && (services64 & serviceBit) == 0) {
            return not;
        }
        int colon = action.indexOf(':');
        for (int i = 0; i < names.length; i++) {
            boolean match = services[i] == null ? names[i].matches(action)
                    : colon >= 0 && services[i].matches(action, 0, colon)
                            && names[i].matches(action, colon + 1, action.length());
            if (match) {
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
