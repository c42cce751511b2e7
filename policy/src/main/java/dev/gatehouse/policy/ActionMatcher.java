package dev.gatehouse.policy;

import java.util.List;

/**
 * A statement's {@code Action} or {@code NotAction}: action names match case-insensitively, with {@code *} and
 * {@code ?} (IAM JSON policy elements: Action, NotAction). The service prefix and the action name are matched
 * apart, so {@code *:Get*} is two one-comparison matches. Variables are not substituted here: IAM supports them
 * only in {@code Resource} and condition values.
 */
final class ActionMatcher {

    private final List<String> patterns;
    /** Per pattern, its service and its name; {@code *} alone is a null service and a name matching all. */
    private final Glob[] services;
    private final Glob[] names;
    private final boolean not;

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
    }

    boolean matches(String action) {
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
