package dev.gatehouse.it.authz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.sso.model.RoleCredentials;

/**
 * Calls to the protected service signed as an AWS SDK user signs them: role credentials from GetRoleCredentials
 * and the SDK's own SigV4 signer, on the test's clock.
 */
final class SignedCalls {

    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock;

    SignedCalls(Clock clock) {
        this.clock = clock;
    }

    /** Signs {@code GET /?Action=…&Resource=…} now. */
    SdkHttpRequest sign(String serviceUrl, RoleCredentials credentials, String action, String resource) {
        SdkHttpRequest unsigned = request(serviceUrl, action, resource);
        return AwsV4HttpSigner.create().sign(r -> r.identity(AwsSessionCredentialsIdentity.create(
                        credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()))
                .request(unsigned)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, ProtectedService.SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)).request();
    }

    HttpResponse<String> call(String serviceUrl, RoleCredentials credentials, String action, String resource) {
        return send(sign(serviceUrl, credentials, action, resource), null);
    }

    /** Sends the signed headers with another URI than the one signed: what a tampering proxy would do. */
    HttpResponse<String> send(SdkHttpRequest signed, URI instead) {
        return SignedHttp.send(http, HttpRequest.newBuilder(instead != null ? instead : signed.getUri()).GET(), signed);
    }

    static SdkHttpRequest request(String serviceUrl, String action, String resource) {
        URI base = URI.create(serviceUrl);
        return SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol(base.getScheme()).host(base.getHost())
                .port(base.getPort()).encodedPath("/")
                .putRawQueryParameter("Action", action)
                .putRawQueryParameter("Resource", resource)
                .build();
    }
}
