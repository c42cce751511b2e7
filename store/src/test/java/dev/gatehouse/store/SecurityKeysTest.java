package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.SealingKey;
import dev.gatehouse.core.keys.SecretSealer;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.mfa.CeremonyStart;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.RelyingParty;
import dev.gatehouse.core.mfa.SecurityKeys;
import dev.gatehouse.core.testing.SoftwareAuthenticator;
import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Security keys and passkeys on a real (H2) store, registered and used by a software authenticator. */
class SecurityKeysTest extends ServiceOnH2 {

    private static final String ORIGIN = "http://localhost:8080";
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final RequestContext CONTEXT = new RequestContext("request-1", "192.0.2.10", "test");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SteppedClock clock = new SteppedClock(START);
    private SecurityKeys keys;
    private User ed;
    private Actor asEd;

    @BeforeEach
    void setUp() {
        SecretSealer sealer = new SecretSealer(List.of(new SealingKey(1, Secrets.randomBytes(32), START)));
        keys = new SecurityKeys(store.users(), store.mfaDevices(), store, clock, new AuditLog(store.audit(), clock),
                () -> sealer,
                RelyingParty.of(ORIGIN, "Gatehouse"));
        ed = storedUser("ed.developer");
        asEd = Actor.user(ed.userId(), ed.userName());
    }

    @Test
    void registrationOptionsAskForAPasskeyWithoutAttestation() throws Exception {
        JsonNode options = JSON.readTree(keys.startRegistration(ed.userId()).optionsJson());

        assertThat(options.at("/rp/id").asText()).isEqualTo("localhost");
        assertThat(options.at("/rp/name").asText()).isEqualTo("Gatehouse");
        assertThat(options.at("/user/name").asText()).isEqualTo("ed.developer");
        assertThat(options.at("/user/id").asText()).as("random, not the user id").hasSize(43)
                .doesNotContain(ed.userId());
        assertThat(options.get("pubKeyCredParams").findValuesAsText("alg")).containsExactly("-7", "-8", "-257");
        assertThat(options.at("/authenticatorSelection/residentKey").asText()).isEqualTo("preferred");
        assertThat(options.at("/authenticatorSelection/userVerification").asText()).isEqualTo("preferred");
        assertThat(options.get("attestation").asText()).isEqualTo("none");
        assertThat(options.get("timeout").asLong()).isEqualTo(300_000);
    }

    @Test
    void userHandleIsTheSameAtEveryRegistration() throws Exception {
        String first = JSON.readTree(keys.startRegistration(ed.userId()).optionsJson()).at("/user/id").asText();
        String second = JSON.readTree(keys.startRegistration(ed.userId()).optionsJson()).at("/user/id").asText();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void registeredKeySignsInAndIsStoredSealed() {
        SoftwareAuthenticator key = new SoftwareAuthenticator(ORIGIN);
        MfaDevice registered = register(key, "Blue key");

        CeremonyStart assertion = keys.startAssertion(ed.userId());

        assertThat(assertion.optionsJson()).contains(key.credentialId()).contains("\"rpId\":\"localhost\"");
        assertThat(keys.finishAssertion(ed.userId(), assertion.handle(), key.counter(1).get(assertion.optionsJson()),
                CONTEXT)).map(MfaDevice::deviceId).contains(registered.deviceId());
        assertThat(registered.kind()).isEqualTo(MfaDeviceKind.WEBAUTHN);
        assertThat(registered.name()).isEqualTo("Blue key");
        assertThat(registered.sealedSecret()).doesNotContain(key.credentialId());
        assertThat(keys.list(ed.userId())).isNotEmpty();
        assertThat(keys.list(ed.userId())).extracting(MfaDevice::deviceId).containsExactly(registered.deviceId());
    }

    @Test
    void registrationExcludesKeysAlreadyRegistered() {
        SoftwareAuthenticator key = new SoftwareAuthenticator(ORIGIN);
        register(key, "Blue key");

        CeremonyStart again = keys.startRegistration(ed.userId());

        assertThat(again.optionsJson()).contains("\"excludeCredentials\":[{\"type\":\"public-key\",\"id\":\""
                + key.credentialId() + "\"}]");
        DomainError.InvalidInput error = invalid(() -> keys.finishRegistration(ed.userId(), "Same key",
                again.handle(), key.create(again.optionsJson()), asEd, CONTEXT));
        assertThat(error.message()).isEqualTo("This security key is already registered.");
    }

    @Test
    void registrationFromAnotherOriginIsRefused() {
        SoftwareAuthenticator phished = new SoftwareAuthenticator("http://localhost.evil.example");
        CeremonyStart start = keys.startRegistration(ed.userId());

        invalid(() -> keys.finishRegistration(ed.userId(), "Key", start.handle(), phished.create(start.optionsJson()),
                asEd, CONTEXT));

        assertThat(keys.list(ed.userId())).isEmpty();
    }

    @Test
    void registrationAnsweringAnotherChallengeIsRefused() {
        SoftwareAuthenticator key = new SoftwareAuthenticator(ORIGIN);
        CeremonyStart answered = keys.startRegistration(ed.userId());
        CeremonyStart sent = keys.startRegistration(ed.userId());

        invalid(() -> keys.finishRegistration(ed.userId(), "Key", sent.handle(), key.create(answered.optionsJson()),
                asEd, CONTEXT));

        assertThat(keys.list(ed.userId())).isEmpty();
    }

    @Test
    void assertionFromAnotherOriginIsRefused() {
        SoftwareAuthenticator key = new SoftwareAuthenticator(ORIGIN);
        register(key, "Key");
        CeremonyStart assertion = keys.startAssertion(ed.userId());

        String phished = key.from("https://gatehouse.evil.example").counter(1).get(assertion.optionsJson());

        assertThat(keys.finishAssertion(ed.userId(), assertion.handle(), phished, CONTEXT)).isEmpty();
    }

    @Test
    void assertionAnsweringAnotherChallengeIsRefused() {
        SoftwareAuthenticator key = new SoftwareAuthenticator(ORIGIN);
        register(key, "Key");
        CeremonyStart answered = keys.startAssertion(ed.userId());
        CeremonyStart sent = keys.startAssertion(ed.userId());

        String response = key.counter(1).get(answered.optionsJson());

        assertThat(keys.finishAssertion(ed.userId(), sent.handle(), response, CONTEXT)).isEmpty();
    }

    @Test
    void challengeIsUsedOnceOnly() {
        SoftwareAuthenticator key = new SoftwareAuthenticator(ORIGIN);
        register(key, "Key");
        CeremonyStart assertion = keys.startAssertion(ed.userId());
        String response = key.counter(1).get(assertion.optionsJson());

        assertThat(keys.finishAssertion(ed.userId(), assertion.handle(), response, CONTEXT)).isPresent();
        assertThat(keys.finishAssertion(ed.userId(), assertion.handle(), response, CONTEXT)).as("replayed").isEmpty();
    }

    @Test
    void registrationChallengeCannotSignIn() {
        SoftwareAuthenticator key = new SoftwareAuthenticator(ORIGIN);
        register(key, "Key");
        CeremonyStart registration = keys.startRegistration(ed.userId());
        String response = key.counter(1).get(keys.startAssertion(ed.userId()).optionsJson()
                .replaceFirst("\"challenge\":\"[^\"]+\"", "\"challenge\":\"" + registration.handle() + "\""));

        assertThat(keys.finishAssertion(ed.userId(), registration.handle(), response, CONTEXT)).isEmpty();
    }

    @Test
    void challengeExpiresAfterFiveMinutes() {
        SoftwareAuthenticator key = new SoftwareAuthenticator(ORIGIN);
        register(key, "Key");
        CeremonyStart assertion = keys.startAssertion(ed.userId());
        String response = key.counter(1).get(assertion.optionsJson());

        clock.advance(SecurityKeys.CHALLENGE_LIFETIME.plusSeconds(1));

        assertThat(keys.finishAssertion(ed.userId(), assertion.handle(), response, CONTEXT)).isEmpty();
    }

    @Test
    void signCountThatDoesNotGrowIsRefusedAndAudited() {
        SoftwareAuthenticator key = new SoftwareAuthenticator(ORIGIN);
        MfaDevice registered = register(key, "Key");
        assertThat(signIn(key.counter(5))).isPresent();

        assertThat(signIn(key.counter(5))).as("the same count again").isEmpty();
        assertThat(signIn(key.counter(3))).as("a lower count").isEmpty();
        assertThat(signIn(key.counter(6))).isPresent();

        List<AuditEvent> refusals = store.audit().find(AuditQuery.all()).stream()
                .filter(e -> e.eventName().equals("VerifyMfaDevice")).toList();
        assertThat(refusals).hasSize(2).allSatisfy(event -> {
            assertThat(event.errorCode()).isEqualTo("AccessDenied");
            assertThat(event.requestParameters()).containsEntry("deviceId", registered.deviceId());
        });
    }

    @Test
    void keyThatCountsNothingSignsInAgain() {
        SoftwareAuthenticator key = new SoftwareAuthenticator(ORIGIN);
        register(key, "Passkey");

        assertThat(signIn(key.counter(0))).isPresent();
        assertThat(signIn(key.counter(0))).isPresent();
    }

    @Test
    void someoneElsesKeyDoesNotSignIn() {
        User ann = storedUser("ann.admin");
        SoftwareAuthenticator annsKey = new SoftwareAuthenticator(ORIGIN);
        CeremonyStart start = keys.startRegistration(ann.userId());
        keys.finishRegistration(ann.userId(), "Ann's key", start.handle(), annsKey.create(start.optionsJson()),
                Actor.user(ann.userId(), ann.userName()), CONTEXT);
        register(new SoftwareAuthenticator(ORIGIN), "Ed's key");

        CeremonyStart edsSignIn = keys.startAssertion(ed.userId());

        assertThat(keys.finishAssertion(ed.userId(), edsSignIn.handle(), annsKey.counter(1)
                .get(edsSignIn.optionsJson()), CONTEXT)).isEmpty();
        CeremonyStart annsChallenge = keys.startAssertion(ann.userId());
        assertThat(keys.finishAssertion(ed.userId(), annsChallenge.handle(), annsKey.counter(2)
                .get(annsChallenge.optionsJson()), CONTEXT)).as("ann's challenge for ed").isEmpty();
    }

    @Test
    void seventhKeyIsRefused() {
        for (int i = 1; i <= SecurityKeys.LIMIT; i++) {
            register(new SoftwareAuthenticator(ORIGIN), "Key " + i);
        }

        DomainError.InvalidInput error = invalid(() -> keys.startRegistration(ed.userId()));

        assertThat(error.message()).isEqualTo(
                "You already have 6 security keys and passkeys. Remove one before adding another.");
        assertThat(keys.list(ed.userId())).hasSize(6);
    }

    @Test
    void renameAndDeleteAreAuditedAndOnlyTheOwnersKey() {
        MfaDevice registered = register(new SoftwareAuthenticator(ORIGIN), "Key");
        User ann = storedUser("ann.admin");
        Actor asAnn = Actor.user(ann.userId(), ann.userName());

        var error = catchThrowableOfType(DomainException.class,
                () -> keys.delete(ann.userId(), registered.deviceId(), asAnn, CONTEXT));
        clock.advance(Duration.ofSeconds(1));
        keys.rename(ed.userId(), registered.deviceId(), "Yellow key", asEd, CONTEXT);
        clock.advance(Duration.ofSeconds(1));
        keys.delete(ed.userId(), registered.deviceId(), asEd, CONTEXT);

        assertThat(error.error()).isInstanceOf(DomainError.NotFound.class);
        assertThat(keys.list(ed.userId())).isEmpty();
        List<AuditEvent> events = store.audit().find(AuditQuery.all());
        assertThat(events).extracting(AuditEvent::eventName)
                .containsExactly("DeleteMfaDevice", "UpdateMfaDevice", "CreateMfaDevice");
        assertThat(events).allSatisfy(event ->
                assertThat(event.requestParameters()).containsEntry("kind", "WEBAUTHN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{}", "[]", "null",
            "{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\"}",
            "{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":{}}",
            "{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\","
                    + "\"attestationObject\":\"oA\",\"authenticatorData\":\"AAE\",\"signature\":\"AA\"}}",
            "{\"id\":\"AA\",\"rawId\":\"!!\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"%%\"}}"})
    void malformedAnswersAreRefusedAndUseTheChallengeUp(String answer) {
        register(new SoftwareAuthenticator(ORIGIN), "Key");
        CeremonyStart registration = keys.startRegistration(ed.userId());
        CeremonyStart assertion = keys.startAssertion(ed.userId());

        invalid(() -> keys.finishRegistration(ed.userId(), "Other", registration.handle(), answer, asEd, CONTEXT));

        assertThat(keys.finishAssertion(ed.userId(), assertion.handle(), answer, CONTEXT)).isEmpty();
        assertThat(keys.list(ed.userId())).hasSize(1);
    }

    private java.util.Optional<MfaDevice> signIn(SoftwareAuthenticator key) {
        CeremonyStart assertion = keys.startAssertion(ed.userId());
        return keys.finishAssertion(ed.userId(), assertion.handle(), key.get(assertion.optionsJson()), CONTEXT);
    }

    private MfaDevice register(SoftwareAuthenticator key, String name) {
        CeremonyStart start = keys.startRegistration(ed.userId());
        return keys.finishRegistration(ed.userId(), name, start.handle(), key.create(start.optionsJson()), asEd,
                CONTEXT);
    }

    private User storedUser(String userName) {
        User user = TestUsers.user(userName);
        store.users().insert(user);
        return user;
    }

    private static DomainError.InvalidInput invalid(Runnable call) {
        DomainException thrown = catchThrowableOfType(DomainException.class, call::run);
        assertThat(thrown).as("a DomainException").isNotNull();
        assertThat(thrown.error()).isInstanceOf(DomainError.InvalidInput.class);
        return (DomainError.InvalidInput) thrown.error();
    }
}
