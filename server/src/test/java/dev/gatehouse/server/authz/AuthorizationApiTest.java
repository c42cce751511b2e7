package dev.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.ServiceCredentials;
import dev.gatehouse.server.RunningServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The endpoint refuses calls that are not signed by a service credential before it reads their body. */
class AuthorizationApiTest {

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String body, String authorization) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gatehouse.uri(AuthorizationApi.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization).header("X-Amz-Date", "20250602T090000Z");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unsignedCallIsRefusedEvenWhenItsBodyIsMalformed() throws Exception {
        HttpResponse<String> response = post("not json", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(response.body()).startsWith("{\"message\":");
    }

    @Test
    void callSignedWithAnUnknownAccessKeyIsRefused() throws Exception {
        HttpResponse<String> response = post("{}", "AWS4-HMAC-SHA256 Credential=AKIAAAAAAAAAAAAAAAAA/20250602/"
                + "us-east-1/gatehouse-authz/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                + "0".repeat(64));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnrecognizedClientException");
    }

    @Test
    void aWildcardInTheRequestedActionIsRefusedAsInvalid() throws Exception {
        // Issue 11, finding 4: with Allow s3:* and Deny s3:GetObject, "s3:Get*" used to come back ALLOW.
        ServiceCredentials.Created service = gatehouse.services().core().serviceCredentials().create("orders",
                Actor.administratorCli(), RequestContext.commandLine("test"));
        for (String action : new String[] {"s3:Get*", "s3:GetObjec?"}) {
            String body = """
                    {"request":{"method":"GET","path":"/secret/plans","headers":{}},"signingName":"s3",\
                    "action":"%s","resource":"arn:aws:s3:::bucket/secret/*"}""".formatted(action);

            HttpResponse<String> response = HTTP.send(SignedAuthorizeCall.of(gatehouse.uri(AuthorizationApi.PATH),
                    service.credential().accessKeyId(), service.secretAccessKey(), gatehouse.clock.instant(), body),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(action).isEqualTo(400);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidRequestException");
            assertThat(response.body()).contains("wildcards (* and ?) are not allowed in a request");
        }
    }

    @Test
    void onlyPostIsServed() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(gatehouse.uri(AuthorizationApi.PATH)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(404, 405);
    }
}
