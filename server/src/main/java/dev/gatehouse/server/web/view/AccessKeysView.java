package dev.gatehouse.server.web.view;

/**
 * Fresh credentials for one role, in the forms the AWS access portal offers: shell exports for Linux and macOS,
 * PowerShell and Windows command prompt, a {@code ~/.aws/credentials} profile, and each value on its own.
 *
 * @param expiresAtIso  machine-readable expiry for {@code <time datetime>}
 * @param expiresAtText the expiry as people read it, in UTC
 * @param expiresInText how long is left, e.g. "in 1 hour"
 */
public record AccessKeysView(Nav nav, String accountId, String accountName, String roleName, String accessKeyId,
                             String secretAccessKey, String sessionToken, String expiresAtIso, String expiresAtText,
                             String expiresInText) {

    /** bash and zsh. */
    public String posixExports() {
        return "export AWS_ACCESS_KEY_ID=\"" + accessKeyId + "\"\n"
                + "export AWS_SECRET_ACCESS_KEY=\"" + secretAccessKey + "\"\n"
                + "export AWS_SESSION_TOKEN=\"" + sessionToken + "\"\n";
    }

    public String powerShellExports() {
        return "$Env:AWS_ACCESS_KEY_ID=\"" + accessKeyId + "\"\n"
                + "$Env:AWS_SECRET_ACCESS_KEY=\"" + secretAccessKey + "\"\n"
                + "$Env:AWS_SESSION_TOKEN=\"" + sessionToken + "\"\n";
    }

    public String windowsCmdExports() {
        return "set AWS_ACCESS_KEY_ID=" + accessKeyId + "\n"
                + "set AWS_SECRET_ACCESS_KEY=" + secretAccessKey + "\n"
                + "set AWS_SESSION_TOKEN=" + sessionToken + "\n";
    }

    /** The profile is named as the AWS portal names it: {@code <account id>_<role name>}. */
    public String profileName() {
        return accountId + "_" + roleName;
    }

    public String credentialsFile() {
        return "[" + profileName() + "]\n"
                + "aws_access_key_id=" + accessKeyId + "\n"
                + "aws_secret_access_key=" + secretAccessKey + "\n"
                + "aws_session_token=" + sessionToken + "\n";
    }
}
