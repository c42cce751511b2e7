package dev.gatehouse.core.scim;

import dev.gatehouse.core.directory.SyncedEntries;
import dev.gatehouse.core.error.DomainException;

/**
 * The InvalidInput fields whose refusals SCIM names apart (RFC 7644 §3.12 {@code scimType}): the SCIM error writer
 * maps these, and any other field is {@code invalidValue}.
 */
public final class ScimFields {

    /** A malformed filter, or one over an attribute or operator not supported: {@code invalidFilter}. */
    public static final String FILTER = "filter";
    /** A PATCH path that cannot be followed: {@code invalidPath}. */
    public static final String PATH = "path";
    /** A PATCH path whose filter matched nothing: {@code noTarget}. */
    public static final String TARGET = "target";
    /**
     * An attribute that cannot be changed (id, or a group's name through this slice), or a user or group synced from
     * a directory: {@code mutability}.
     */
    public static final String READ_ONLY = SyncedEntries.READ_ONLY;
    /** A body or operation that is not SCIM: {@code invalidSyntax}. */
    public static final String SYNTAX = "syntax";
    /** An {@code If-Match} naming a version the resource no longer has: 412 {@code preconditionFailed}. */
    public static final String VERSION = "version";

    private ScimFields() {
    }

    static DomainException invalidFilter(String message) {
        return DomainException.invalid(FILTER, message);
    }

    static DomainException invalidPath(String message) {
        return DomainException.invalid(PATH, message);
    }

    static DomainException noTarget(String message) {
        return DomainException.invalid(TARGET, message);
    }

    static DomainException readOnly(String message) {
        return DomainException.invalid(READ_ONLY, message);
    }

    static DomainException syntax(String message) {
        return DomainException.invalid(SYNTAX, message);
    }
}
