package dev.gatehouse.server.idp.ldap;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUnavailable;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import java.io.File;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Opens a directory with the UnboundID LDAP SDK: one pool of connections bound as the bind account, trying the URLs
 * in order (the first that answers serves, the next takes over when it stops), TLS checked against the trusted CA
 * file or the JVM's trust store, the host name checked too. A directory down at opening is not an error: the pool
 * connects when first used, and says then that the directory is unavailable.
 */
public final class LdapConnector implements LdapDirectory.Connector {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long RESPONSE_TIMEOUT_MILLIS = 15_000;
    private static final int MAX_CONNECTIONS = 8;

    @Override
    public LdapDirectory open(LdapSettings settings, String bindPassword) {
        List<LDAPURL> urls = settings.urls().stream().map(LdapConnector::parsed).toList();
        String[] hosts = urls.stream().map(LDAPURL::getHost).toArray(String[]::new);
        int[] ports = urls.stream().mapToInt(LDAPURL::getPort).toArray();
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
        options.setResponseTimeoutMillis(RESPONSE_TIMEOUT_MILLIS);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        SocketFactory sockets = SocketFactory.getDefault();
        PostConnectProcessor startTls = null;
        try {
            if (settings.transport() == Transport.LDAPS) {
                sockets = ssl(settings).createSSLSocketFactory();
            } else if (settings.transport() == Transport.START_TLS) {
                startTls = new StartTLSPostConnectProcessor(ssl(settings).createSSLSocketFactory());
            }
        } catch (GeneralSecurityException e) {
            throw new DirectoryUnavailable("Cannot set up TLS for the directory: " + e.getMessage(), e);
        }
        FailoverServerSet servers = new FailoverServerSet(hosts, ports, sockets, options);
        try {
            LDAPConnectionPool pool = new LDAPConnectionPool(servers,
                    new SimpleBindRequest(settings.bindDn(), bindPassword), 1, MAX_CONNECTIONS, 1, startTls, false);
            pool.setConnectionPoolName("gatehouse-ldap");
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            return new PooledDirectory(pool, settings);
        } catch (LDAPException e) {
            throw new DirectoryUnavailable("The directory cannot be reached: " + e.getResultCode(), e);
        }
    }

    private static LDAPURL parsed(String url) {
        try {
            return new LDAPURL(url);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("not an LDAP URL: " + url, e);
        }
    }

    private static SSLUtil ssl(LdapSettings settings) throws GeneralSecurityException {
        TrustManager trust = settings.trustedCaFile() == null ? JVMDefaultTrustManager.getInstance()
                : new PEMFileTrustManager(new File(settings.trustedCaFile()));
        return new SSLUtil(trust);
    }
}
