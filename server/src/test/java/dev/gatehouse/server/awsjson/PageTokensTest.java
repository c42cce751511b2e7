package dev.gatehouse.server.awsjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import org.junit.jupiter.api.Test;

class PageTokensTest {

    @Test
    void aTokenLeadsBackToWhereItsListStopped() {
        String token = PageTokens.next("users", "ann.o'neil");

        assertThat(token).matches("[-a-zA-Z0-9+=/:_]*");
        assertThat(PageTokens.position("users", token)).isEqualTo("ann.o'neil");
        assertThat(PageTokens.position("users", null)).isNull();
    }

    @Test
    void aTokenOfAnotherListOrNoTokenOfOursIsInvalid() {
        String groups = PageTokens.next("groups", "Developers");

        for (String token : new String[] {groups, "forged", "Zm9yZ2Vk"}) {
            assertThatThrownBy(() -> PageTokens.position("users", token)).as(token)
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.error()).isInstanceOf(DomainError.InvalidInput.class));
        }
    }
}
