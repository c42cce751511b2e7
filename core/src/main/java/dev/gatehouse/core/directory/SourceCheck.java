package dev.gatehouse.core.directory;

import dev.gatehouse.core.audit.RequestContext;

/**
 * Asks the identity source about a user again before they are given new tokens, so that a person disabled or
 * removed there, or taken out of their groups, is refused at once rather than at the next sync. What changed is
 * applied through the usual paths (ending sessions where access was lost); the caller then finds the session or the
 * user no longer valid.
 */
public interface SourceCheck {

    /** A source that syncs nothing (the built-in directory, OIDC, SAML). */
    SourceCheck NONE = new SourceCheck() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public void recheck(String userId, RequestContext context) {
        }
    };

    /** Whether any user may need a recheck now; false lets a caller skip finding out whose recheck it would be. */
    default boolean active() {
        return true;
    }

    void recheck(String userId, RequestContext context);
}
