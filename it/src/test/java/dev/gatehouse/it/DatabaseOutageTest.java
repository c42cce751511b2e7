package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sso.model.RoleCredentials;

/**
 * PostgreSQL stopped and started under a running server: meanwhile /readyz says 503 and every protocol answers 503 in
 * its own format, without a stack trace; afterwards the server serves again by itself, a whole login included.
 */
class DatabaseOutageTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;
    @TempDir
    Path postgresDir;

    private final MutableClock clock = MutableClock.startingNow();
    private RestartablePostgres postgres;
    private RunningGatehouse gatehouse;
    private DeviceLogin login;

    @BeforeEach
    void start() {
        postgres = new RestartablePostgres(postgresDir);
        postgres.start();
        gatehouse = RunningGatehouse.on(postgres.database(), dataDir, clock);
        login = new DeviceLogin(gatehouse);
    }

    @AfterEach
    void stop() throws Exception {
        login.close();
        gatehouse.close();
        postgres.close();
    }

    @Test
    void databaseStoppedThenEveryProtocolAnswers503AndWhenItReturnsTheServerServesAgain() throws Exception {
        Entitlement ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());
        String accessToken = login.logIn(ed).accessToken();
        RoleCredentials credentials = login.roleCredentials(accessToken, ed);
        String scimToken = gatehouse.services().core().scimTokens().create(Actor.administratorCli(),
                RequestContext.commandLine("it-outage")).value();
        assertThat(get("/readyz").statusCode()).isEqualTo(200);

        postgres.stop();

        HttpResponse<String> ready = get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"failed\":\"database\"");

        HttpResponse<String> register = send(HttpRequest.newBuilder(url("/client/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientName\":\"c\",\"clientType\":\"public\"}")));
        assertUnavailable(register, "ServiceUnavailableException");
        assertThat(register.body()).contains("\"error\":\"temporarily_unavailable\"");

        HttpResponse<String> accounts = send(HttpRequest.newBuilder(url("/assignment/accounts"))
                .header("x-amz-sso_bearer_token", accessToken).GET());
        assertUnavailable(accounts, "ServiceUnavailableException");
        assertThat(accounts.body()).startsWith("{\"message\":");

        HttpResponse<String> scim = send(HttpRequest.newBuilder(url("/scim/v2/Users"))
                .header("Authorization", "Bearer " + scimToken).GET());
        assertUnavailable(scim, "unavailable");
        assertThat(scim.body()).contains("\"status\":\"503\"", "urn:ietf:params:scim:api:messages:2.0:Error");

        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ed.developer&password=x")));
        assertThat(page.statusCode()).isIn(403, 503);   // no CSRF cookie: refused before the database, or after
        HttpResponse<String> portal = send(HttpRequest.newBuilder(url("/start"))
                .header("Cookie", "gatehouse_session=gh_some-session").header("Accept", "text/html").GET());
        assertThat(portal.statusCode()).isEqualTo(503);
        assertThat(portal.body()).contains("Gatehouse is unavailable").doesNotContain("Exception");

        AwsServiceException sts = catchThrowableOfType(AwsServiceException.class,
                () -> login.callerIdentity(credentials));
        assertThat(sts.statusCode()).isEqualTo(503);
        assertThat(sts.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");

        postgres.start();

        assertThat(readyAgain()).as("/readyz once PostgreSQL is back").isEqualTo(200);
        String afterwards = login.logIn(ed).accessToken();
        assertThat(login.callerIdentity(login.roleCredentials(afterwards, ed)).arn())
                .endsWith("/" + ed.userName());
    }

    /**
     * /readyz until it answers 200, a few times at most: the pool reconnects on demand, but PostgreSQL may still be
     * finishing its start. Each refused try waits out the pool's connection timeout, so no pause is needed between.
     */
    private int readyAgain() throws IOException, InterruptedException {
        int status = get("/readyz").statusCode();
        for (int tries = 1; status != 200 && tries < 10; tries++) {
            status = get("/readyz").statusCode();
        }
        return status;
    }

    private static void assertUnavailable(HttpResponse<String> response, String errorType) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(errorType);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("Exception:", "\tat ", "org.postgresql", "Hikari");
    }

    private URI url(String path) {
        return URI.create(gatehouse.baseUrl() + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url(path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
