package io.gongkai.contracts.jdbc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InListTest {

    @Test
    void padsToThePowerOfTwoAtOrAboveTheLengthWithTheLastValue() {
        assertThat(InList.of(List.of("a")).values()).containsExactly("a");
        assertThat(InList.of(List.of("a", "b")).values()).containsExactly("a", "b");
        assertThat(InList.of(List.of("a", "b", "c")).values()).containsExactly("a", "b", "c", "c");
        assertThat(InList.of(List.of(1, 2, 3, 4, 5)).values()).containsExactly(1, 2, 3, 4, 5, 5, 5, 5);
    }

    @Test
    void hasOnePlaceholderPerPaddedValue() {
        assertThat(InList.of(List.of("a", "b", "c")).placeholders()).isEqualTo("?,?,?,?");
    }

    @Test
    void refusesAnEmptyList() {
        assertThatThrownBy(() -> InList.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
