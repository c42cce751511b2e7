package dev.gatehouse.cli.sso;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK clients, configured only by what the CLI resolved itself (endpoint, region, credentials): the SDK
 * is given an empty profile file, so it never reads a profile the person did not choose. Short timeouts, so an
 * unreachable server is reported quickly.
 */
public final class SdkClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private SdkClients() {
    }

    public static SsoOidcClient oidc(Optional<URI> endpoint, String region) {
        return configure(SsoOidcClient.builder(), endpoint, region, AnonymousCredentialsProvider.create()).build();
    }

    public static SsoClient portal(Optional<URI> endpoint, String region) {
        return configure(SsoClient.builder(), endpoint, region, AnonymousCredentialsProvider.create()).build();
    }

    public static StsClient sts(Optional<URI> endpoint, String region, AwsCredentialsProvider credentials) {
        return configure(StsClient.builder(), endpoint, region, credentials).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, Optional<URI> endpoint, String region, AwsCredentialsProvider credentials) {
        endpoint.ifPresent(builder::endpointOverride);
        return builder.region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .defaultProfileFile(emptyProfileFile())
                        .defaultProfileName("default")
                        .build());
    }

    private static ProfileFile emptyProfileFile() {
        return ProfileFile.builder().content(new ByteArrayInputStream(new byte[0]))
                .type(ProfileFile.Type.CONFIGURATION).build();
    }
}
