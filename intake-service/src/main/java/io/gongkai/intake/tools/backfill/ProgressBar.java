package io.gongkai.intake.tools.backfill;

import java.io.PrintStream;

/**
 * Files done out of the total, on stderr: {@code [#####...............] 120/300 原州区三营镇}. On a terminal the one line
 * is redrawn after every file; into a log it would be hundreds of lines, so there it is written every tenth or so.
 */
final class ProgressBar {

    private static final int WIDTH = 20;
    private static final int LABEL_LENGTH = 24;
    /** Erases the rest of the line, which a longer label drawn before may have filled. */
    private static final String CLEAR_TO_END = "\033[K";

    private final PrintStream err;
    private final int total;
    private final boolean terminal;
    private int tenthsShown;

    ProgressBar(PrintStream err, int total, boolean terminal) {
        this.err = err;
        this.total = total;
        this.terminal = terminal;
    }

    /** Another file is done, the label naming it (its unit, or its file name). */
    void show(int done, String label) {
        String line = line(done, label);
        if (terminal) {
            err.print("\r" + line + CLEAR_TO_END);
            if (done == total) {
                err.println();
            }
            err.flush();
            return;
        }
        int tenths = done * 10 / total;
        if (tenths > tenthsShown || done == total) {
            tenthsShown = tenths;
            err.println(line);
        }
    }

    private String line(int done, String label) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        return "[" + bar + "] " + done + "/" + total + " " + shortened(label);
    }

    /** At most a few words, and no control characters: a file's name could move the cursor or recolour the terminal. */
    private static String shortened(String label) {
        String printable = label.replaceAll("\\p{Cntrl}", "?");
        if (printable.codePointCount(0, printable.length()) <= LABEL_LENGTH) {
            return printable;
        }
        return printable.substring(0, printable.offsetByCodePoints(0, LABEL_LENGTH - 1)) + "…";
    }
}
