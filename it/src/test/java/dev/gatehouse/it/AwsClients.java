package dev.gatehouse.it;

import java.net.URI;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The unmodified AWS SDK for Java v2 clients, pointed at Gatehouse the way a user points them: an endpoint
 * override and a region, nothing else.
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static SsoOidcClient ssoOidc(String baseUrl) {
        return ssoOidc(baseUrl, null);
    }

    /** @param trust what an https server's certificate must chain to; null: the JDK's default trust */
    public static SsoOidcClient ssoOidc(String baseUrl, TrustManager[] trust) {
        return SsoOidcClient.builder()
                .endpointOverride(URI.create(baseUrl))
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(httpClient(trust))
                .build();
    }

    public static SsoClient sso(String baseUrl) {
        return sso(baseUrl, null);
    }

    public static SsoClient sso(String baseUrl, TrustManager[] trust) {
        return SsoClient.builder()
                .endpointOverride(URI.create(baseUrl))
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(httpClient(trust))
                .build();
    }

    /** STS signing every request with the given role credentials, as a profile using them would. */
    public static StsClient sts(String baseUrl, RoleCredentials credentials) {
        return sts(baseUrl, credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    public static StsClient sts(String baseUrl, String accessKeyId, String secretAccessKey, String sessionToken) {
        return sts(baseUrl, StaticCredentialsProvider.create(
                AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken)));
    }

    public static StsClient sts(String baseUrl, AwsCredentialsProvider credentials) {
        return sts(baseUrl, credentials, null);
    }

    public static StsClient sts(String baseUrl, AwsCredentialsProvider credentials, TrustManager[] trust) {
        return StsClient.builder()
                .endpointOverride(URI.create(baseUrl))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(httpClient(trust))
                .build();
    }

    /** identitystore signing with a service credential's long-lived keys, as CI or Terraform would. */
    public static IdentitystoreClient identityStore(String baseUrl, String accessKeyId, String secretAccessKey) {
        return IdentitystoreClient.builder()
                .endpointOverride(URI.create(baseUrl))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClient(httpClient())
                .build();
    }

    private static SdkHttpClient httpClient() {
        return httpClient(null);
    }

    private static SdkHttpClient httpClient(TrustManager[] trust) {
        return trust == null ? UrlConnectionHttpClient.create()
                : UrlConnectionHttpClient.builder().tlsTrustManagersProvider(() -> trust).build();
    }
}
