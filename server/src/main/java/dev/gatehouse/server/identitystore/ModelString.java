package dev.gatehouse.server.identitystore;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.awsjson.StringShape;

/**
 * The string shapes of the identitystore model with their length bounds and patterns (unanchored, as Smithy reads
 * patterns). Values are never echoed in errors: most of these shapes are marked sensitive.
 */
final class ModelString {

    static final StringShape IDENTITY_STORE_ID = of(1, 36,
            "d-[0-9a-f]{10}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final StringShape RESOURCE_ID = of(1, 47,
            "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}");
    static final StringShape USER_NAME = of(1, 128, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    static final StringShape SENSITIVE = of(1, 1024, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \u00a0\u3000]+");
    static final StringShape GROUP_DISPLAY_NAME = of(1, 1024, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \u00a0]+");
    static final StringShape NEXT_TOKEN = of(1, 65535, "[-a-zA-Z0-9+=/:_]*");
    static final StringShape ATTRIBUTE_PATH = of(1, 255,
            "(?:\\p{L}+:\\p{L}+:\\p{L}+(?:\\.\\p{L}+){0,3}|\\p{L}+(?:\\.\\p{L}+){0,2})");
    static final StringShape EXTERNAL_ID_PART = of(1, 256, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    private ModelString() {
    }

    private static StringShape of(int min, int max, String pattern) {
        return StringShape.occurring(min, max, pattern);
    }

    static DomainException invalid(String member, String constraint) {
        return StringShape.invalid(member, constraint);
    }
}
