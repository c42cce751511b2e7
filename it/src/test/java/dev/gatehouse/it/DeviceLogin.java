package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The steps of {@code sso login --use-device-code} and what follows it, with the real SDK on one side and a
 * person at a {@link Browser} on the other. Each step is one call, so a test can stop anywhere and look.
 */
public final class DeviceLogin implements AutoCloseable {

    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String CLIENT_NAME = "gatehouse-it";

    /** What a finished login leaves the client holding. */
    public record LoggedIn(RegisterClientResponse client, CreateTokenResponse tokens) {

        public String accessToken() {
            return tokens.accessToken();
        }

        public String refreshToken() {
            return tokens.refreshToken();
        }
    }

    private final RunningGatehouse gatehouse;
    private final SsoOidcClient oidc;
    private final SsoClient sso;
    private final List<AutoCloseable> opened = new ArrayList<>();

    public DeviceLogin(RunningGatehouse gatehouse) {
        this.gatehouse = gatehouse;
        this.oidc = AwsClients.ssoOidc(gatehouse.baseUrl(), gatehouse.clientTrust());
        this.sso = AwsClients.sso(gatehouse.baseUrl(), gatehouse.clientTrust());
    }

    public SsoOidcClient oidc() {
        return oidc;
    }

    public SsoClient sso() {
        return sso;
    }

    /** A public client asking for the scope the AWS CLI asks for, so refresh tokens are issued. */
    public RegisterClientResponse registerClient() {
        return oidc.registerClient(r -> r.clientName(CLIENT_NAME).clientType("public")
                .scopes("sso:account:access"));
    }

    public StartDeviceAuthorizationResponse startDeviceAuthorization(RegisterClientResponse client) {
        return oidc.startDeviceAuthorization(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .startUrl(gatehouse.startUrl()));
    }

    public CreateTokenResponse createToken(RegisterClientResponse client, StartDeviceAuthorizationResponse device) {
        return oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType(DEVICE_CODE_GRANT).deviceCode(device.deviceCode()));
    }

    /** Polls again only after the interval the server asked for, as a well-behaved client does. */
    public CreateTokenResponse createTokenAfterInterval(RegisterClientResponse client,
                                                 StartDeviceAuthorizationResponse device) {
        gatehouse.clock().advance(Duration.ofSeconds(device.interval()));
        return createToken(client, device);
    }

    public CreateTokenResponse refresh(RegisterClientResponse client, String refreshToken) {
        return oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("refresh_token").refreshToken(refreshToken));
    }

    /** The person signs in and opens the link their device showed; the page asks them to confirm. */
    public Browser.Page signInAndOpen(Entitlement person, Browser browser, String userCode) {
        browser.signIn(person.userName(), person.password(), "/device?user_code=" + userCode);
        return browser.openDevicePage(userCode);
    }

    /** The person signs in and answers {@code approve} or {@code deny} for the code. */
    public Browser.Page decide(Entitlement person, String userCode, String decision) {
        return Browser.decideAs(gatehouse, person, userCode, decision);
    }

    /** The whole device login, from registration to tokens. */
    public LoggedIn logIn(Entitlement person) {
        RegisterClientResponse client = registerClient();
        StartDeviceAuthorizationResponse device = startDeviceAuthorization(client);
        // The CLI polls once before showing the code; the person has not approved yet.
        assertThatThrownBy(() -> createToken(client, device)).isInstanceOf(AuthorizationPendingException.class);
        Browser.Page decided = decide(person, device.userCode(), "approve");
        assertThat(decided.status()).as("decision page:%n%s", decided.html()).isEqualTo(200);
        return new LoggedIn(client, createTokenAfterInterval(client, device));
    }

    public RoleCredentials roleCredentials(String accessToken, Entitlement person) {
        return sso.getRoleCredentials(r -> r.accessToken(accessToken).accountId(person.accountId())
                .roleName(person.roleName())).roleCredentials();
    }

    public GetCallerIdentityResponse callerIdentity(RoleCredentials credentials) {
        return sts(credentials).getCallerIdentity();
    }

    public StsClient sts(RoleCredentials credentials) {
        return sts(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    public StsClient sts(String accessKeyId, String secretAccessKey, String sessionToken) {
        return remember(AwsClients.sts(gatehouse.baseUrl(), StaticCredentialsProvider.create(
                AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken)), gatehouse.clientTrust()));
    }

    private <T extends AutoCloseable> T remember(T client) {
        opened.add(client);
        return client;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable client : opened) {
            client.close();
        }
        sso.close();
        oidc.close();
    }
}
