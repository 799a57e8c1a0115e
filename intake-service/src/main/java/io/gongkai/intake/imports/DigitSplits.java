package io.gongkai.intake.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The ways a run of digits printed without separators ({@code 3000003}) splits back into the whole numbers of its
 * cells. A number never starts with 0 unless it is 0, which is what makes most runs split one way only. Every split
 * is returned, up to {@link #MAX_SPLITS}; a caller that gets {@link Splits#complete()} false must not pick one.
 */
final class DigitSplits {

    /** More splits than this are no reading at all: the row is reported as unsettled. */
    static final int MAX_SPLITS = 2_000;
    /** Digits per run at most: seven cells of up to eight digits each. A longer run is not split. */
    static final int MAX_DIGITS = 60;
    /** Steps a search may take: a hostile run of 60 ones costs milliseconds, not seconds, and stays unsettled. */
    static final int MAX_STEPS = 1_000_000;
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

    /** Splits into {@code parts} numbers of which the last is the sum of the others (a row with its 总计). */
    static Splits totalled(String digits, int parts) {
        return blocks(digits, 1, parts);
    }

    /** Splits into {@code blocks} consecutive blocks of {@code perBlock} numbers, each ending with its own sum. */
    static Splits blocks(String digits, int blocks, int perBlock) {
        if (!plausible(digits, blocks * perBlock)) {
            return Splits.none();
        }
        Search search = new Search(digits, blocks, perBlock, true);
        search.run(0, 0, new long[blocks * perBlock]);
        return search.result();
    }

    /** Every split into {@code parts} numbers, with no rule among them. */
    static Splits free(String digits, int parts) {
        if (!plausible(digits, parts)) {
            return Splits.none();
        }
        Search search = new Search(digits, 1, parts, false);
        search.run(0, 0, new long[parts]);
        return search.result();
    }

    private static boolean plausible(String digits, int parts) {
        return digits.length() >= parts && digits.length() <= MAX_DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A depth-first walk over part boundaries; a part that cannot lead to a valid block is not followed. */
    private static final class Search {
        private final String digits;
        private final int blocks;
        private final int perBlock;
        private final boolean totalled;
        private final List<long[]> found = new ArrayList<>();
        private boolean complete = true;
        private int steps;

        Search(String digits, int blocks, int perBlock, boolean totalled) {
            this.digits = digits;
            this.blocks = blocks;
            this.perBlock = perBlock;
            this.totalled = totalled;
        }

        Splits result() {
            return new Splits(List.copyOf(found), complete);
        }

        /** Fills part {@code part} starting at digit {@code at}. */
        void run(int at, int part, long[] values) {
            if (!complete) {
                return;
            }
            if (++steps > MAX_STEPS) {
                complete = false;
                return;
            }
            int total = blocks * perBlock;
            if (part == total) {
                if (at == digits.length()) {
                    if (found.size() == MAX_SPLITS) {
                        complete = false;
                    } else {
                        found.add(values.clone());
                    }
                }
                return;
            }
            int partsLeftAfter = total - part - 1;
            int maxLength = Math.min(MAX_PART_DIGITS, digits.length() - at - partsLeftAfter);
            for (int length = 1; length <= maxLength; length++) {
                if (length > 1 && digits.charAt(at) == '0') {
                    return;
                }
                long value = Long.parseLong(digits, at, at + length, 10);
                int inBlock = part % perBlock;
                if (totalled) {
                    long sumSoFar = sumOfBlock(values, part - inBlock, part);
                    if (inBlock == perBlock - 1) {
                        if (value != sumSoFar) {
                            continue;
                        }
                    } else if (perBlock > 1 && remainingCanHold(at + length, partsLeftAfter) && value > maxTotal(at + length)) {
                        return;
                    }
                }
                values[part] = value;
                run(at + length, part + 1, values);
            }
        }

        private static long sumOfBlock(long[] values, int from, int to) {
            long sum = 0;
            for (int i = from; i < to; i++) {
                sum += values[i];
            }
            return sum;
        }

        private boolean remainingCanHold(int at, int partsLeft) {
            return digits.length() - at >= partsLeft;
        }

        /** The largest number the rest of the digits could still print: a bound for the block's parts. */
        private long maxTotal(int at) {
            int length = Math.min(MAX_PART_DIGITS, digits.length() - at);
            return length <= 0 ? 0 : (long) Math.pow(10, length);
        }
    }
}
