package dev.gatehouse.cli.sso;

/**
 * The services the CLI calls, with the two names endpoint configuration knows them by: the key of a
 * {@code [services]} sub-section (snake case; {@code sso-oidc} with a hyphen is ignored by the SDKs) and the
 * suffix of the {@code AWS_ENDPOINT_URL_…} variable.
 */
public enum ServiceId {
    SSO_OIDC("sso_oidc"),
    SSO("sso"),
    STS("sts"),
    IDENTITYSTORE("identitystore"),
    SSO_ADMIN("sso_admin");

    private final String configKey;

    ServiceId(String configKey) {
        this.configKey = configKey;
    }

    public String configKey() {
        return configKey;
    }

    public String variable() {
        return "AWS_ENDPOINT_URL_" + name();
    }
}
