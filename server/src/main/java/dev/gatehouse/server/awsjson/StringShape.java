package dev.gatehouse.server.awsjson;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.http.JsonRequestBody;
import java.util.regex.Pattern;

/**
 * A string shape of an awsJson model with its length bounds and pattern. Values are never echoed in errors: many
 * shapes are marked sensitive, and a policy document may be long or private.
 *
 * @param wholeValue whether the pattern must match the whole value (as sso-admin holds its values) or only occur in
 *                   it (as Smithy reads identitystore's unanchored patterns)
 */
public record StringShape(int min, int max, Pattern pattern, boolean wholeValue) {

    /** The pattern must match the whole value. */
    public static StringShape whole(int min, int max, String pattern) {
        return new StringShape(min, max, Pattern.compile(pattern), true);
    }

    /** The pattern must occur somewhere in the value. */
    public static StringShape occurring(int min, int max, String pattern) {
        return new StringShape(min, max, Pattern.compile(pattern), false);
    }

    public String required(JsonRequestBody body, String member) {
        String value = body.optionalString(member);
        if (value == null) {
            throw invalid(member, "Member must not be null");
        }
        return check(member, value);
    }

    /** Null when absent. */
    public String optional(JsonRequestBody body, String member) {
        String value = body.optionalString(member);
        return value == null ? null : check(member, value);
    }

    public String check(String member, String value) {
        if (value.length() < min || value.length() > max) {
            throw invalid(member, "Member must have length between " + min + " and " + max);
        }
        boolean matches = wholeValue ? pattern.matcher(value).matches() : pattern.matcher(value).find();
        if (!matches) {
            throw invalid(member, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    /** In the words AWS's validation errors use, naming the member but not the value. */
    public static DomainException invalid(String member, String constraint) {
        return DomainException.invalid(member, "1 validation error detected: Value at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
