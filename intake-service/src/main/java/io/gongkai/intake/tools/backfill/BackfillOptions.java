package io.gongkai.intake.tools.backfill;

import io.gongkai.contracts.security.Roles;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the command was called.
 *
 * @param folder     where the reports are
 * @param url        intake's address
 * @param token      the bearer token given (--token, else GONGKAI_TOKEN when no --prefix), or null to mint one
 * @param prefix     the unit prefix to mint a submitter token for, or null
 * @param mapping    the mapping file, or null
 * @param store      store complete drafts; otherwise a dry run
 * @param assumeZero JSON pointers of the cells, rows and blocks confirmed zero
 * @param summary    where the summary table goes
 */
public record BackfillOptions(Path folder, URI url, String token, String prefix, Path mapping, boolean store,
        List<String> assumeZero, Path summary) {

    static final String TOKEN_VARIABLE = "GONGKAI_TOKEN";

    private static final Set<String> WITH_VALUE = Set.of("--url", "--token", "--prefix", "--mapping", "--summary",
            "--assume-zero");

    public static final String USAGE = """
            usage: import-reports.sh [options] FOLDER
            Sends every .txt, .htm and .html file under FOLDER (at any depth, by path) to intake's
            POST /api/v1/imports, one at a time. A dry run unless --store: nothing is stored.
              --store                 store each file whose draft has no errors; files with errors are reported
              --assume-zero POINTER   a cell, row or block the reports leave out because it was zero
                                      (repeatable), e.g. /reviewLitigation/review
              --mapping FILE.csv      unit and year of particular files: header file,unitCode,parentCode,year,
                                      file relative to FOLDER; a blank field is read from the report's title
              --summary FILE.csv      the table of every file (default import-summary.csv)
              --url URL               intake (default http://localhost:8081)
              --token TOKEN           bearer token (default: $GONGKAI_TOKEN)
              --prefix UNIT_PREFIX    instead of a token: mint a submitter token for this unit prefix (2 to 9
                                      digits, e.g. 6404) with the local installation's key pair
            Without a token or prefix a dry run mints an auditor token (auditors may read any unit's report);
            --store needs a submitter: --token, $GONGKAI_TOKEN or --prefix.
            Exit status: 0 when intake read every file, 1 when any was rejected, unreadable or failed, 2 for bad usage.
            """;

    public static BackfillOptions parse(List<String> args, Map<String, String> env) throws UsageException {
        List<String> positional = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        String url = "http://localhost:8081";
        String token = null;
        String prefix = null;
        String mapping = null;
        String summary = "import-summary.csv";
        boolean store = false;
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (name.equals("--store")) {
                if (equals >= 0) {
                    throw new UsageException("--store takes no value");
                }
                store = true;
                continue;
            }
            if (!WITH_VALUE.contains(name)) {
                throw new UsageException("unknown option " + name);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            switch (name) {
                case "--url" -> url = value;
                case "--token" -> token = value;
                case "--prefix" -> prefix = value;
                case "--mapping" -> mapping = value;
                case "--summary" -> summary = value;
                default -> pointers.add(value);
            }
        }
        if (positional.size() != 1) {
            throw new UsageException(positional.isEmpty() ? "no FOLDER given" : "one FOLDER, not " + positional);
        }
        Path folder = Path.of(positional.get(0));
        if (!Files.isDirectory(folder)) {
            throw new UsageException(folder + " is not a folder");
        }
        if (token != null && prefix != null) {
            throw new UsageException("give --token or --prefix, not both");
        }
        if (token != null && token.isBlank()) {
            throw new UsageException("--token is empty");
        }
        if (prefix != null && !Roles.UNIT_PREFIX_FORMAT.matcher(prefix).matches()) {
            throw new UsageException("--prefix " + prefix + " is not 2 to 9 digits (a division code or its start)");
        }
        if (token == null && prefix == null) {
            String variable = env.get(TOKEN_VARIABLE);
            token = variable == null || variable.isBlank() ? null : variable.strip();
        }
        if (store && token == null && prefix == null) {
            throw new UsageException("--store needs a submitter's token: --token, $" + TOKEN_VARIABLE + " or --prefix");
        }
        return new BackfillOptions(folder, intake(url), token, prefix, mapping == null ? null : Path.of(mapping), store,
                List.copyOf(pointers), Path.of(summary));
    }

    private static URI intake(String url) throws UsageException {
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new UsageException("--url " + url + " is not an http(s) address such as http://localhost:8081");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--url " + url + " is not an address: " + e.getMessage());
        }
    }
}
