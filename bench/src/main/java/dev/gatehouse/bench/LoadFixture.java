package dev.gatehouse.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What the seeded server hands the load generator: where it listens, the OIDC client, and live tokens.
 * Passed between the two JVMs as a properties file.
 *
 * @param refreshTokens     one per refresh chain, each from its own device-flow session
 * @param pendingDeviceCodes device codes nobody approves, for polling
 * @param roleCredentials   access key id, secret and session token, for GetCallerIdentity
 * @param serviceCredential access key id and secret of a service credential, for the authorization API
 */
record LoadFixture(int port, String clientId, String clientSecret, String accessToken, String accountId,
                   String roleName, List<String> refreshTokens, List<String> pendingDeviceCodes,
                   List<String> roleCredentials, List<String> serviceCredential) {

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("port", Integer.toString(port));
        p.setProperty("clientId", clientId);
        p.setProperty("clientSecret", clientSecret);
        p.setProperty("accessToken", accessToken);
        p.setProperty("accountId", accountId);
        p.setProperty("roleName", roleName);
        p.setProperty("refreshTokens", String.join(",", refreshTokens));
        p.setProperty("pendingDeviceCodes", String.join(",", pendingDeviceCodes));
        p.setProperty("roleCredentials", String.join(",", roleCredentials));
        p.setProperty("serviceCredential", String.join(",", serviceCredential));
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "gatehouse load fixture: live secrets, delete after the run");
        }
    }

    static LoadFixture read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return new LoadFixture(Integer.parseInt(p.getProperty("port")), p.getProperty("clientId"),
                p.getProperty("clientSecret"), p.getProperty("accessToken"), p.getProperty("accountId"),
                p.getProperty("roleName"), list(p, "refreshTokens"), list(p, "pendingDeviceCodes"),
                list(p, "roleCredentials"), list(p, "serviceCredential"));
    }

    private static List<String> list(Properties p, String key) {
        return Arrays.asList(p.getProperty(key).split(","));
    }
}
