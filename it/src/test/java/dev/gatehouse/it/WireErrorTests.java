package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.InvalidRequestException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/** Refusals as each protocol spells them, so clients recognise them: header, status and body. */
interface WireErrorTests extends LoginFlowTest {

    DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    @Test
    default void registerClientWhenClientTypeIsMissingThenInvalidRequest() {
        assertThatThrownBy(() -> login().oidc().registerClient(r -> r.clientName("no type")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequestException");
                });
    }

    @Test
    default void startDeviceAuthorizationWhenClientSecretIsWrongThenInvalidClient() {
        RegisterClientResponse client = login().registerClient();

        assertThatThrownBy(() -> login().oidc().startDeviceAuthorization(r -> r.clientId(client.clientId())
                .clientSecret("not-the-secret").startUrl(gatehouse().startUrl())))
                .isInstanceOfSatisfying(InvalidClientException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    @Test
    default void createTokenWhenBodyIsNotJsonThenInvalidRequestInOauthShape() {
        HttpResponse<String> response = RawHttp.post(gatehouse().baseUrl() + "/token", "application/json",
                "{\"clientId\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidRequestException");
        assertThat(response.body()).contains("\"error\":\"invalid_request\"").contains("\"error_description\"");
    }

    @Test
    default void listAccountsWhenBearerTokenIsUnknownOrMissingThenUnauthorized() {
        assertThatThrownBy(() -> login().sso().listAccounts(r -> r.accessToken("ghat_not-a-token")))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
        HttpResponse<String> raw = RawHttp.get(gatehouse().baseUrl() + "/assignment/accounts");
        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(raw.headers().firstValue("x-amzn-ErrorType")).hasValue("UnauthorizedException");
        assertThat(raw.body()).startsWith("{\"message\":");
    }

    @Test
    default void stsWhenRequestIsUnsignedThenMissingAuthenticationTokenAsXml() {
        clock().advance(Duration.ofHours(1));

        HttpResponse<String> response = RawHttp.post(gatehouse().baseUrl() + "/",
                "application/x-www-form-urlencoded; charset=utf-8", "Action=GetCallerIdentity&Version=2011-06-15");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationToken");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body())
                .startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Type>Sender</Type><Code>MissingAuthenticationToken</Code>")
                .contains("<RequestId>" + response.headers().firstValue("x-amzn-RequestId").orElseThrow()
                        + "</RequestId>");
        assertThat(response.headers().allValues("Date")).as("the server's own clock, for SDK skew correction")
                .containsExactly(HTTP_DATE.format(clock().instant()));
    }

    @Test
    default void stsWhenActionIsUnknownThenInvalidAction() {
        HttpResponse<String> response = RawHttp.get(gatehouse().baseUrl() + "/?Action=AssumeRoot&Version=2011-06-15");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code>");
    }
}
