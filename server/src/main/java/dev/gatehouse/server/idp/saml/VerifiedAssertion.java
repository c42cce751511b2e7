package dev.gatehouse.server.idp.saml;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a response said once every check passed: who signed in, and what Gatehouse still has to decide with its
 * own state (whether it asked for this answer, and whether the assertion was used before).
 *
 * @param inResponseTo         the AuthnRequest ID this answers, or null for an IdP-initiated sign-in
 * @param attributes           attribute name to values, in document order
 * @param authnContextClassRef how the IdP authenticated the person, or null
 * @param usableUntil          when the assertion stops being valid (skew included): its replay entry lasts as long
 */
public record VerifiedAssertion(String issuer, String assertionId, String inResponseTo, String nameId,
                                Map<String, List<String>> attributes, String authnContextClassRef,
                                Instant usableUntil) {

    /** The first value of an attribute, or null. */
    public String first(String attribute) {
        List<String> values = attributes.get(attribute);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
