package dev.gatehouse.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundedLruMapTest {

    @Test
    void theLeastRecentlyUsedEntryGoesFirstWhenTheBoundIsReached() {
        BoundedLruMap<String, Integer> map = new BoundedLruMap<>(2);
        map.put("a", 1);
        map.put("b", 2);
        map.get("a");              // b is now the least recently used
        map.put("c", 3);

        assertThat(map.get("b")).isNull();
        assertThat(map.get("a")).isEqualTo(1);
        assertThat(map.get("c")).isEqualTo(3);
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void putIfAbsentKeepsTheFirstValueAndRemoveOnlyTakesTheValueItNames() {
        BoundedLruMap<String, Integer> map = new BoundedLruMap<>(4);

        assertThat(map.putIfAbsent("k", 1)).isEqualTo(1);
        assertThat(map.putIfAbsent("k", 2)).isEqualTo(1);
        map.remove("k", 2);
        assertThat(map.get("k")).isEqualTo(1);
        map.remove("k", 1);
        assertThat(map.get("k")).isNull();
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedLruMap<String, String>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
