package dev.gatehouse.server.idp.saml;

/** Why a SAML message was not accepted: audited, never shown to the person. */
public final class SamlRefused extends Exception {

    public SamlRefused(String reason) {
        super(reason);
    }

    public SamlRefused(String reason, Throwable cause) {
        super(reason + ": " + cause.getMessage(), cause);
    }
}
