package io.gongkai.intake.imports;

import io.gongkai.contracts.form.CellType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The splits of digits that ran together are exactly those an exhaustive enumeration finds, and stay cheap. */
class DigitSplitsTest {

    private static final List<CellType> COUNTS = List.of(CellType.COUNT, CellType.COUNT, CellType.COUNT);

    @Test
    void theIssuesExamplesSplitOneWay() {
        assertThat(only(DigitSplits.totalled("3000003", 7))).containsExactly(3, 0, 0, 0, 0, 0, 3);
        assertThat(only(DigitSplits.totalled("15130000154", 7))).containsExactly(151, 3, 0, 0, 0, 0, 154);
        assertThat(only(DigitSplits.totalled("713000074", 7))).containsExactly(71, 3, 0, 0, 0, 0, 74);
        assertThat(only(DigitSplits.blocks("010010000000000", 3, 5))).containsExactly(0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(keys(longs(DigitSplits.typed("0011", COUNTS)))).containsExactly("[0, 0, 11]");
    }

    @Test
    void aSignOrADecimalPointFixesWhereAFigureStartsOrEnds() {
        List<CellType> change = List.of(CellType.COUNT, CellType.SIGNED_COUNT, CellType.COUNT);
        assertThat(decimals(DigitSplits.typed("10-8179", change)))
                .containsExactlyInAnyOrder("[10, -8, 179]", "[10, -81, 79]", "[10, -817, 9]");
        assertThat(decimals(DigitSplits.typed("5+10360", change)))
                .containsExactlyInAnyOrder("[5, 1036, 0]", "[5, 103, 60]", "[5, 10, 360]");
        assertThat(decimals(DigitSplits.typed("000", change))).containsExactly("[0, 0, 0]");
        assertThat(decimals(DigitSplits.typed("1-20", List.of(CellType.COUNT, CellType.COUNT)))).isEmpty();
        List<CellType> procurement = List.of(CellType.COUNT, CellType.AMOUNT);
        assertThat(decimals(DigitSplits.typed("00.5", procurement))).containsExactly("[0, 0.5]");
        assertThat(decimals(DigitSplits.typed("312.5", procurement))).containsExactlyInAnyOrder("[3, 12.5]", "[31, 2.5]");
    }

    @Test
    void everySplitAnExhaustiveSearchFindsIsFoundAndNoOther() {
        Random random = new Random(20231231);
        for (int i = 0; i < 3_000; i++) {
            int length = 7 + random.nextInt(8);
            StringBuilder digits = new StringBuilder();
            for (int d = 0; d < length; d++) {
                digits.append(random.nextInt(4) == 0 ? (char) ('0' + random.nextInt(10)) : random.nextBoolean() ? '0' : '1');
            }
            String run = digits.toString();
            assertThat(keys(DigitSplits.totalled(run, 7).values())).as(run).isEqualTo(keys(brute(run, 1, 7, true)));
            if (length >= 15) {
                assertThat(keys(DigitSplits.blocks(run, 3, 5).values())).as(run).isEqualTo(keys(brute(run, 3, 5, true)));
            }
            assertThat(keys(longs(DigitSplits.typed(run, COUNTS)))).as(run).isEqualTo(keys(brute(run, 1, 3, false)));
        }
    }

    @Test
    void aHostileRunIsGivenUpQuicklyAndNeverHalfRead() {
        long start = System.nanoTime();
        DigitSplits.Splits ones = DigitSplits.totalled("1".repeat(DigitSplits.MAX_DIGITS), 7);
        DigitSplits.Splits blocks = DigitSplits.blocks("1".repeat(DigitSplits.MAX_DIGITS), 3, 5);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        // Sixty ones cannot keep the rule (the total would need more digits than are left); nothing may be returned.
        assertThat(ones.values()).isEmpty();
        assertThat(blocks.values()).allSatisfy(v -> assertThat(keepsTotals(v, 5)).isTrue());
        assertThat(DigitSplits.totalled("1".repeat(DigitSplits.MAX_DIGITS + 1), 7).values()).isEmpty();
    }

    private static List<long[]> longs(DigitSplits.Decimals splits) {
        assertThat(splits.complete()).isTrue();
        return splits.values().stream().map(v -> Arrays.stream(v).mapToLong(BigDecimal::longValueExact).toArray()).toList();
    }

    private static Set<String> decimals(DigitSplits.Decimals splits) {
        assertThat(splits.complete()).isTrue();
        return splits.values().stream().map(v -> Arrays.stream(v).map(BigDecimal::toString).toList().toString())
                .collect(Collectors.toSet());
    }

    private static long[] only(DigitSplits.Splits splits) {
        assertThat(splits.complete()).isTrue();
        assertThat(splits.values()).hasSize(1);
        return splits.values().get(0);
    }

    private static Set<String> keys(List<long[]> splits) {
        return splits.stream().map(Arrays::toString).collect(Collectors.toSet());
    }

    /** Every way to cut the digits into parts without leading zeros, kept when each block ends with its sum. */
    private static List<long[]> brute(String digits, int blocks, int perBlock, boolean totalled) {
        List<long[]> found = new ArrayList<>();
        cut(digits, 0, new long[blocks * perBlock], 0, perBlock, totalled, found);
        return found;
    }

    private static void cut(String digits, int at, long[] values, int part, int perBlock, boolean totalled, List<long[]> found) {
        if (part == values.length) {
            if (at == digits.length() && (!totalled || keepsTotals(values, perBlock))) {
                found.add(values.clone());
            }
            return;
        }
        for (int end = at + 1; end <= digits.length() && end - at <= 15; end++) {
            if (end - at > 1 && digits.charAt(at) == '0') {
                break;
            }
            values[part] = Long.parseLong(digits.substring(at, end));
            cut(digits, end, values, part + 1, perBlock, totalled, found);
        }
    }

    private static boolean keepsTotals(long[] values, int perBlock) {
        for (int block = 0; block < values.length; block += perBlock) {
            long sum = 0;
            for (int i = block; i < block + perBlock - 1; i++) {
                sum += values[i];
            }
            if (sum != values[block + perBlock - 1]) {
                return false;
            }
        }
        return true;
    }
}
