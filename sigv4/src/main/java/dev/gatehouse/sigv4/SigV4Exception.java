package dev.gatehouse.sigv4;

import java.util.Objects;

/**
 * A request failed verification. The message names the failing stage only; it never carries secrets,
 * signing keys or the signature the server computed, so it is safe to log and to return to the client.
 */
public final class SigV4Exception extends Exception {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public SigV4Exception(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
