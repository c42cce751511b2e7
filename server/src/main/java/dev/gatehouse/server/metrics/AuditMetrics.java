package dev.gatehouse.server.metrics;

import dev.gatehouse.core.audit.AuditEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Counts what core audits, as it is written: every event by source, name and outcome, and under their own names the
 * ones operators watch — sign-ins and their failures by kind, tokens and credentials issued, revocations. The tags
 * are names from code (event names, error codes), never anything a client sent, so their number stays bounded.
 */
public final class AuditMetrics implements Consumer<AuditEvent> {

    /**
     * A sign-in as a whole ({@code UserAuthentication}: its success, or the failure of any of its steps) and each
     * credential checked on the way ({@code CredentialVerification}, {@code VerifyMfaDevice}).
     */
    private static final Set<String> SIGN_IN_STEPS = Set.of("UserAuthentication", "CredentialVerification",
            "VerifyMfaDevice");
    private static final Set<String> REVOCATIONS = Set.of("RevokeSession", "RevokeAllSessions", "Logout", "SignOut",
            "RefreshTokenReuse");

    private final MeterRegistry registry;
    /** When the last LDAP sync on this node succeeded, in epoch seconds; 0 before the first. */
    private final AtomicLong lastLdapSync = new AtomicLong();

    public AuditMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("gatehouse.ldap.sync.last.success", lastLdapSync, AtomicLong::get).baseUnit("seconds")
                .description("When the last LDAP directory sync succeeded on this node (epoch seconds, 0 never)")
                .register(registry);
    }

    @Override
    public void accept(AuditEvent event) {
        String outcome = event.errorCode() == null ? "success" : "failure";
        String error = event.errorCode() == null ? "none" : event.errorCode();
        count("gatehouse.audit.events", "All audited events", "source", event.eventSource(), "event",
                event.eventName(), "outcome", outcome);
        String name = event.eventName();
        if (SIGN_IN_STEPS.contains(name)) {
            Object credential = event.requestParameters() == null ? null
                    : event.requestParameters().get("credentialType");
            count("gatehouse.signins", "Sign-ins and the credentials checked in them, by outcome and failure kind",
                    "step", name, "credential", credential == null ? "none" : credential.toString(),
                    "outcome", outcome, "error", error);
        } else if ("CreateToken".equals(name) && event.errorCode() == null) {
            count("gatehouse.tokens.issued", "Access tokens issued (device, authorization code or refresh)");
        } else if ("GetRoleCredentials".equals(name) && event.errorCode() == null) {
            count("gatehouse.credentials.issued", "Role credentials issued");
        } else if ("SyncDirectory".equals(name)) {
            count("gatehouse.ldap.syncs", "LDAP directory syncs by outcome (a failure: the directory was not read)",
                    "outcome", outcome);
            if (event.errorCode() == null) {
                lastLdapSync.set(event.eventTime().getEpochSecond());
            }
        } else if (REVOCATIONS.contains(name) && event.errorCode() == null) {
            count("gatehouse.revocations", "Sessions and tokens ended before their time", "event", name);
        }
    }

    private void count(String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment();
    }
}
