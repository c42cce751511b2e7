package dev.gatehouse.cli.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file names the AWS CLI gives its cache entries, so a token one tool caches is found by the other.
 * Each is the SHA-1, in lower-case hex, of a string botocore builds (DESIGN.md §3).
 */
public final class CacheKeys {

    private CacheKeys() {
    }

    /** The token of an sso-session: sha1 of its name; for a legacy profile without one, of its start URL. */
    public static String token(String sessionName, String startUrl) {
        return sha1(sessionName != null ? sessionName : startUrl);
    }

    /**
     * The client registration: sha1 of {@code json.dumps({"region", "scopes", "session_name", "startUrl",
     * "tool": "botocore"}, sort_keys=True)}; scopes and session name are JSON null when absent.
     */
    public static String registration(String startUrl, String region, List<String> scopes, String sessionName) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("tool", "botocore");
        args.put("startUrl", startUrl);
        args.put("region", region);
        args.put("scopes", scopes);
        args.put("session_name", sessionName);
        return sha1(PythonJson.dumps(args));
    }

    /**
     * The browser (PKCE) flow's registration: sha1 of {@code json.dumps({"grantTypes": ["authorization_code",
     * "refresh_token"], "region", "scopes", "session_name", "startUrl", "tool": "gatehouse"}, sort_keys=True)}.
     * Not botocore's key, on purpose: AWS CLI versions before 2.22 (Debian's 2.9.19) read the file under
     * {@link #registration} without looking at its {@code grantTypes}, and would start a device login with a
     * client registered for the browser flow only. Kept apart, neither flow ever meets the other's client.
     */
    public static String authorizationCodeRegistration(String startUrl, String region, List<String> scopes,
                                                       String sessionName) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("tool", "gatehouse");
        args.put("grantTypes", Registration.AUTHORIZATION_CODE_GRANTS);
        args.put("startUrl", startUrl);
        args.put("region", region);
        args.put("scopes", scopes);
        args.put("session_name", sessionName);
        return sha1(PythonJson.dumps(args));
    }

    /**
     * Role credentials in {@code ~/.aws/cli/cache}: sha1 of the compact sorted JSON of account id, role name
     * and the session name (a legacy profile: its start URL), as botocore's SSO credential fetcher keys them.
     */
    public static String roleCredentials(String accountId, String roleName, String sessionName, String startUrl) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("roleName", roleName);
        args.put("accountId", accountId);
        if (sessionName != null) {
            args.put("sessionName", sessionName);
        } else {
            args.put("startUrl", startUrl);
        }
        return sha1(PythonJson.dumpsCompact(args));
    }

    static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
