package dev.gatehouse.authz.client;

import java.util.Optional;

/**
 * Gatehouse's answer.
 *
 * @param outcome               {@code ALLOW}, {@code EXPLICIT_DENY}, {@code IMPLICIT_DENY} or {@code NOT_AUTHENTICATED}
 * @param principal             who signed, unless the request did not authenticate
 * @param decidingStatement     the statement that allowed or explicitly denied, e.g. {@code inline Statement[0]}
 * @param reason                why, in words for logs and error messages
 * @param authenticationFailure for {@code NOT_AUTHENTICATED}: e.g. {@code SIGNATURE_DOES_NOT_MATCH}, {@code EXPIRED_TOKEN}
 */
public record AuthorizationDecision(boolean allowed, String outcome, Optional<Principal> principal,
                                    Optional<String> decidingStatement, String reason,
                                    Optional<String> authenticationFailure) { }
