package dev.gatehouse.server.http;

/**
 * How one error looks on the wire: its HTTP status and its name as the protocol spells it, the one clients dispatch
 * on ({@code x-amzn-ErrorType}, and STS's {@code <Code>}).
 */
public record WireError(int status, String code) {

    /** The status and name of a failure that is a bug, not a refusal, in the restJson protocols. */
    public static final WireError INTERNAL = new WireError(500, "InternalServerException");

    /**
     * The database cannot be reached, in the restJson protocols: no model names it, so AWS's usual name; the SDKs
     * retry any 503.
     */
    public static final WireError UNAVAILABLE = new WireError(503, "ServiceUnavailableException");
}
