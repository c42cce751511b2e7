package dev.gatehouse.core.audit;

import dev.gatehouse.core.error.DomainError;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Writes audit events through its repository, so a change and its event share the transaction the change runs
 * in. Callers never pass secrets in parameters or responses. Whatever they pass, each event stays small: strings,
 * lists and maps are cut to {@link AuditBounds}, as are the user agent and the error message.
 */
public final class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;

    public AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Writes events of {@code actor}, from {@code source}, in the request {@code context}. */
    public Auditor as(Actor actor, String source, RequestContext context) {
        return new Auditor(this, actor, source, context);
    }

    void success(RequestContext context, Actor actor, String source, String name, Map<String, Object> parameters,
                 Map<String, Object> response) {
        repository.insert(event(context, actor, source, name, parameters, response, null, null));
    }

    void failure(RequestContext context, Actor actor, String source, String name, Map<String, Object> parameters,
                 DomainError error) {
        repository.insert(event(context, actor, source, name, parameters, null, errorCode(error), error.message()));
    }

    private AuditEvent event(RequestContext context, Actor actor, String source, String name,
                             Map<String, Object> parameters, Map<String, Object> response, String errorCode,
                             String errorMessage) {
        return new AuditEvent(UUID.randomUUID().toString(), clock.instant(), source, name,
                AuditBounds.text(actor.userName()), AuditBounds.map(actor.asUserIdentity()),
                AuditBounds.text(context.sourceIpAddress()), AuditBounds.text(context.userAgent()),
                AuditBounds.map(parameters), AuditBounds.map(response), errorCode, AuditBounds.text(errorMessage),
                context.requestId());
    }

    /** The error's simple name (e.g. {@code InvalidGrant}), as CloudTrail records a code. */
    static String errorCode(DomainError error) {
        return switch (error) {
            case DomainError.SignatureRejected rejected -> rejected.kind().name();
            default -> error.getClass().getSimpleName();
        };
    }
}
