package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.http.JsonRequestBody;
import java.util.regex.Pattern;

/**
 * A string shape of the sso-admin model with its length bounds and pattern, which the whole value must match (as
 * the service holds it). Values are not echoed in errors: a policy document or a relay state may be long or private.
 */
record SsoString(int min, int max, Pattern pattern) {

    private static final String TAG_CHARACTERS = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";

    static final SsoString INSTANCE_ARN = of(10, 1224,
            "arn:aws(-[a-z]{1,5}){0,3}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}");
    static final SsoString PERMISSION_SET_ARN = of(10, 1224,
            "arn:aws(-[a-z]{1,5}){0,3}:sso:::permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}");
    static final SsoString ACCOUNT_ID = of(12, 12, "\\d{12}");
    static final SsoString PRINCIPAL_ID = of(1, 47,
            "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}");
    static final SsoString REQUEST_ID = of(36, 36, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final SsoString MANAGED_POLICY_ARN = of(20, 2048,
            "arn:aws(-[a-z]{1,5}){0,3}:iam::aws:policy((/[A-Za-z0-9.,+@=_-]+)*)/([A-Za-z0-9.,+=@_-]+)");
    static final SsoString MANAGED_POLICY_NAME = of(1, 128, "[\\w+=,.@-]+");
    static final SsoString MANAGED_POLICY_PATH = of(1, 512, "((/[A-Za-z0-9.,+@=_-]+)*)/");
    static final SsoString PERMISSION_SET_NAME = of(1, 32, "[\\w+=,.@-]+");
    static final SsoString DESCRIPTION = of(1, 700, "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    static final SsoString DURATION = of(1, 100, "(-?)P(?=\\d|T\\d)(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)([DW]))?"
            + "(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");
    static final SsoString RELAY_STATE = of(1, 240, "[a-zA-Z0-9&$@#\\\\/%?=~\\-_'\"|!:,.;*+\\[\\] (){}]+");
    static final SsoString TAG_KEY = of(1, 128, TAG_CHARACTERS);
    static final SsoString TAG_VALUE = of(0, 256, TAG_CHARACTERS);
    static final SsoString TOKEN = of(0, 2048, "[-a-zA-Z0-9+=/_]*");
    static final SsoString TAGGABLE_ARN = of(10, 2048, "arn:aws(-[a-z]{1,5}){0,3}:sso::("
            + ":instance/(sso)?ins-[a-zA-Z0-9-.]{16}|:permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}"
            + "|\\d{12}:application/(sso)?ins-[a-zA-Z0-9-.]{16}/apl-[a-zA-Z0-9]{16}"
            + "|\\d{12}:trustedTokenIssuer/(sso)?ins-[a-zA-Z0-9-.]{16}/tti-[a-f0-9-]{36})");
    static final SsoString POLICY_DOCUMENT = of(1, 32768, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    static final SsoString INSTANCE_NAME = of(0, 255, "[\\w+=,.@-]*");
    static final SsoString CLIENT_TOKEN = of(1, 64, "[!-~]+");
    static final SsoString ATTRIBUTE_KEY = of(1, 128, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    static final SsoString ATTRIBUTE_SOURCE = of(0, 256, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@\\[\\]{}$\\\\\"]*");

    private static SsoString of(int min, int max, String pattern) {
        return new SsoString(min, max, Pattern.compile(pattern));
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
        if (!pattern.matcher(value).matches()) {
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
