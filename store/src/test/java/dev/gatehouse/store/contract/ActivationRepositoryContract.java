package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.Records.with;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.model.ActivationLink;
import dev.gatehouse.core.model.User;
import dev.gatehouse.store.testing.TestActivationLinks;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

public interface ActivationRepositoryContract extends StoreContract {

    @Test
    default void insertedActivationLinkReadsBackWithEveryField() {
        User ed = TestUsers.user("ed.developer");
        store().users().insert(ed);
        ActivationLink unused = new ActivationLink("link-hash-1", ed.userId(), NOW, NOW.plus(Duration.ofDays(7)), null);
        ActivationLink used = new ActivationLink("link-hash-2", ed.userId(), NOW, NOW.plus(Duration.ofDays(7)),
                NOW.plusSeconds(30));
        store().activations().insert(unused);
        store().activations().insert(used);

        assertThat(store().activations().findByTokenHash("link-hash-1")).contains(unused);
        assertThat(store().activations().findByTokenHash("link-hash-2")).contains(used);
        assertThat(store().activations().findByTokenHash("link-hash-3")).isEmpty();
    }

    @Test
    default void markUsedSucceedsOnlyOnceAndKeepsTheFirstTime() {
        User ed = TestUsers.user("ed.developer");
        store().users().insert(ed);
        ActivationLink link = TestActivationLinks.link(ed);
        store().activations().insert(link);

        assertThat(store().activations().markUsed(link.tokenHash(), NOW.plusSeconds(1))).isTrue();
        assertThat(store().activations().markUsed(link.tokenHash(), NOW.plusSeconds(2))).isFalse();
        assertThat(store().activations().markUsed("no-such-link", NOW)).isFalse();

        assertThat(store().activations().findByTokenHash(link.tokenHash()))
                .contains(with(link, "usedAt", NOW.plusSeconds(1)));
    }

    @Test
    default void insertActivationLinkOfUnknownUserThenNotFound() {
        var error = notFound(() -> store().activations().insert(TestActivationLinks.link(TestUsers.user("ghost"))));

        assertThat(error.kind()).isEqualTo("User");
    }
}
