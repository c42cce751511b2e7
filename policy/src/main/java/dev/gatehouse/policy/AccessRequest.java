package dev.gatehouse.policy;

/**
 * The question put to the evaluator: may the principal do {@code action} (e.g. {@code s3:PutObject}) on
 * {@code resource} (an ARN, or {@code *}), given the request's context keys ({@code aws:username},
 * {@code aws:PrincipalTag/department}, {@code aws:SourceIp}, {@code aws:CurrentTime}, ...).
 */
public record AccessRequest(String action, String resource, ContextKeys context) {

    /**
     * The request is a fact about one call, never a pattern: policies match it with their wildcards, and every
     * character of the request, {@code *} and {@code ?} included, is matched literally (so a {@code Resource} of
     * {@code .../secret/*} covers a requested {@code .../secret/*}, and {@code bucket/a*} does not cover
     * {@code bucket/*}). No IAM action name holds a wildcard: {@code s3:Get*} as the request's action is refused here,
     * or it would be allowed by {@code s3:*} and pass a Deny on {@code s3:GetObject}.
     *
     * @throws IllegalArgumentException when the action holds {@code *} or {@code ?}
     */
    public AccessRequest {
        if (action == null || action.indexOf('*') >= 0 || action.indexOf('?') >= 0) {
            throw new IllegalArgumentException("The requested action must be one action, not a pattern: " + action);
        }
    }
}
