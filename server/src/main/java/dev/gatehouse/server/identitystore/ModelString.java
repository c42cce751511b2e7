package dev.gatehouse.server.identitystore;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.http.JsonRequestBody;
import java.util.regex.Pattern;

/**
 * A string shape of the identitystore model with its length bounds and pattern (unanchored, as Smithy reads
 * patterns). Values are never echoed in errors: most of these shapes are marked sensitive.
 */
record ModelString(int min, int max, Pattern pattern) {

    static final ModelString IDENTITY_STORE_ID = of(1, 36,
            "d-[0-9a-f]{10}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final ModelString RESOURCE_ID = of(1, 47,
            "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}");
    static final ModelString USER_NAME = of(1, 128, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    static final ModelString SENSITIVE = of(1, 1024, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \u00a0\u3000]+");
    static final ModelString GROUP_DISPLAY_NAME = of(1, 1024, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \u00a0]+");
    static final ModelString NEXT_TOKEN = of(1, 65535, "[-a-zA-Z0-9+=/:_]*");
    static final ModelString ATTRIBUTE_PATH = of(1, 255,
            "(?:\\p{L}+:\\p{L}+:\\p{L}+(?:\\.\\p{L}+){0,3}|\\p{L}+(?:\\.\\p{L}+){0,2})");
    static final ModelString EXTERNAL_ID_PART = of(1, 256, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    private static ModelString of(int min, int max, String pattern) {
        return new ModelString(min, max, Pattern.compile(pattern));
    }

    String required(JsonRequestBody body, String member) {
        String value = body.optionalString(member);
        if (value == null) {
            throw invalid(member, "Member must not be null");
        }
        return check(member, value);
    }

    /** Null when absent. */
    String optional(JsonRequestBody body, String member) {
        String value = body.optionalString(member);
        return value == null ? null : check(member, value);
    }

    String check(String member, String value) {
        if (value.length() < min || value.length() > max) {
            throw invalid(member, "Member must have length between " + min + " and " + max);
        }
        if (!pattern.matcher(value).find()) {
            throw invalid(member, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    /** In the words AWS's validation errors use, naming the member but not the value. */
    static DomainException invalid(String member, String constraint) {
        return DomainException.invalid(member, "1 validation error detected: Value at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
