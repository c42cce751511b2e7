package dev.gatehouse.server.http;

/** The largest request body the server reads before it answers 413. */
public final class BodyLimit {

    /**
     * 1 MB, Javalin's default, stated here so that it is a decision: the largest body a client legitimately sends is
     * the authorization API's, which carries a protected service's whole request body in base64; sso-oidc and STS
     * bodies are a few kilobytes. A lower limit would refuse calls that work today.
     */
    public static final long BYTES = 1_000_000;

    private BodyLimit() {
    }
}
