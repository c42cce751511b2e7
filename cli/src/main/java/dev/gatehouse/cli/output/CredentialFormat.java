package dev.gatehouse.cli.output;

import dev.gatehouse.cli.cache.CacheTimestamps;
import dev.gatehouse.cli.cache.RoleCredentials;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The formats of {@code configure export-credentials}, exactly as the AWS CLI prints them: {@code process} is
 * the {@code credential_process} JSON (Version 1, two-space indent), the others one variable per line in a
 * shell's syntax. The expiration is written as Python's {@code isoformat()}: {@code 2026-05-01T13:00:00+00:00}.
 */
public enum CredentialFormat {
    PROCESS("process", null),
    ENV("env", "export %s=%s"),
    ENV_NO_EXPORT("env-no-export", "%s=%s"),
    POWERSHELL("powershell", "$Env:%s=\"%s\""),
    WINDOWS_CMD("windows-cmd", "set %s=%s"),
    FISH("fish", "set -gx %s \"%s\"");

    private final String cliName;
    private final String lineFormat;

    CredentialFormat(String cliName, String lineFormat) {
        this.cliName = cliName;
        this.lineFormat = lineFormat;
    }

    public String cliName() {
        return cliName;
    }

    public static CredentialFormat fromCliName(String name) {
        return Arrays.stream(values()).filter(format -> format.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "' (choose from "
                        + String.join(", ", Arrays.stream(values()).map(CredentialFormat::cliName).toList()) + ")"));
    }

    public String render(RoleCredentials credentials) {
        if (this == PROCESS) {
            return processJson(credentials);
        }
        StringBuilder lines = new StringBuilder();
        variables(credentials).forEach((name, value) -> lines.append(String.format(lineFormat, name, value))
                .append('\n'));
        return lines.toString();
    }

    private static Map<String, String> variables(RoleCredentials credentials) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        variables.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        if (credentials.sessionToken() != null) {
            variables.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        }
        variables.put("AWS_CREDENTIAL_EXPIRATION", CacheTimestamps.isoFormat(credentials.expiration()));
        return variables;
    }

    private static String processJson(RoleCredentials credentials) {
        StringBuilder json = new StringBuilder("{\n  \"Version\": 1,\n");
        json.append("  \"AccessKeyId\": ").append(Json.quote(credentials.accessKeyId())).append(",\n");
        json.append("  \"SecretAccessKey\": ").append(Json.quote(credentials.secretAccessKey())).append(",\n");
        if (credentials.sessionToken() != null) {
            json.append("  \"SessionToken\": ").append(Json.quote(credentials.sessionToken())).append(",\n");
        }
        json.append("  \"Expiration\": ").append(Json.quote(CacheTimestamps.isoFormat(credentials.expiration())))
                .append("\n}\n");
        return json.toString();
    }
}
