package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.Records.with;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceRepository;
import dev.gatehouse.core.mfa.WebAuthnChallenge.Ceremony;
import dev.gatehouse.core.mfa.WebAuthnChallenge;
import dev.gatehouse.store.testing.TestMfaDevices;
import dev.gatehouse.store.testing.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

public interface MfaDeviceRepositoryContract extends StoreContract {

    private MfaDeviceRepository devices() {
        return store().mfaDevices();
    }

    private User storedUser(String userName) {
        User user = TestUsers.user(userName);
        store().users().insert(user);
        return user;
    }

    @Test
    default void insertedMfaDeviceReadsBackWithEveryField() {
        User ed = storedUser("ed.developer");
        MfaDevice confirmed = with(TestMfaDevices.authenticatorApp(ed, "Phone"), "lastUsedStep", 58_000_000L);
        MfaDevice unconfirmed = TestMfaDevices.unconfirmed(ed, "Tablet");
        devices().insert(confirmed);
        devices().insert(unconfirmed);

        assertThat(devices().findById(confirmed.deviceId())).contains(confirmed);
        assertThat(devices().findById(unconfirmed.deviceId())).contains(unconfirmed);
        assertThat(devices().findById("no-such-device")).isEmpty();
    }

    @Test
    default void listByUserIsOldestFirstAndOnlyTheirs() {
        User ed = storedUser("ed.developer");
        User ann = storedUser("ann.admin");
        MfaDevice newer = with(TestMfaDevices.authenticatorApp(ed, "Newer"), "createdAt", NOW.plusSeconds(5));
        MfaDevice older = TestMfaDevices.authenticatorApp(ed, "Older");
        devices().insert(newer);
        devices().insert(older);
        devices().insert(TestMfaDevices.authenticatorApp(ann, "Phone"));

        assertThat(devices().listByUser(ed.userId())).containsExactly(older, newer);
        assertThat(devices().listByUser("no-such-user")).isEmpty();
    }

    @Test
    default void namesAreUniquePerUserIgnoringCase() {
        User ed = storedUser("ed.developer");
        User ann = storedUser("ann.admin");
        devices().insert(TestMfaDevices.authenticatorApp(ed, "Phone"));

        var error = alreadyExists(() -> devices().insert(TestMfaDevices.authenticatorApp(ed, "PHONE")));
        devices().insert(TestMfaDevices.authenticatorApp(ann, "Phone"));

        assertThat(error.kind()).isEqualTo("MfaDevice");
        assertThat(error.name()).isEqualTo("PHONE");
        assertThat(devices().listByUser(ann.userId())).hasSize(1);
    }

    @Test
    default void insertMfaDeviceOfUnknownUserThenNotFound() {
        var error = notFound(() -> devices().insert(TestMfaDevices.authenticatorApp(TestUsers.user("ghost"), "P")));

        assertThat(error.kind()).isEqualTo("User");
    }

    @Test
    default void renameChangesTheNameAndRefusesOneTaken() {
        User ed = storedUser("ed.developer");
        MfaDevice phone = TestMfaDevices.authenticatorApp(ed, "Phone");
        MfaDevice tablet = TestMfaDevices.authenticatorApp(ed, "Tablet");
        devices().insert(phone);
        devices().insert(tablet);

        assertThat(devices().rename(phone.deviceId(), "Work phone")).isTrue();
        alreadyExists(() -> devices().rename(tablet.deviceId(), "work PHONE"));
        assertThat(devices().rename("no-such-device", "Other")).isFalse();

        assertThat(devices().findById(phone.deviceId())).contains(with(phone, "name", "Work phone"));
        assertThat(devices().findById(tablet.deviceId())).contains(tablet);
    }

    @Test
    default void confirmSetsTimeAndFirstStepOnlyOnce() {
        User ed = storedUser("ed.developer");
        MfaDevice device = TestMfaDevices.unconfirmed(ed, "Phone");
        devices().insert(device);

        assertThat(devices().confirm(device.deviceId(), NOW.plusSeconds(9), 100)).isTrue();
        assertThat(devices().confirm(device.deviceId(), NOW.plusSeconds(99), 200)).isFalse();

        assertThat(devices().findById(device.deviceId())).contains(
                with(with(device, "confirmedAt", NOW.plusSeconds(9)), "lastUsedStep", 100L));
    }

    @Test
    default void useStepAcceptsOnlyStepsNewerThanTheLastUsed() {
        User ed = storedUser("ed.developer");
        MfaDevice device = TestMfaDevices.authenticatorApp(ed, "Phone");
        devices().insert(device);

        assertThat(devices().useStep(device.deviceId(), 100)).isTrue();
        assertThat(devices().useStep(device.deviceId(), 100)).as("the same step again").isFalse();
        assertThat(devices().useStep(device.deviceId(), 99)).as("an older step").isFalse();
        assertThat(devices().useStep(device.deviceId(), 101)).isTrue();
        assertThat(devices().useStep("no-such-device", 500)).isFalse();

        assertThat(devices().findById(device.deviceId())).map(MfaDevice::lastUsedStep).contains(101L);
    }

    @Test
    default void racingUsesOfOneStepAcceptItOnce() throws Exception {
        User ed = storedUser("ed.developer");
        MfaDevice device = TestMfaDevices.authenticatorApp(ed, "Phone");
        devices().insert(device);
        int uses = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();

        List<Boolean> accepted = new ArrayList<>();
        try (ExecutorService signIns = Executors.newFixedThreadPool(uses)) {
            for (int i = 0; i < uses; i++) {
                Callable<Boolean> use = () -> {
                    start.await();
                    return devices().useStep(device.deviceId(), 58_000_000L);
                };
                results.add(signIns.submit(use));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                accepted.add(result.get());
            }
        }

        assertThat(accepted).containsOnlyOnce(true);
    }

    @Test
    default void deleteRemovesTheDeviceAndDeletingAUserRemovesTheirs() {
        User ed = storedUser("ed.developer");
        MfaDevice phone = TestMfaDevices.authenticatorApp(ed, "Phone");
        MfaDevice tablet = TestMfaDevices.authenticatorApp(ed, "Tablet");
        devices().insert(phone);
        devices().insert(tablet);

        assertThat(devices().delete(phone.deviceId())).isTrue();
        assertThat(devices().delete(phone.deviceId())).isFalse();
        assertThat(devices().listByUser(ed.userId())).containsExactly(tablet);

        store().users().delete(ed.userId());
        assertThat(devices().findById(tablet.deviceId())).isEmpty();
    }

    @Test
    default void userHandleIsStoredOnceAndThenAlwaysTheSame() {
        User ed = storedUser("ed.developer");
        User ann = storedUser("ann.admin");

        assertThat(devices().userHandle(ed.userId(), "handle-1")).isEqualTo("handle-1");
        assertThat(devices().userHandle(ed.userId(), "handle-2")).isEqualTo("handle-1");
        assertThat(devices().userHandle(ann.userId(), "handle-3")).isEqualTo("handle-3");
        var error = notFound(() -> devices().userHandle("no-such-user", "handle-4"));
        assertThat(error.kind()).isEqualTo("User");
    }

    @Test
    default void challengeIsConsumedOnceByItsUserForItsCeremonyBeforeItExpires() {
        User ed = storedUser("ed.developer");
        User ann = storedUser("ann.admin");
        devices().insertChallenge(new WebAuthnChallenge("hash-1", ed.userId(), Ceremony.ASSERTION,
                NOW.plusSeconds(300)), NOW);
        devices().insertChallenge(new WebAuthnChallenge("hash-2", ed.userId(), Ceremony.ASSERTION,
                NOW.plusSeconds(300)), NOW);

        assertThat(devices().consumeChallenge("hash-1", ann.userId(), Ceremony.ASSERTION, NOW)).as("ann's").isFalse();
        assertThat(devices().consumeChallenge("hash-1", ed.userId(), Ceremony.REGISTRATION, NOW)).isFalse();
        assertThat(devices().consumeChallenge("hash-1", ed.userId(), Ceremony.ASSERTION, NOW)).isTrue();
        assertThat(devices().consumeChallenge("hash-1", ed.userId(), Ceremony.ASSERTION, NOW)).as("again").isFalse();
        assertThat(devices().consumeChallenge("hash-2", ed.userId(), Ceremony.ASSERTION, NOW.plusSeconds(300)))
                .as("expired").isFalse();
    }

    @Test
    default void insertingAChallengeDropsExpiredOnes() {
        User ed = storedUser("ed.developer");
        devices().insertChallenge(new WebAuthnChallenge("old", ed.userId(), Ceremony.ASSERTION,
                NOW.plusSeconds(300)), NOW);
        devices().insertChallenge(new WebAuthnChallenge("new", ed.userId(), Ceremony.ASSERTION,
                NOW.plusSeconds(900)), NOW.plusSeconds(600));

        assertThat(devices().consumeChallenge("old", ed.userId(), Ceremony.ASSERTION, NOW)).as("dropped").isFalse();
        assertThat(devices().consumeChallenge("new", ed.userId(), Ceremony.ASSERTION, NOW.plusSeconds(601))).isTrue();
    }

    @Test
    default void deletingAUserDropsTheirHandleAndChallenges() {
        User ed = storedUser("ed.developer");
        devices().userHandle(ed.userId(), "handle-1");
        devices().insertChallenge(new WebAuthnChallenge("hash-1", ed.userId(), Ceremony.REGISTRATION,
                NOW.plusSeconds(300)), NOW);

        store().users().delete(ed.userId());

        assertThat(devices().consumeChallenge("hash-1", ed.userId(), Ceremony.REGISTRATION, NOW)).isFalse();
    }
}
