package dev.gatehouse.server.web.view;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@code gatehouse configure sso} and {@code aws configure sso} need to reach this instance, as text to copy:
 * the answers to their questions and the {@code ~/.aws/config} sections they write. The profile and session names
 * are the CLIs' defaults ({@code <role>-<account>}) and one fixed session name, so copying twice gives one file.
 *
 * @param startUrl        the access portal URL
 * @param endpointUrl     where the sso-oidc, portal and STS APIs are: this server's origin
 * @param startUrlAliases other start URLs the instance answers to (AWS CLI ≥ 2.35.13 takes only an AWS-owned one)
 */
public record CliSettings(String startUrl, String region, String endpointUrl, List<String> startUrlAliases) {

    private static final String SESSION_NAME = "gatehouse";
    private static final String SCOPES = "sso:account:access";
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    public CliSettings {
        startUrlAliases = List.copyOf(startUrlAliases);
    }

    public String sessionName() {
        return SESSION_NAME;
    }

    public String scopes() {
        return SCOPES;
    }

    /** The sections every profile of this instance shares: the SSO session and where its APIs are. */
    public String sharedSections() {
        return "[sso-session " + SESSION_NAME + "]\n"
                + "sso_start_url = " + startUrl + "\n"
                + "sso_region = " + region + "\n"
                + "sso_registration_scopes = " + SCOPES + "\n"
                + "\n"
                + "[services " + SESSION_NAME + "]\n"
                + "sso_oidc =\n  endpoint_url = " + endpointUrl + "\n"
                + "sso =\n  endpoint_url = " + endpointUrl + "\n"
                + "sts =\n  endpoint_url = " + endpointUrl + "\n";
    }

    /** For the AWS CLI (≥ 2.13) and SDKs when the profile has no {@code services} line. */
    public String endpointExports() {
        return "export AWS_ENDPOINT_URL_SSO_OIDC=" + shellWord(endpointUrl) + "\n"
                + "export AWS_ENDPOINT_URL_SSO=" + shellWord(endpointUrl) + "\n"
                + "export AWS_ENDPOINT_URL_STS=" + shellWord(endpointUrl) + "\n";
    }

    public String profileName(String accountId, String roleName) {
        return roleName + "-" + accountId;
    }

    public String profileSection(String accountId, String roleName) {
        return "[profile " + profileName(accountId, roleName) + "]\n"
                + "sso_session = " + SESSION_NAME + "\n"
                + "sso_account_id = " + accountId + "\n"
                + "sso_role_name = " + roleName + "\n"
                + "region = " + region + "\n"
                + "services = " + SESSION_NAME + "\n";
    }

    /** One non-interactive command that writes the profile, the session and the services sections, then logs in. */
    public String gatehouseCommand(String accountId, String roleName) {
        return "gatehouse configure sso --sso-session " + SESSION_NAME
                + " --start-url " + shellWord(startUrl)
                + " --region " + shellWord(region)
                + " --account-id " + accountId
                + " --role-name " + shellWord(roleName)
                + " --profile " + shellWord(profileName(accountId, roleName))
                + " --endpoint-url " + shellWord(endpointUrl);
    }

    /** Quoted for POSIX shells only when it has to be. */
    static String shellWord(String value) {
        return SHELL_SAFE.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
