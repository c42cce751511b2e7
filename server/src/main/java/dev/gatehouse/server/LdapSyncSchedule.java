package dev.gatehouse.server;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.RequestContext;
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
 * person removed or disabled there loses access within one period. A failed run (directory down) is logged and the
 * next one tries again; nothing is changed by a run that could not read the directory.
 */
final class LdapSyncSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LdapSyncSchedule.class);

    static final Duration EVERY = Duration.ofMinutes(5);
    private static final RequestContext SCHEDULE = RequestContext.commandLine("ldap-sync-schedule");

    private final ScheduledExecutorService thread;

    private LdapSyncSchedule(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    static LdapSyncSchedule start(CoreServices core) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("gatehouse-ldap-sync").daemon().factory());
        thread.scheduleWithFixedDelay(() -> runOnce(core), EVERY.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
        return new LdapSyncSchedule(thread);
    }

    static void runOnce(CoreServices core) {
        if (core.identitySources().current().kind() != IdentitySource.Kind.LDAP) {
            return;
        }
        try {
            LdapSync.Report report = core.ldapSync().runScheduled(SCHEDULE);
            LOG.info("LDAP sync: {}", report);
        } catch (RuntimeException e) {
            LOG.warn("LDAP sync failed, trying again in {}: {}", EVERY, e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
