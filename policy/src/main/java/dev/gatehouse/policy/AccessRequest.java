package dev.gatehouse.policy;

/**
 * The question put to the evaluator: may the principal do {@code action} (e.g. {@code s3:PutObject}) on
 * {@code resource} (an ARN, or {@code *}), given the request's context keys ({@code aws:username},
 * {@code aws:PrincipalTag/department}, {@code aws:SourceIp}, {@code aws:CurrentTime}, ...).
 */
public record AccessRequest(String action, String resource, ContextKeys context) {
}
