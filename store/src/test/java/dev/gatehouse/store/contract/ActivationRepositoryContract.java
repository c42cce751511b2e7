package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.Records.with;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.password.ActivationLink;
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
    default void markAllUsedOfEndsOnlyThatUsersUnusedLinks() {
        User ed = TestUsers.user("ed.developer");
        User ana = TestUsers.user("ana.admin");
        store().users().insert(ed);
        store().users().insert(ana);
        ActivationLink first = new ActivationLink("ed-1", ed.userId(), NOW, NOW.plus(Duration.ofDays(7)), null);
        ActivationLink second = new ActivationLink("ed-2", ed.userId(), NOW, NOW.plus(Duration.ofDays(7)), null);
        ActivationLink used = new ActivationLink("ed-3", ed.userId(), NOW, NOW.plus(Duration.ofDays(7)), NOW);
        ActivationLink anas = new ActivationLink("ana-1", ana.userId(), NOW, NOW.plus(Duration.ofDays(7)), null);
        for (ActivationLink link : new ActivationLink[] {first, second, used, anas}) {
            store().activations().insert(link);
        }

        assertThat(store().activations().markAllUsedOf(ed.userId(), NOW.plusSeconds(5))).isEqualTo(2);

        assertThat(store().activations().findByTokenHash("ed-1")).contains(with(first, "usedAt", NOW.plusSeconds(5)));
        assertThat(store().activations().findByTokenHash("ed-2")).contains(with(second, "usedAt", NOW.plusSeconds(5)));
        assertThat(store().activations().findByTokenHash("ed-3")).contains(used);
        assertThat(store().activations().findByTokenHash("ana-1")).contains(anas);
    }

    @Test
    default void insertActivationLinkOfUnknownUserThenNotFound() {
        var error = notFound(() -> store().activations().insert(TestActivationLinks.link(TestUsers.user("ghost"))));

        assertThat(error.kind()).isEqualTo("User");
    }
}
