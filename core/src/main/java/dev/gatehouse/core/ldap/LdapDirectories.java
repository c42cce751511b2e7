package dev.gatehouse.core.ldap;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySources;
import dev.gatehouse.core.identitysource.LdapDirectory;
import java.time.Instant;

/**
 * The open directory of the LDAP source in force: opened on first use, kept (its pool with it), and reopened when
 * an administrator changes the source.
 */
public final class LdapDirectories {

    static final DomainError UNAVAILABLE = new DomainError.AccessDenied("The directory that holds your account "
            + "cannot be reached right now. Try again in a few minutes; if it persists, tell your administrator.");

    private final IdentitySources sources;
    private final LdapDirectory.Connector connector;
    private LdapDirectory open;
    private Instant openedFor;

    public LdapDirectories(IdentitySources sources, LdapDirectory.Connector connector) {
        this.sources = sources;
        this.connector = connector;
    }

    /** The directory of the source in force; refused when the source is not LDAP. */
    public synchronized LdapDirectory current() {
        IdentitySource source = sources.current();
        if (source.kind() != IdentitySource.Kind.LDAP) {
            throw DomainException.invalid("identitySource", "The identity source is not an LDAP directory");
        }
        if (open == null || !source.updatedAt().equals(openedFor)) {
            if (open != null) {
                open.close();
            }
            open = connector.open(source.ldap(), sources.bindPassword(source));
            openedFor = source.updatedAt();
        }
        return open;
    }

    /** Closes the open directory's pool (at server shutdown); a later use opens it again. */
    public synchronized void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }

    /** The refusal shown to a person when the directory does not answer (the cause is logged by the caller). */
    public static DomainException unavailable() {
        return new DomainException(UNAVAILABLE);
    }
}
