package dev.gatehouse.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call to the authorization API as a protected service makes it: the request a user signed for the service
 * (an SDK-shaped GET with role credentials) forwarded in the JSON body, the call itself signed with a service
 * credential for {@code gatehouse-authz}.
 */
record AuthorizeCall(Map<String, String> headers, byte[] body) {

    static final String PATH = "/authz/v1/authorize";
    private static final ObjectMapper JSON = new ObjectMapper();

    static AuthorizeCall signed(String gatehouseHost, List<String> roleCredentials, List<String> serviceCredential,
                                Instant at) throws JsonProcessingException {
        Map<String, String> forwarded = new LinkedHashMap<>();
        forwarded.put("Host", "reports.internal:8443");
        forwarded.put("X-Amz-Security-Token", roleCredentials.get(2));
        Map<String, String> signedByUser = RequestSigner.sign("GET", forwarded, new byte[0], roleCredentials.get(0),
                roleCredentials.get(1), "us-east-1", "reports", at);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", "GET");
        request.put("path", "/");
        request.put("headers", signedByUser);
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("signingName", "reports");
        question.put("action", "s3:GetObject");
        question.put("resource", "arn:aws:s3:::reports/q3.csv");
        question.put("sourceIp", "10.1.2.3");
        question.put("request", request);
        byte[] body = JSON.writeValueAsString(question).getBytes(StandardCharsets.UTF_8);
        Map<String, String> call = new LinkedHashMap<>();
        call.put("Host", gatehouseHost);
        call.put("Content-Type", "application/json");
        return new AuthorizeCall(RequestSigner.sign("POST", PATH, call, body, serviceCredential.get(0),
                serviceCredential.get(1), "us-east-1", "gatehouse-authz", at), body);
    }
}
