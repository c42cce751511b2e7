package dev.gatehouse.core.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScimFilterTest {

    private static final ScimUser ANN = new ScimUser("id-1", "Ann.Smith", "EXT-1", "Ann", "Smith", "Ann Smith",
            "ann@example.com", true, Instant.EPOCH, Instant.EPOCH, Map.of(), List.of());

    private static boolean matches(String filter) {
        return ScimFilter.parse(filter, ScimUser.FILTERABLE, ScimUser.CASE_EXACT).matches(ANN::values);
    }

    @Test
    void whenComparingStringsThenUserNameIgnoresCaseAndExternalIdDoesNot() {
        assertThat(matches("userName eq \"ann.smith\"")).isTrue();
        assertThat(matches("externalId eq \"ext-1\"")).isFalse();
        assertThat(matches("externalId eq \"EXT-1\"")).isTrue();
        assertThat(matches("userName ne \"ann.smith\"")).isFalse();
    }

    @Test
    void whenUsingEachOperatorThenItComparesAsTheRfcSays() {
        assertThat(matches("displayName co \"n sm\"")).isTrue();
        assertThat(matches("emails.value sw \"ann@\"")).isTrue();
        assertThat(matches("emails ew \"example.com\"")).isTrue();
        assertThat(matches("userName gt \"a\" and userName lt \"b\"")).isTrue();
        assertThat(matches("userName ge \"ann.smith\" and userName le \"ann.smith\"")).isTrue();
        assertThat(matches("externalId pr")).isTrue();
        assertThat(matches("active eq true")).isTrue();
        assertThat(matches("active eq false")).isFalse();
    }

    @Test
    void whenCombiningWithAndOrNotAndParenthesesThenPrecedenceHolds() {
        assertThat(matches("userName eq \"x\" or userName eq \"ann.smith\" and active eq true")).isTrue();
        assertThat(matches("(userName eq \"x\" or userName eq \"ann.smith\") and active eq false")).isFalse();
        assertThat(matches("not (userName eq \"x\")")).isTrue();
        assertThat(matches("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"Ann.Smith\"")).isTrue();
    }

    @Test
    void whenFilterIsMalformedOrUnknownThenInvalidInputOnTheFilterField() {
        for (String bad : new String[] {"password eq \"x\"", "userName regex \"x\"", "userName eq", "(userName pr",
                "userName eq \"open", "not userName pr", "userName pr extra", "", "userName eq bare"}) {
            assertThatThrownBy(() -> matches(bad)).as(bad).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.error()).isInstanceOfSatisfying(DomainError.InvalidInput.class,
                            i -> assertThat(i.field()).isEqualTo(ScimFields.FILTER)));
        }
    }

    @Test
    void whenFilterNestsTooDeepOrIsTooLongThenRefused() {
        String deep = "(".repeat(ScimFilter.MAX_DEPTH + 1) + "userName pr" + ")".repeat(ScimFilter.MAX_DEPTH + 1);
        assertThatThrownBy(() -> matches(deep)).isInstanceOf(DomainException.class).hasMessageContaining("nests");
        String longFilter = "userName eq \"" + "a".repeat(ScimFilter.MAX_LENGTH) + "\"";
        assertThatThrownBy(() -> matches(longFilter)).isInstanceOf(DomainException.class)
                .hasMessageContaining("at most");
    }
}
