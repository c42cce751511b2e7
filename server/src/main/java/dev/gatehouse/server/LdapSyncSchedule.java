package dev.gatehouse.server;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.ldap.LdapSync;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs users and groups from the LDAP directory every few minutes while an LDAP directory is the source, so a
 * person removed or disabled there loses access within one period. A failed run (directory down) is logged (and
 * audited by the sync, so the console and /metrics show it) and the next one tries again; nothing is changed by a
 * run that could not read the directory. Closing stops the schedule and closes the directory's connection pool.
 */
final class LdapSyncSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LdapSyncSchedule.class);

    static final Duration EVERY = Duration.ofMinutes(5);
    private static final RequestContext SCHEDULE = RequestContext.commandLine("ldap-sync-schedule");

    private final ScheduledExecutorService thread;
    private final CoreServices core;

    private LdapSyncSchedule(ScheduledExecutorService thread, CoreServices core) {
        this.thread = thread;
        this.core = core;
    }

    static LdapSyncSchedule start(CoreServices core) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("gatehouse-ldap-sync").daemon().factory());
        thread.scheduleWithFixedDelay(() -> runOnce(core), EVERY.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
        return new LdapSyncSchedule(thread, core);
    }

    static void runOnce(CoreServices core) {
        if (core.identitySources().current().kind() != IdentitySource.Kind.LDAP) {
            return;
        }
        try {
            LdapSync.Report report = core.ldapSync().runScheduled(SCHEDULE);
            LOG.info("LDAP sync: {}", report);
        } catch (DomainException e) {
            if (e.error() instanceof DomainError.TooManyRequests) {
                LOG.info("LDAP sync skipped: another node holds the sync lease");
            } else {
                LOG.warn("LDAP sync failed, trying again in {}: {}", EVERY, e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("LDAP sync failed, trying again in {}: {}", EVERY, e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        // The pool's connections would otherwise stay open until the JVM exits.
        core.ldapSync().closeDirectory();
    }
}
