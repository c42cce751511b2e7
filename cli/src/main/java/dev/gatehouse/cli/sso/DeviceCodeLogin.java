package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.ExitCode;
import dev.gatehouse.cli.cache.Registration;
import dev.gatehouse.cli.cache.SsoCache;
import dev.gatehouse.cli.cache.SsoToken;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * {@code sso login --use-device-code}, step by step as the AWS CLI takes it (RFC 8628): reuse or register the
 * client, start the authorization, try once for a token, show the code, then poll every {@code interval}
 * seconds (five more after each slow_down) until the person approves, denies, or the code expires. The token
 * is cached with its registration so later commands can refresh it.
 */
public final class DeviceCodeLogin {

    private static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final int DEFAULT_INTERVAL_SECONDS = 5;
    private static final int SLOW_DOWN_SECONDS = 5;

    /** Waits between polls; real time in the CLI. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final SsoCache cache;
    private final ClientRegistrations registrations;
    private final SsoOidcClient oidc;
    private final Optional<URI> endpoint;
    private final Clock clock;
    private final PrintStream out;
    private final Sleeper sleeper;

    public DeviceCodeLogin(SsoCache cache, SsoOidcClient oidc, Optional<URI> endpoint, Clock clock, PrintStream out,
                           Sleeper sleeper) {
        this.cache = cache;
        this.registrations = new ClientRegistrations(cache, oidc, endpoint, clock);
        this.oidc = oidc;
        this.endpoint = endpoint;
        this.clock = clock;
        this.out = out;
        this.sleeper = sleeper;
    }

    /** @param browser the opener to try, or empty when the person asked for no browser */
    public SsoToken logIn(SsoSession session, Optional<BrowserOpener> browser) {
        Registration registration = registrations.forDeviceCode(session, false);
        StartDeviceAuthorizationResponse device;
        try {
            device = start(session, registration);
        } catch (InvalidClientException forgotten) {
            // The server no longer knows the cached client (its data was reset): register anew, once.
            registration = registrations.forDeviceCode(session, true);
            Registration renewed = registration;
            device = ServerCalls.call("StartDeviceAuthorization", endpoint, () -> start(session, renewed));
        }
        CreateTokenResponse tokens = poll(registration, device, browser);
        return LoginTokens.save(cache, session, registration, tokens, clock.instant());
    }

    /** Lets InvalidClient through, for {@link #logIn} to register again; every other failure is reported. */
    private StartDeviceAuthorizationResponse start(SsoSession session, Registration registration) {
        try {
            return oidc.startDeviceAuthorization(r -> r.clientId(registration.clientId())
                    .clientSecret(registration.clientSecret()).startUrl(session.startUrl()));
        } catch (InvalidClientException e) {
            throw e;
        } catch (AwsServiceException e) {
            throw ServerCalls.serviceError("StartDeviceAuthorization", e);
        } catch (SdkClientException e) {
            throw ServerCalls.clientError("StartDeviceAuthorization", endpoint, e);
        }
    }

    private CreateTokenResponse poll(Registration registration, StartDeviceAuthorizationResponse device,
                                     Optional<BrowserOpener> browser) {
        Instant deadline = clock.instant().plusSeconds(device.expiresIn());
        int interval = device.interval() != null && device.interval() > 0 ? device.interval()
                : DEFAULT_INTERVAL_SECONDS;
        // One attempt before showing the code: a client that is already approved needs no person.
        Attempt attempt = attempt(registration, device);
        if (attempt.tokens() != null) {
            return attempt.tokens();
        }
        announce(device, browser);
        while (true) {
            if (attempt.slowDown()) {
                interval += SLOW_DOWN_SECONDS;
            }
            if (!clock.instant().plusSeconds(interval).isBefore(deadline)) {
                throw codeExpired();
            }
            try {
                sleeper.sleep(Duration.ofSeconds(interval));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCode.LOGIN_FAILED, "the login was interrupted");
            }
            attempt = attempt(registration, device);
            if (attempt.tokens() != null) {
                return attempt.tokens();
            }
        }
    }

    /** One CreateToken: the tokens, or a note to keep polling (slower, when told so). */
    private record Attempt(CreateTokenResponse tokens, boolean slowDown) { }

    private Attempt attempt(Registration registration, StartDeviceAuthorizationResponse device) {
        try {
            return new Attempt(oidc.createToken(r -> r.grantType(DEVICE_CODE_GRANT)
                    .clientId(registration.clientId()).clientSecret(registration.clientSecret())
                    .deviceCode(device.deviceCode())), false);
        } catch (AuthorizationPendingException pending) {
            return new Attempt(null, false);
        } catch (SlowDownException slowDown) {
            return new Attempt(null, true);
        } catch (ExpiredTokenException expired) {
            throw codeExpired();
        } catch (AccessDeniedException denied) {
            throw new CliException(ExitCode.LOGIN_FAILED, "the login was denied at the approval page. Run the login"
                    + " again and approve the code it shows.");
        } catch (AwsServiceException e) {
            throw ServerCalls.serviceError("CreateToken", e);
        } catch (SdkClientException e) {
            throw ServerCalls.clientError("CreateToken", endpoint, e);
        }
    }

    private void announce(StartDeviceAuthorizationResponse device, Optional<BrowserOpener> browser) {
        boolean canOpen = browser.isPresent() && browser.get().available();
        if (canOpen) {
            out.print("Attempting to automatically open the SSO authorization page in your default browser.\n"
                    + "If the browser does not open or you wish to use a different device to authorize this request,"
                    + " open the following URL:\n\n" + device.verificationUri() + "\n\nThen enter the code:\n\n"
                    + device.userCode() + "\n");
            out.flush();
            browser.get().open(device.verificationUriComplete());
        } else {
            out.print("Browser will not be automatically opened.\nPlease visit the following URL:\n\n"
                    + device.verificationUri() + "\n\nThen enter the code:\n\n" + device.userCode()
                    + "\n\nAlternatively, you may visit the following URL which will autofill the code upon loading:\n"
                    + device.verificationUriComplete() + "\n");
            out.flush();
        }
    }

    private static CliException codeExpired() {
        return new CliException(ExitCode.LOGIN_FAILED, "the device code expired before it was approved. Run the"
                + " login again.");
    }
}
