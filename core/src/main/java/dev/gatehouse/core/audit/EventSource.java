package dev.gatehouse.core.audit;

/** CloudTrail event sources, named as AWS names the corresponding services. */
public final class EventSource {

    public static final String SIGN_IN = "signin.amazonaws.com";
    public static final String SSO_OIDC = "sso-oauth.amazonaws.com";
    public static final String PORTAL = "sso.amazonaws.com";
    public static final String IDENTITY_STORE = "identitystore.amazonaws.com";
    public static final String SSO_ADMIN = "sso.amazonaws.com";
    public static final String ORGANIZATIONS = "organizations.amazonaws.com";
    public static final String STS = "sts.amazonaws.com";
    /** Gatehouse's own authorization API for services (service credentials); AWS has no counterpart. */
    public static final String AUTHZ = "authz.gatehouse.dev";

    private EventSource() {
    }
}
