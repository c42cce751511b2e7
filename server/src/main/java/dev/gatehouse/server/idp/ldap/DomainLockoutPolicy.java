package dev.gatehouse.server.idp.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.gatehouse.core.identitysource.LockoutPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an Active Directory domain's lockout policy from the domain object (the {@code DC=} components that end the
 * user base DN): {@code lockoutThreshold}, and {@code lockOutObservationWindow}, which AD keeps as a negative count
 * of 100-nanosecond intervals. Kept per directory; a failed read keeps the last policy read, or
 * {@link LockoutPolicy#CONSERVATIVE} when none was.
 */
final class DomainLockoutPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(DomainLockoutPolicy.class);
    private static final String THRESHOLD = "lockoutThreshold";
    private static final String WINDOW = "lockOutObservationWindow";

    private final LDAPConnectionPool pool;
    private final String userBaseDn;
    private volatile LockoutPolicy known;

    DomainLockoutPolicy(LDAPConnectionPool pool, String userBaseDn) {
        this.pool = pool;
        this.userBaseDn = userBaseDn;
    }

    LockoutPolicy current() {
        LockoutPolicy policy = known;
        if (policy == null) {
            refresh();
            policy = known;
        }
        return policy;
    }

    void refresh() {
        Optional<LockoutPolicy> read = read();
        if (read.isPresent()) {
            known = read.get();
        } else if (known == null) {
            known = LockoutPolicy.CONSERVATIVE;
        }
    }

    private Optional<LockoutPolicy> read() {
        try {
            SearchResultEntry domain = pool.getEntry(domainDn(userBaseDn), THRESHOLD, WINDOW);
            if (domain == null || !domain.hasAttribute(THRESHOLD)) {
                LOG.warn("The domain object has no {}; assuming the conservative lockout policy", THRESHOLD);
                return Optional.empty();
            }
            int threshold = domain.getAttributeValueAsInteger(THRESHOLD);
            Long intervals = domain.getAttributeValueAsLong(WINDOW);
            return Optional.of(of(threshold, intervals == null ? 0 : intervals));
        } catch (LDAPException | RuntimeException e) {
            LOG.warn("Cannot read the domain's lockout policy: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The policy from AD's values; the window is stored negative (a relative time), its sign ignored here. */
    static LockoutPolicy of(int threshold, long windowIn100Nanos) {
        if (threshold <= 0) {
            return LockoutPolicy.NONE;
        }
        return new LockoutPolicy(threshold, Duration.ofNanos(Math.multiplyExact(Math.abs(windowIn100Nanos), 100)));
    }

    /** The trailing {@code DC=} components of a DN: the domain object of an AD entry below it. */
    static String domainDn(String dn) throws LDAPException {
        RDN[] rdns = new DN(dn).getRDNs();
        List<RDN> domain = new ArrayList<>();
        for (int i = rdns.length - 1; i >= 0 && isDomainComponent(rdns[i]); i--) {
            domain.addFirst(rdns[i]);
        }
        if (domain.isEmpty()) {
            throw new LDAPException(ResultCode.PARAM_ERROR, "no DC= components in " + dn);
        }
        return new DN(domain).toString();
    }

    private static boolean isDomainComponent(RDN rdn) {
        String[] names = rdn.getAttributeNames();
        return names.length == 1 && names[0].toLowerCase(Locale.ROOT).equals("dc");
    }
}
