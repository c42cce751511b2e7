package dev.gatehouse.core.audit;

/** Where a call came from, for the audit trail. Adapters build it; services pass it through. */
public record RequestContext(String requestId, String sourceIpAddress, String userAgent) {

    public static RequestContext commandLine(String requestId) {
        return new RequestContext(requestId, "127.0.0.1", "gatehouse-server admin");
    }
}
