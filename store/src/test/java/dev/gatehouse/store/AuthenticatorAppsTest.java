package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import dev.gatehouse.core.mfa.AuthenticatorApps;
import dev.gatehouse.core.mfa.Base32;
import dev.gatehouse.core.mfa.Enrolment;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.Totp;
import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The authenticator-app service on a real (H2) store, with a clock the test steps. */
class AuthenticatorAppsTest extends ServiceOnH2 {

    /** Ten seconds into a 30-second time step. */
    private static final Instant START = Instant.parse("2026-11-26T10:00:10Z");
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final RequestContext CONTEXT = new RequestContext("request-1", "192.0.2.10", "test");


    private final SteppedClock clock = new SteppedClock(START);
    private AuthenticatorApps apps;
    private User ed;
    private Actor asEd;

    @BeforeEach
    void setUp() {
        SecretSealer sealer = new SecretSealer(List.of(new SealingKey(1, Secrets.randomBytes(32), START)));
        apps = new AuthenticatorApps(store.users(), store.mfaDevices(), store, clock,
                new AuditLog(store.audit(), clock), () -> sealer, "Gatehouse");
        ed = TestUsers.user("ed.developer");
        store.users().insert(ed);
        asEd = Actor.user(ed.userId(), ed.userName());
    }

    @Test
    void startEnrolmentGivesSecretTextAndOtpauthUriOfAnUnconfirmedApp() {
        Enrolment enrolment = apps.startEnrolment(ed.userId(), "Phone", asEd, CONTEXT);

        assertThat(enrolment.secretText()).hasSize(32).matches("[A-Z2-7]+");
        assertThat(enrolment.otpauthUri()).isEqualTo("otpauth://totp/Gatehouse:ed.developer?secret="
                + enrolment.secretText() + "&issuer=Gatehouse&algorithm=SHA1&digits=6&period=30");
        assertThat(apps.list(ed.userId())).isEmpty();
        assertThat(apps.verify(ed.userId(), codeAt(enrolment, START))).as("not confirmed yet").isEmpty();
    }

    @Test
    void secretIsStoredOnlySealed() {
        Enrolment enrolment = apps.startEnrolment(ed.userId(), "Phone", asEd, CONTEXT);

        MfaDevice stored = store.mfaDevices().findById(enrolment.deviceId()).orElseThrow();

        assertThat(stored.sealedSecret()).doesNotContain(enrolment.secretText());
        assertThat(stored.sealedSecret().length()).isGreaterThan(40);
    }

    @Test
    void confirmWhenWrongCodeThenRefusedAndStillUnconfirmed() {
        Enrolment enrolment = apps.startEnrolment(ed.userId(), "Phone", asEd, CONTEXT);
        String wrong = codeAt(enrolment, START.plus(STEP.multipliedBy(2)));

        DomainError.InvalidInput error = invalid(() -> apps.confirm(ed.userId(), enrolment.deviceId(), wrong, asEd,
                CONTEXT));

        assertThat(error.field()).isEqualTo("code");
        assertThat(apps.list(ed.userId())).isEmpty();
    }

    @Test
    void confirmWithTheCurrentCodeMakesTheAppWorkButThatCodeIsUsedUp() {
        Enrolment enrolment = apps.startEnrolment(ed.userId(), "Phone", asEd, CONTEXT);

        MfaDevice device = apps.confirm(ed.userId(), enrolment.deviceId(), codeAt(enrolment, START), asEd, CONTEXT);

        assertThat(device.confirmedAt()).isEqualTo(START);
        assertThat(apps.list(ed.userId())).extracting(MfaDevice::name).containsExactly("Phone");
        assertThat(apps.verify(ed.userId(), codeAt(enrolment, START))).as("the confirming code again").isEmpty();
        clock.advance(STEP);
        assertThat(apps.verify(ed.userId(), codeAt(enrolment, clock.instant()))).isPresent();
    }

    @Test
    void verifyAcceptsACodeOnceAndThenNoOlderOne() {
        Enrolment enrolment = confirmedApp("Phone");
        clock.advance(STEP.multipliedBy(5));
        String previous = codeAt(enrolment, clock.instant().minus(STEP));
        String current = codeAt(enrolment, clock.instant());

        assertThat(apps.verify(ed.userId(), current)).map(MfaDevice::deviceId).contains(enrolment.deviceId());
        assertThat(apps.verify(ed.userId(), current)).as("replay of the same code").isEmpty();
        assertThat(apps.verify(ed.userId(), previous)).as("a code older than one used").isEmpty();
    }

    @Test
    void verifyAcceptsCodesOneStepOffAndRefusesTwoAsTheClockSteps() {
        Enrolment enrolment = confirmedApp("Phone");
        clock.advance(STEP.multipliedBy(10));
        Instant now = clock.instant();

        assertThat(apps.verify(ed.userId(), codeAt(enrolment, now.minus(STEP.multipliedBy(2))))).isEmpty();
        assertThat(apps.verify(ed.userId(), codeAt(enrolment, now.minus(STEP)))).isPresent();
        assertThat(apps.verify(ed.userId(), codeAt(enrolment, now.plus(STEP.multipliedBy(2))))).isEmpty();
        assertThat(apps.verify(ed.userId(), codeAt(enrolment, now.plus(STEP)))).isPresent();
    }

    @Test
    void verifyRefusesWrongCodesAndOtherUsersCodes() {
        Enrolment enrolment = confirmedApp("Phone");
        User ann = TestUsers.user("ann.admin");
        store.users().insert(ann);
        clock.advance(STEP);

        assertThat(apps.verify(ann.userId(), codeAt(enrolment, clock.instant()))).isEmpty();
        assertThat(apps.verify(ed.userId(), "12345")).isEmpty();
        assertThat(apps.verify(ed.userId(), null)).isEmpty();
    }

    @Test
    void eachOfTwoAppsVerifiesItsOwnCodes() {
        Enrolment phone = confirmedApp("Phone");
        Enrolment tablet = confirmedApp("Tablet");
        clock.advance(STEP);

        assertThat(apps.verify(ed.userId(), codeAt(tablet, clock.instant()))).map(MfaDevice::name).contains("Tablet");
        assertThat(apps.verify(ed.userId(), codeAt(phone, clock.instant()))).map(MfaDevice::name).contains("Phone");
    }

    @Test
    void aThirdAppIsRefusedUntilOneIsRemoved() {
        confirmedApp("Phone");
        Enrolment tablet = confirmedApp("Tablet");

        DomainError.InvalidInput error = invalid(() -> apps.startEnrolment(ed.userId(), "Laptop", asEd, CONTEXT));
        apps.delete(ed.userId(), tablet.deviceId(), asEd, CONTEXT);

        assertThat(error.message()).contains("already have 2 authenticator apps");
        assertThat(apps.startEnrolment(ed.userId(), "Laptop", asEd, CONTEXT).secretText()).isNotBlank();
    }

    @Test
    void startingAgainDropsTheEnrolmentNeverConfirmed() {
        Enrolment abandoned = apps.startEnrolment(ed.userId(), "Phone", asEd, CONTEXT);

        Enrolment again = apps.startEnrolment(ed.userId(), "Phone", asEd, CONTEXT);

        assertThat(store.mfaDevices().listByUser(ed.userId())).extracting(MfaDevice::deviceId)
                .containsExactly(again.deviceId());
        assertThat(catchThrowableOfType(DomainException.class, () -> apps.confirm(ed.userId(), abandoned.deviceId(),
                codeAt(abandoned, START), asEd, CONTEXT)).error()).isInstanceOf(DomainError.NotFound.class);
    }

    @Test
    void namesAreOneToSixtyFourCharactersAndUniquePerUser() {
        confirmedApp("Phone");

        assertThat(invalid(() -> apps.startEnrolment(ed.userId(), "  ", asEd, CONTEXT)).field()).isEqualTo("name");
        assertThat(invalid(() -> apps.startEnrolment(ed.userId(), "x".repeat(65), asEd, CONTEXT)).field())
                .isEqualTo("name");
        assertThat(catchThrowableOfType(DomainException.class,
                () -> apps.startEnrolment(ed.userId(), "phone", asEd, CONTEXT)).error())
                .isInstanceOf(DomainError.AlreadyExists.class);
        assertThat(apps.startEnrolment(ed.userId(), "x".repeat(64), asEd, CONTEXT).deviceId()).isNotBlank();
    }

    @Test
    void renameAndDeleteWorkOnlyOnTheUsersOwnApps() {
        Enrolment phone = confirmedApp("Phone");
        User ann = TestUsers.user("ann.admin");
        store.users().insert(ann);
        Actor asAnn = Actor.user(ann.userId(), ann.userName());

        apps.rename(ed.userId(), phone.deviceId(), "Work phone", asEd, CONTEXT);
        DomainException renameByAnn = catchThrowableOfType(DomainException.class,
                () -> apps.rename(ann.userId(), phone.deviceId(), "Mine", asAnn, CONTEXT));
        DomainException deleteByAnn = catchThrowableOfType(DomainException.class,
                () -> apps.delete(ann.userId(), phone.deviceId(), asAnn, CONTEXT));

        assertThat(renameByAnn.error()).isInstanceOf(DomainError.NotFound.class);
        assertThat(deleteByAnn.error()).isInstanceOf(DomainError.NotFound.class);
        assertThat(apps.list(ed.userId())).extracting(MfaDevice::name).containsExactly("Work phone");
        apps.delete(ed.userId(), phone.deviceId(), asEd, CONTEXT);
        assertThat(apps.list(ed.userId())).isEmpty();
    }

    @Test
    void enrolConfirmRenameAndDeleteAreAuditedWithoutSecretOrCode() {
        Enrolment enrolment = apps.startEnrolment(ed.userId(), "Phone", asEd, CONTEXT);
        String code = codeAt(enrolment, START);
        clock.advance(Duration.ofSeconds(1));
        apps.confirm(ed.userId(), enrolment.deviceId(), code, asEd, CONTEXT);
        clock.advance(Duration.ofSeconds(1));
        apps.rename(ed.userId(), enrolment.deviceId(), "Work phone", asEd, CONTEXT);
        clock.advance(Duration.ofSeconds(1));
        apps.delete(ed.userId(), enrolment.deviceId(), asEd, CONTEXT);

        List<AuditEvent> events = store.audit().find(AuditQuery.all());

        assertThat(events).extracting(AuditEvent::eventName)
                .containsExactly("DeleteMfaDevice", "UpdateMfaDevice", "ConfirmMfaDevice", "CreateMfaDevice");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.userName()).isEqualTo("ed.developer");
            assertThat(event.toString()).doesNotContain(enrolment.secretText()).doesNotContain(code);
        });
    }

    private Enrolment confirmedApp(String name) {
        Enrolment enrolment = apps.startEnrolment(ed.userId(), name, asEd, CONTEXT);
        apps.confirm(ed.userId(), enrolment.deviceId(), codeAt(enrolment, clock.instant()), asEd, CONTEXT);
        return enrolment;
    }

    /** What the user's app shows at {@code at}. */
    private static String codeAt(Enrolment enrolment, Instant at) {
        return Totp.STANDARD.code(Base32.decode(enrolment.secretText()), at);
    }

    private static DomainError.InvalidInput invalid(Runnable call) {
        DomainException thrown = catchThrowableOfType(DomainException.class, call::run);
        assertThat(thrown).as("a DomainException").isNotNull();
        assertThat(thrown.error()).isInstanceOf(DomainError.InvalidInput.class);
        return (DomainError.InvalidInput) thrown.error();
    }

    /** A clock that moves only when the test steps it. */
}
