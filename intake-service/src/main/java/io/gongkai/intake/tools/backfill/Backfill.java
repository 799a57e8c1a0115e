package io.gongkai.intake.tools.backfill;

import java.io.IOException;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run over a folder of reports, each file in the order of its name, one request at a time: intake reads only a
 * few imports at once (503 beyond), and a backfill should leave the others to the units importing their own.
 */
public final class Backfill {

    private final BackfillOptions options;
    private final List<ReportFile> files;
    private final ReportMapping mapping;
    private final AssumedZero assumeZero;
    private final String token;

    private Backfill(BackfillOptions options, List<ReportFile> files, ReportMapping mapping, AssumedZero assumeZero,
            String token) {
        this.options = options;
        this.files = files;
        this.mapping = mapping;
        this.assumeZero = assumeZero;
        this.token = token;
    }

    /** Everything that can be wrong before anything is sent: the folder, the mapping file, the pointers, the token. */
    public static Backfill prepare(BackfillOptions options) throws UsageException {
        AssumedZero assumeZero = AssumedZero.of(options.assumeZero());
        List<ReportFile> files;
        try {
            files = ReportFiles.under(options.folder());
        } catch (IOException e) {
            throw new UsageException("cannot list " + options.folder() + ": " + e.getMessage());
        }
        ReportMapping mapping = options.mapping() == null ? ReportMapping.none()
                : ReportMapping.read(options.mapping());
        Set<String> names = files.stream().map(ReportFile::name).collect(Collectors.toSet());
        List<String> unknown = mapping.files().stream().filter(name -> !names.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UsageException("the mapping file names " + unknown.size() + " file(s) that are no .txt, .htm or"
                    + " .html file under " + options.folder() + ", e.g. " + unknown.get(0));
        }
        String token = options.token() != null ? options.token() : LocalToken.mint(options.prefix());
        return new Backfill(options, files, mapping, assumeZero, token);
    }

    /**
     * Sends every file, writes the summary table and prints the totals.
     *
     * @return 0 when intake read every file, 1 when any was rejected, unreadable or failed (or the run was cut short)
     * @throws UsageException when the summary table cannot be written; nothing was sent
     */
    public int run(PrintStream out, PrintStream err, boolean terminal) throws UsageException {
        ReportImporter importer = new ReportImporter(new IntakeImportClient(options.url(), token), mapping, assumeZero,
                options.store());
        ProgressBar progress = new ProgressBar(err, files.size(), terminal);
        Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);
        SummaryTable summary;
        try {
            summary = SummaryTable.create(options.summary());
        } catch (IOException e) {
            throw new UsageException("cannot write the summary " + options.summary() + ": " + e.getMessage());
        }
        try (summary) {
            for (int i = 0; i < files.size(); i++) {
                FileResult result = importer.importFile(files.get(i));
                summary.add(result);
                totals.merge(result.outcome(), 1, Integer::sum);
                progress.show(i + 1, result.unitName() != null ? result.unitName() : result.file());
            }
        } catch (IOException e) {
            err.println("import-reports: cannot write the summary " + options.summary() + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("import-reports: interrupted; the summary lists the files done");
            return 1;
        }
        printTotals(out, totals);
        return totals.keySet().stream().allMatch(Outcome::read) ? 0 : 1;
    }

    private void printTotals(PrintStream out, Map<Outcome, Integer> totals) {
        totals.forEach((outcome, count) -> out.printf("%-11s %d%n", outcome, count));
        out.printf("%d file(s) under %s, %s; summary in %s%n", files.size(), options.folder(),
                options.store() ? "complete drafts stored" : "dry run, nothing stored", options.summary());
    }
}
