package io.gongkai.intake.tools;

import io.gongkai.intake.tools.backfill.Backfill;
import io.gongkai.intake.tools.backfill.BackfillOptions;
import io.gongkai.intake.tools.backfill.UsageException;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Imports a folder of published annual reports through intake's POST /api/v1/imports (deploy/import-reports.sh): a
 * dry run unless --store, a progress bar on stderr, a CSV table of every file and the totals per outcome.
 * {@link BackfillOptions#USAGE} says how to call it.
 */
public final class ImportReports {

    private ImportReports() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err, System.console() != null));
    }

    /**
     * The whole command, without leaving the JVM.
     *
     * @param terminal whether stderr is a terminal, where the progress bar is redrawn in place
     * @return the exit status: 0 when intake read every file, 1 when any was rejected, unreadable or failed, 2 for
     *         bad usage (then nothing was sent)
     */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err,
            boolean terminal) {
        if (args.contains("-h") || args.contains("--help")) {
            out.print(BackfillOptions.USAGE);
            return 0;
        }
        try {
            return Backfill.prepare(BackfillOptions.parse(args, env)).run(out, err, terminal);
        } catch (UsageException e) {
            err.println("import-reports: " + e.getMessage() + " (--help lists the options)");
            return 2;
        }
    }
}
