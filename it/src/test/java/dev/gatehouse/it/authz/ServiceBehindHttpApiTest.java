package dev.gatehouse.it.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.authz.client.RequestFacts;
import dev.gatehouse.authz.client.SignedRequest;
import dev.gatehouse.it.Entitlement;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The protected service asks the HTTP API itself, signing with the AWS SDK's signer. */
class ServiceBehindHttpApiTest extends ProtectedServiceContract {

    @Override
    ProtectedService.Gate gate(String gatehouseUrl, String accessKeyId, String secretAccessKey, Clock clock) {
        return new HttpApiGate(gatehouseUrl, accessKeyId, secretAccessKey, clock);
    }

    @Test
    void callWithADeletedServiceCredentialIsRefused() {
        HttpApiGate gate = new HttpApiGate(gatehouse.baseUrl(), serviceCredential.credential().accessKeyId(),
                serviceCredential.secretAccessKey(), clock);
        byte[] question = HttpApiGate.body(new SignedRequest("GET", "/", null, Map.of(), null), "s3:ListBucket", "*",
                RequestFacts.NONE);
        assertThat(gate.call(question).statusCode()).isEqualTo(200);

        services().core().serviceCredentials().delete(serviceCredential.credential().accessKeyId(), Entitlement.ADMIN, SETUP);

        HttpResponse<String> refused = gate.call(question);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).contains("UnrecognizedClientException");
    }

    @Test
    void callSignedWithAWrongSecretIsRefused() {
        HttpApiGate forger = new HttpApiGate(gatehouse.baseUrl(), serviceCredential.credential().accessKeyId(),
                "not-the-secret-not-the-secret-not-the-se", clock);

        HttpResponse<String> refused = forger.call(HttpApiGate.body(
                new SignedRequest("GET", "/", null, Map.of(), null), "s3:ListBucket", "*", RequestFacts.NONE));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(refused.body()).doesNotContain("principal");
    }

    @Test
    void serviceContextKeysNamedAwsAreRejected() {
        HttpApiGate gate = new HttpApiGate(gatehouse.baseUrl(), serviceCredential.credential().accessKeyId(),
                serviceCredential.secretAccessKey(), clock);
        byte[] question = HttpApiGate.body(new SignedRequest("GET", "/", null, Map.of(), null), "s3:ListBucket", "*",
                new RequestFacts(null, false, Map.of("aws:username", List.of("admin"))));

        HttpResponse<String> refused = gate.call(question);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("aws:");
    }
}
