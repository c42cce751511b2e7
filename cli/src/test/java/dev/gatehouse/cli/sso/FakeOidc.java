package dev.gatehouse.cli.sso;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientRequest;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/**
 * An SDK sso-oidc client that answers RegisterClient with client-1, client-2, … and CreateToken as told, and keeps
 * every request, so a test can read what the CLI sent.
 */
final class FakeOidc {

    static final long SECRET_EXPIRES_AT = 1_790_000_000L;

    final List<RegisterClientRequest> registrations = new ArrayList<>();
    final List<CreateTokenRequest> tokenRequests = new ArrayList<>();
    private final Function<CreateTokenRequest, CreateTokenResponse> tokens;

    FakeOidc(Function<CreateTokenRequest, CreateTokenResponse> tokens) {
        this.tokens = tokens;
    }

    /** Tokens a1 / r1, for an hour, whatever the request. */
    static FakeOidc issuing() {
        return new FakeOidc(request -> CreateTokenResponse.builder().accessToken("a1").refreshToken("r1")
                .expiresIn(3600).build());
    }

    SsoOidcClient client() {
        return (SsoOidcClient) Proxy.newProxyInstance(SsoOidcClient.class.getClassLoader(),
                new Class<?>[] {SsoOidcClient.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "registerClient" -> {
                        RegisterClientRequest request = built(RegisterClientRequest.builder(), args[0]).build();
                        registrations.add(request);
                        yield RegisterClientResponse.builder().clientId("client-" + registrations.size())
                                .clientSecret("secret-" + registrations.size())
                                .clientSecretExpiresAt(SECRET_EXPIRES_AT).build();
                    }
                    case "createToken" -> {
                        CreateTokenRequest request = built(CreateTokenRequest.builder(), args[0]).build();
                        tokenRequests.add(request);
                        yield tokens.apply(request);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static <B> B built(B builder, Object consumer) {
        ((Consumer<B>) consumer).accept(builder);
        return builder;
    }
}
