package dev.gatehouse.it.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.authz.client.GatehouseAuthzClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.sso.model.RoleCredentials;

/** The protected service asks through the client library, with its decision cache on. */
class ServiceBehindClientLibraryTest extends ProtectedServiceContract {

    @Override
    ProtectedService.Gate gate(String gatehouseUrl, String accessKeyId, String secretAccessKey, Clock clock) {
        GatehouseAuthzClient client = GatehouseAuthzClient.builder()
                .endpoint(URI.create(gatehouseUrl))
                .serviceCredential(accessKeyId, secretAccessKey)
                .signingName(ProtectedService.SIGNING_NAME)
                .cacheTimeToLive(Duration.ofSeconds(5))
                .clock(clock)
                .build();
        return client::authorize;
    }

    @Test
    void cachedAllowIsNeverGivenToAForgedSignatureOfTheSameCredentials() {
        RoleCredentials credentials = credentialsOf(person("val.viewer", "ViewOnlyAccess", List.of("ViewOnlyAccess"),
                null));
        SdkHttpRequest signed = calls.sign(service.baseUrl(), credentials, "s3:ListBucket", "arn:aws:s3:::reports");
        assertThat(Answer.of(calls.send(signed, null))).satisfies(allowedFor("val.viewer"));
        SdkHttpRequest forged = signed.toBuilder().putHeader("Authorization", signed.firstMatchingHeader(
                "Authorization").orElseThrow().replaceAll("Signature=[0-9a-f]{8}", "Signature=00000000")).build();

        Answer answer = Answer.of(calls.send(forged, null));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("failure").asText()).isEqualTo("SIGNATURE_DOES_NOT_MATCH");
    }
}
