package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.awsjson.StringShape;

/**
 * The string shapes of the sso-admin model with their length bounds and patterns, which the whole value must match
 * (as the service holds it).
 */
final class SsoString {

    private static final String TAG_CHARACTERS = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";

    static final StringShape INSTANCE_ARN = of(10, 1224,
            "arn:aws(-[a-z]{1,5}){0,3}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}");
    static final StringShape PERMISSION_SET_ARN = of(10, 1224,
            "arn:aws(-[a-z]{1,5}){0,3}:sso:::permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}");
    static final StringShape ACCOUNT_ID = of(12, 12, "\\d{12}");
    static final StringShape PRINCIPAL_ID = of(1, 47,
            "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}");
    static final StringShape REQUEST_ID = of(36, 36, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final StringShape MANAGED_POLICY_ARN = of(20, 2048,
            "arn:aws(-[a-z]{1,5}){0,3}:iam::aws:policy((/[A-Za-z0-9.,+@=_-]+)*)/([A-Za-z0-9.,+=@_-]+)");
    static final StringShape MANAGED_POLICY_NAME = of(1, 128, "[\\w+=,.@-]+");
    static final StringShape MANAGED_POLICY_PATH = of(1, 512, "((/[A-Za-z0-9.,+@=_-]+)*)/");
    static final StringShape PERMISSION_SET_NAME = of(1, 32, "[\\w+=,.@-]+");
    static final StringShape DESCRIPTION = of(1, 700, "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    static final StringShape DURATION = of(1, 100, "(-?)P(?=\\d|T\\d)(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)([DW]))?"
            + "(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");
    static final StringShape RELAY_STATE = of(1, 240, "[a-zA-Z0-9&$@#\\\\/%?=~\\-_'\"|!:,.;*+\\[\\] (){}]+");
    static final StringShape TAG_KEY = of(1, 128, TAG_CHARACTERS);
    static final StringShape TAG_VALUE = of(0, 256, TAG_CHARACTERS);
    static final StringShape TOKEN = of(0, 2048, "[-a-zA-Z0-9+=/_]*");
    static final StringShape TAGGABLE_ARN = of(10, 2048, "arn:aws(-[a-z]{1,5}){0,3}:sso::("
            + ":instance/(sso)?ins-[a-zA-Z0-9-.]{16}|:permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}"
            + "|\\d{12}:application/(sso)?ins-[a-zA-Z0-9-.]{16}/apl-[a-zA-Z0-9]{16}"
            + "|\\d{12}:trustedTokenIssuer/(sso)?ins-[a-zA-Z0-9-.]{16}/tti-[a-f0-9-]{36})");
    static final StringShape POLICY_DOCUMENT = of(1, 32768, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    static final StringShape INSTANCE_NAME = of(0, 255, "[\\w+=,.@-]*");
    static final StringShape CLIENT_TOKEN = of(1, 64, "[!-~]+");
    static final StringShape ATTRIBUTE_KEY = of(1, 128, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    static final StringShape ATTRIBUTE_SOURCE = of(0, 256, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@\\[\\]{}$\\\\\"]*");

    private SsoString() {
    }

    private static StringShape of(int min, int max, String pattern) {
        return StringShape.whole(min, max, pattern);
    }

    static DomainException invalid(String member, String constraint) {
        return StringShape.invalid(member, constraint);
    }
}
