package io.gongkai.intake.imports;

import io.gongkai.contracts.form.CellType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways a run of digits printed without separators ({@code 3000003}) splits back into the whole numbers of its
 * cells. A number never starts with 0 unless it is 0, and a block's total is the sum of its parts, so the total is
 * not searched for: it is the sum, printed, or the split fails. That makes most runs split one way only, and keeps
 * the search small. Every split is returned, up to {@link #MAX_SPLITS}; a caller that gets
 * {@link Splits#complete()} false must not pick one.
 */
final class DigitSplits {

    /** More splits than this are no reading at all: the row is reported as unsettled. */
    static final int MAX_SPLITS = 2_000;
    /** Digits per run at most: seven cells of up to six digits each. A longer run is not split. */
    static final int MAX_DIGITS = 48;
    /** Steps one search may take: a hostile run of ones costs a few milliseconds and stays unsettled. */
    static final int MAX_STEPS = 50_000;
    /** A part longer than this would not fit a long; no count on the form has as many digits. */
    private static final int MAX_PART_DIGITS = 15;

    private DigitSplits() {
    }

    /** The splits found, and whether they are all there are. */
    record Splits(List<long[]> values, boolean complete) {

        static Splits none() {
            return new Splits(List.of(), true);
        }
    }

    /**
     * Splits into {@code parts} numbers of which the last is the sum of the others (a row with its 总计). The total is
     * taken first, each length it can have in turn; the other parts must then add up to it, and a part can be no
     * longer than what is left to add up, which cuts the search short.
     */
    static Splits totalled(String digits, int parts) {
        if (digits.length() < parts || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Splits.none();
        }
        TotalFirst search = new TotalFirst(digits, parts - 1);
        for (int length = 1; length <= Math.min(MAX_PART_DIGITS, digits.length() - (parts - 1)); length++) {
            int start = digits.length() - length;
            if (length > 1 && digits.charAt(start) == '0') {
                continue;
            }
            long total = Long.parseLong(digits, start, digits.length(), 10);
            long[] values = new long[parts];
            values[parts - 1] = total;
            search.run(0, start, 0, total, values);
        }
        return new Splits(List.copyOf(search.found), search.complete);
    }

    /** Splits into {@code blocks} consecutive blocks of {@code perBlock} numbers, each ending with its own sum. */
    static Splits blocks(String digits, int blocks, int perBlock) {
        return search(digits, blocks, perBlock);
    }

    /** Splits of figures that are not all whole numbers, as decimals, and whether they are all there are. */
    record Decimals(List<BigDecimal[]> values, boolean complete) {
    }

    /**
     * Every split of a run that lost its spaces (digits, signs and decimal points) into one figure per cell, each as
     * its cell's type prints it ({@link PrintedFigure#isPart}): for rows with no rule among their cells, such as
     * table 二's. A sign or a decimal point fixes where a figure starts or ends; digits alone fix nothing.
     */
    static Decimals typed(String figures, List<CellType> types) {
        if (figures.length() < types.size() || figures.length() > MAX_DIGITS) {
            return new Decimals(List.of(), true);
        }
        Typed search = new Typed(figures, types);
        search.run(0, 0, new String[types.size()]);
        return new Decimals(List.copyOf(search.found), search.complete);
    }

    /** A depth-first walk over the ends of the figures, each part checked against its cell's type. */
    private static final class Typed {
        private final String figures;
        private final List<CellType> types;
        private final List<BigDecimal[]> found = new ArrayList<>();
        private boolean complete = true;
        private int steps;

        Typed(String figures, List<CellType> types) {
            this.figures = figures;
            this.types = types;
        }

        void run(int at, int part, String[] parts) {
            if (!complete) {
                return;
            }
            if (++steps > MAX_STEPS) {
                complete = false;
                return;
            }
            if (part == parts.length) {
                if (at == figures.length()) {
                    if (found.size() == MAX_SPLITS) {
                        complete = false;
                    } else {
                        found.add(java.util.Arrays.stream(parts).map(BigDecimal::new).toArray(BigDecimal[]::new));
                    }
                }
                return;
            }
            int partsAfter = parts.length - part - 1;
            for (int end = at + 1; end <= figures.length() - partsAfter; end++) {
                String candidate = figures.substring(at, end);
                if (PrintedFigure.isPart(types.get(part), candidate)) {
                    parts[part] = candidate;
                    run(end, part + 1, parts);
                }
            }
        }
    }

    private static Splits search(String digits, int blocks, int perBlock) {
        int parts = blocks * perBlock;
        if (digits.length() < parts || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Splits.none();
        }
        Search search = new Search(digits, perBlock, parts);
        search.run(0, 0, 0, new long[parts]);
        return new Splits(List.copyOf(search.found), search.complete);
    }

    /** The parts before a known total: each at most what is left of the total, and no longer than it. */
    private static final class TotalFirst {
        private final String digits;
        private final int parts;
        private final List<long[]> found = new ArrayList<>();
        private boolean complete = true;
        private int steps;

        TotalFirst(String digits, int parts) {
            this.digits = digits;
            this.parts = parts;
        }

        /** Fills part {@code part} from digit {@code at} up to {@code end}; {@code left} is what it must add up to. */
        void run(int part, int end, int at, long left, long[] values) {
            if (!complete) {
                return;
            }
            if (++steps > MAX_STEPS) {
                complete = false;
                return;
            }
            int partsLeft = parts - part;
            int digitsLeft = end - at;
            if (partsLeft == 0) {
                if (digitsLeft == 0 && left == 0) {
                    if (found.size() == MAX_SPLITS) {
                        complete = false;
                    } else {
                        found.add(values.clone());
                    }
                }
                return;
            }
            int longest = Long.toString(left).length();
            if (digitsLeft < partsLeft || digitsLeft > (long) partsLeft * longest) {
                return;
            }
            for (int length = 1; length <= Math.min(longest, digitsLeft - (partsLeft - 1)); length++) {
                if (length > 1 && digits.charAt(at) == '0') {
                    return;
                }
                long value = Long.parseLong(digits, at, at + length, 10);
                if (value > left) {
                    return;
                }
                values[part] = value;
                run(part + 1, end, at + length, left - value, values);
            }
        }
    }

    /** A depth-first walk over part boundaries; a part that cannot lead to a valid block is not followed. */
    private static final class Search {
        private final String digits;
        private final int perBlock;
        private final int parts;
        private final List<long[]> found = new ArrayList<>();
        private boolean complete = true;
        private int steps;

        Search(String digits, int perBlock, int parts) {
            this.digits = digits;
            this.perBlock = perBlock;
            this.parts = parts;
        }

        /** Fills part {@code part} from digit {@code at}; {@code sum} is the block's parts so far. */
        void run(int at, int part, long sum, long[] values) {
            if (!complete) {
                return;
            }
            if (++steps > MAX_STEPS) {
                complete = false;
                return;
            }
            if (part == parts) {
                if (at == digits.length()) {
                    if (found.size() == MAX_SPLITS) {
                        complete = false;
                    } else {
                        found.add(values.clone());
                    }
                }
                return;
            }
            int partsAfter = parts - part - 1;
            boolean isTotal = part % perBlock == perBlock - 1;
            if (isTotal) {
                String printed = Long.toString(sum);
                if (digits.startsWith(printed, at) && digits.length() - at - printed.length() >= partsAfter) {
                    values[part] = sum;
                    run(at + printed.length(), part + 1, 0, values);
                }
                return;
            }
            int maxLength = Math.min(MAX_PART_DIGITS, digits.length() - at - partsAfter);
            for (int length = 1; length <= maxLength; length++) {
                if (length > 1 && digits.charAt(at) == '0') {
                    return;
                }
                long value = Long.parseLong(digits, at, at + length, 10);
                if (!totalFits(sum + value, at + length, part)) {
                    return;
                }
                values[part] = value;
                run(at + length, part + 1, sum + value, values);
            }
        }

        /**
         * Whether the block's total, at least {@code sum}, can still be printed in the digits after {@code at}, with
         * one digit for each part between and five for each later block. Longer parts only make it larger.
         */
        private boolean totalFits(long sum, int at, int part) {
            int inBlock = part % perBlock;
            int partsBeforeTotal = perBlock - 2 - inBlock;
            int laterBlocks = parts - (part - inBlock + perBlock);
            int room = digits.length() - at - partsBeforeTotal - laterBlocks;
            return Long.toString(sum).length() <= room;
        }
    }
}
