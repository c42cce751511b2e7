package dev.gatehouse.store.contract;

import static dev.gatehouse.core.oidc.DeviceStatus.APPROVED;
import static dev.gatehouse.core.oidc.DeviceStatus.CONSUMED;
import static dev.gatehouse.core.oidc.DeviceStatus.DENIED;
import static dev.gatehouse.core.oidc.DeviceStatus.PENDING;
import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.oidc.DeviceAuthorization;
import dev.gatehouse.core.oidc.DeviceAuthorizationRepository;
import dev.gatehouse.store.testing.TestDeviceAuthorizations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

public interface DeviceAuthorizationContract extends StoreContract {

    private DeviceAuthorizationRepository devices() {
        return store().deviceAuthorizations();
    }

    private DeviceAuthorization stored(DeviceAuthorization authorization) {
        return devices().findByDeviceCodeHash(authorization.deviceCodeHash()).orElseThrow();
    }

    @Test
    default void insertedDeviceAuthorizationReadsBackWithEveryField() {
        DeviceAuthorization authorization = new DeviceAuthorization("device-hash", "BCDFGHJK", "client-1",
                "https://gatehouse.example.com/start", APPROVED, "user-1", 5, NOW, NOW.plusSeconds(600));
        devices().insert(authorization);

        assertThat(devices().findByDeviceCodeHash("device-hash")).contains(authorization);
        assertThat(devices().findByUserCode("BCDFGHJK")).contains(authorization);
        assertThat(devices().findByDeviceCodeHash("other-hash")).isEmpty();
        assertThat(devices().findByUserCode("LMNPQRST")).isEmpty();
    }

    @Test
    default void insertWhenUserCodeIsInUseThenAlreadyExists() {
        devices().insert(TestDeviceAuthorizations.pending("BCDFGHJK"));

        var error = alreadyExists(() -> devices().insert(TestDeviceAuthorizations.pending("BCDFGHJK")));

        assertThat(error.kind()).isEqualTo("DeviceAuthorization");
        assertThat(error.name()).isEqualTo("BCDFGHJK");
    }

    @Test
    default void transitionFromTheExpectedStatusMovesAndRecordsTheApprover() {
        DeviceAuthorization pending = TestDeviceAuthorizations.pending("BCDFGHJK");
        devices().insert(pending);

        assertThat(devices().transition(pending.deviceCodeHash(), PENDING, APPROVED, "user-1")).isTrue();

        assertThat(stored(pending)).isEqualTo(new DeviceAuthorization(pending.deviceCodeHash(), pending.userCode(),
                pending.clientId(), pending.startUrl(), APPROVED, "user-1", pending.intervalSeconds(),
                pending.createdAt(), pending.expiresAt()));
    }

    @Test
    default void transitionFromAnotherStatusDoesNothing() {
        DeviceAuthorization pending = TestDeviceAuthorizations.pending("BCDFGHJK");
        devices().insert(pending);

        assertThat(devices().transition(pending.deviceCodeHash(), APPROVED, CONSUMED, null)).isFalse();
        assertThat(devices().transition(pending.deviceCodeHash(), DENIED, APPROVED, "user-1")).isFalse();

        assertThat(stored(pending)).isEqualTo(pending);
    }

    @Test
    default void approvalIsConsumedOnlyOnceAndRemembersWhoApproved() {
        DeviceAuthorization pending = TestDeviceAuthorizations.pending("BCDFGHJK");
        devices().insert(pending);
        devices().transition(pending.deviceCodeHash(), PENDING, APPROVED, "user-1");

        assertThat(devices().transition(pending.deviceCodeHash(), APPROVED, CONSUMED, null)).isTrue();
        assertThat(devices().transition(pending.deviceCodeHash(), APPROVED, CONSUMED, null)).isFalse();

        assertThat(stored(pending).status()).isEqualTo(CONSUMED);
        assertThat(stored(pending).approvedUserId()).isEqualTo("user-1");
    }

    @Test
    default void transitionOfUnknownDeviceCodeDoesNothing() {
        assertThat(devices().transition("no-such-hash", PENDING, APPROVED, "user-1")).isFalse();
    }

    @Test
    default void racingPollsConsumeOneApprovalOnce() throws Exception {
        DeviceAuthorization pending = TestDeviceAuthorizations.pending("BCDFGHJK");
        devices().insert(pending);
        devices().transition(pending.deviceCodeHash(), PENDING, APPROVED, "user-1");
        int polls = 6;
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> poll = () -> {
            start.await();
            return devices().transition(pending.deviceCodeHash(), APPROVED, CONSUMED, null);
        };

        List<Boolean> moved = new ArrayList<>();
        try (ExecutorService pollers = Executors.newFixedThreadPool(polls)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < polls; i++) {
                results.add(pollers.submit(poll));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                moved.add(result.get());
            }
        }

        assertThat(moved).containsOnlyOnce(true);
    }
}
