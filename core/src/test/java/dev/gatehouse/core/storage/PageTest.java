package dev.gatehouse.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void fromOneMoreWhenTheExtraRowCameThenNextPageStartsAfterTheLastShown() {
        Page<String> page = Page.fromOneMore(List.of("a", "b", "c"), 2, Function.identity());

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.nextToken()).isEqualTo("b");
    }

    @Test
    void fromOneMoreWhenNoExtraRowThenLastPage() {
        assertThat(Page.fromOneMore(List.of("a", "b"), 2, Function.identity()).nextToken()).isNull();
        assertThat(Page.fromOneMore(List.<String>of(), 2, Function.identity()).items()).isEmpty();
    }
}
