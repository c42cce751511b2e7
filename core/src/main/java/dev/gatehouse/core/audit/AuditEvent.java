package dev.gatehouse.core.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CloudTrail-shaped record of a sign-in, token, credential or admin change.
 * {@code requestParameters} and {@code responseElements} never hold secrets.
 *
 * @param userName   who acted (or tried to), for filtering; null when unknown
 * @param userIdentity CloudTrail's userIdentity block
 * @param errorCode  null on success
 */
public record AuditEvent(String eventId, Instant eventTime, String eventSource, String eventName,
                         String userName, Map<String, Object> userIdentity, String sourceIpAddress,
                         String userAgent, Map<String, Object> requestParameters,
                         Map<String, Object> responseElements, String errorCode, String errorMessage,
                         String requestId) {

    public AuditEvent {
        userIdentity = userIdentity == null ? Map.of() : Map.copyOf(userIdentity);
        requestParameters = requestParameters == null ? Map.of() : Map.copyOf(requestParameters);
        responseElements = responseElements == null ? Map.of() : Map.copyOf(responseElements);
    }

    /** The event under CloudTrail's names and in its order, as exports and the console show it. */
    public Map<String, Object> cloudTrailRecord() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventID", eventId);
        record.put("eventTime", eventTime.toString());
        record.put("eventSource", eventSource);
        record.put("eventName", eventName);
        record.put("userIdentity", userIdentity);
        record.put("sourceIPAddress", sourceIpAddress);
        record.put("userAgent", userAgent);
        record.put("requestParameters", requestParameters);
        record.put("responseElements", responseElements);
        if (errorCode != null) {
            record.put("errorCode", errorCode);
            record.put("errorMessage", errorMessage);
        }
        record.put("requestID", requestId);
        return record;
    }
}
