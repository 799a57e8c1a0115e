package io.gongkai.intake.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellType;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.testing.ForgedTokens;
import io.gongkai.contracts.testing.ForgedTokens.Forged;
import io.gongkai.contracts.testing.HostileCorpus;
import io.gongkai.contracts.testing.HostileCorpus.Case;
import io.gongkai.contracts.testing.HostileCorpus.Fingerprint;
import io.gongkai.contracts.testing.HostileValues;
import io.gongkai.contracts.testing.PackagedService;
import io.gongkai.contracts.testing.RawHttp;
import io.gongkai.contracts.testing.RawHttp.Reply;
import io.gongkai.contracts.testing.RawHttp.Request;
import io.gongkai.intake.Reports;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.gongkai.contracts.testing.HostileValues.encode;
import static io.gongkai.contracts.testing.HostileValues.shown;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a thousand generated hostile requests against the packaged intake service, started with the production JVM
 * options (deploy/jvm-options): mutated reports, odd tokens, garbage in every parameter of every endpoint of the
 * contract. None may get a 5xx, every 4xx is a problem, a refused one stores nothing (and, when nobody was
 * authenticated, audits nothing), and afterwards the service still takes a normal report within a second.
 * The corpus is drawn from a seed that is printed; rerun one with -Dgongkai.hostile.seed=N.
 */
class HostileCorpusIT {

    static final String ISSUER = "https://gongkai.local";
    static final String DISTRICT = "640402";
    static final String SCOPE = "64";
    static final String FOREIGN_SCOPE = "11";
    static final String DEPARTMENT = DISTRICT + "-JYJ";
    static final int YEAR = 2023;
    static final String SUBMISSIONS = "/api/v1/submissions";
    static final String VALIDATE = SUBMISSIONS + "/validate";
    static final String PLACEHOLDER = "@@HOSTILE@@";

    static Path dataDir;
    static PackagedService intake;
    static RawHttp http;
    static KeyPair keys;
    static String submitter;
    static String auditor;
    static List<Division> townships;
    static Division outOfScope;

    @BeforeAll
    static void start() throws Exception {
        PackagedService.assumeEmbeddedDatabase();
        dataDir = Files.createTempDirectory("intake-hostile");
        keys = LocalKeys.ensure(dataDir.resolve("keys"));
        intake = new PackagedService("intake", Path.of("target/quarkus-app/quarkus-run.jar"), dataDir,
                PackagedService.JVM_OPTIONS,
                List.of("-Dintake.mysql.database=gongkai_intake_hostile_" + System.currentTimeMillis()));
        intake.start();
        http = new RawHttp(intake.url(), Duration.ofSeconds(30));
        submitter = ForgedTokens.valid(keys, ISSUER, List.of(ForgedTokens.SUBMITTER), SCOPE);
        auditor = ForgedTokens.valid(keys, ISSUER, List.of(ForgedTokens.AUDITOR), null);
        townships = DivisionTable.national().children(DISTRICT);
        outOfScope = DivisionTable.national().children("650102").get(0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (intake != null) {
            System.out.println("intake log: " + intake.log());
            intake.stop();
        }
    }

    @Test
    void aThousandHostileRequestsGetProblemsAndChangeNothing() throws Exception {
        long seed = Long.getLong("gongkai.hostile.seed", 20_231_231L);
        System.out.println("hostile corpus seed: " + seed + " (rerun with -Dgongkai.hostile.seed=" + seed + ")");
        Random random = new Random(seed);
        // Data for the corpus to aim at: a township's report, a correction of it, a department's report.
        assertThat(submit(Reports.sanying()).status()).isEqualTo(201);
        assertThat(submit(Reports.busy("640402100", "原州区三营镇", YEAR)).status()).isEqualTo(201);
        ObjectNode department = Reports.busy(DEPARTMENT, "原州区教育局", YEAR);
        ((ObjectNode) department.get("unit")).put("parentCode", DISTRICT);
        assertThat(submit(department).status()).as("a namespaced department").isEqualTo(201);

        List<Case> cases = new ArrayList<>();
        cases.addAll(tokenCases());
        cases.addAll(parameterCases());
        while (cases.size() < 1_300) {
            cases.add(bodyCase(random, random.nextBoolean() ? SUBMISSIONS : VALIDATE));
        }
        Collections.shuffle(cases, random);

        HostileCorpus.Result result = new HostileCorpus(http, HostileCorpusIT::fingerprint).run(cases);
        result.findings().forEach(finding -> System.out.println("FINDING " + finding));
        intake.failureLines(40).forEach(line -> System.out.println("LOG " + line));

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(intake.alive()).as("intake process alive after the corpus").isTrue();
        softly.assertThat(intake.ready()).as("/q/health/ready UP after the corpus").isTrue();
        Division fresh = DivisionTable.national().children("640422").get(0);
        Reply normal = submit(Reports.busy(fresh.code(), fresh.name(), YEAR));
        System.out.println("a normal submission after the corpus: " + normal.status() + " in " + normal.millis() + " ms");
        softly.assertThat(normal.status()).as("a normal submission after the corpus").isEqualTo(201);
        softly.assertThat(normal.millis()).as("a normal submission's latency after the corpus, ms").isLessThan(1_000);
        softly.assertThat(result.cases()).isGreaterThanOrEqualTo(1_000);
        softly.assertThat(result.findings()).as(result.summary()).isEmpty();
        softly.assertAll();
    }

    /** Every token shape against every endpoint, and no token at all. */
    static List<Case> tokenCases() {
        List<Case> cases = new ArrayList<>();
        Division inScope = townships.get(3);
        String inScopeBody = Reports.text(Reports.busy(inScope.code(), "原州区" + inScope.name(), YEAR));
        String foreignBody = Reports.text(Reports.busy(outOfScope.code(), outOfScope.name(), YEAR));
        List<Forged> tokens = new ArrayList<>(ForgedTokens.catalogue(keys, ISSUER, SCOPE, FOREIGN_SCOPE));
        tokens.add(new Forged("no token", null, false, Set.of(), null, false));
        for (Forged token : tokens) {
            String name = "token " + token.name() + ": ";
            cases.add(write(name + "submit in scope", Request.postJson(SUBMISSIONS, token.token(), inScopeBody), token,
                    DISTRICT));
            cases.add(write(name + "submit outside the scope", Request.postJson(SUBMISSIONS, token.token(), foreignBody),
                    token, outOfScope.code()));
            cases.add(validate(name + "validate in scope", Request.postJson(VALIDATE, token.token(), inScopeBody), token,
                    DISTRICT));
            cases.add(validate(name + "validate outside the scope", Request.postJson(VALIDATE, token.token(),
                    foreignBody), token, outOfScope.code()));
            Set<String> readers = Set.of(ForgedTokens.READER, ForgedTokens.AUDITOR, ForgedTokens.SUBMITTER,
                    ForgedTokens.ADMIN);
            cases.add(Case.read(name + "list", SUBMISSIONS + "?year=2023", token, readers));
            cases.add(Case.read(name + "current", SUBMISSIONS + "/640402100/2023", token, readers));
            cases.add(Case.read(name + "versions", SUBMISSIONS + "/640402100/2023/versions", token,
                    Set.of(ForgedTokens.AUDITOR)));
            cases.add(Case.read(name + "version", SUBMISSIONS + "/640402100/2023/versions/1", token,
                    Set.of(ForgedTokens.AUDITOR)));
            cases.add(Case.read(name + "feed", "/api/v1/feed?after=0&limit=5", token,
                    Set.of(ForgedTokens.SERVICE, ForgedTokens.AUDITOR)));
            cases.add(Case.read(name + "audit", "/api/v1/audit?size=5", token, Set.of(ForgedTokens.AUDITOR)));
            cases.add(Case.read(name + "form", "/api/v1/forms/2021", token, Set.of(ForgedTokens.READER,
                    ForgedTokens.AUDITOR, ForgedTokens.SUBMITTER, ForgedTokens.ADMIN, ForgedTokens.SERVICE)));
        }
        return cases;
    }

    /** A submission: only a verifiable submitter whose scope covers the unit may get a 2xx. */
    static Case write(String name, Request request, Forged token, String governmentCode) {
        Case write = Case.of(name, request);
        if (!token.verifiable()) {
            return write.unauthenticated().refusedWith(401);
        }
        if (!token.mayWrite(governmentCode)) {
            return token.clean() && !token.roles().contains(ForgedTokens.SUBMITTER) ? write.refusedWith(401, 403)
                    : write.refused();
        }
        return write;
    }

    /**
     * A validation: a token with the submitter role never gets a 2xx for a unit outside a well-formed scope, unless
     * it is also an auditor's (auditors may validate any unit; validating stores nothing).
     */
    static Case validate(String name, Request request, Forged token, String governmentCode) {
        Case validate = Case.of(name, request);
        if (!token.verifiable()) {
            return validate.unauthenticated().refusedWith(401);
        }
        if (token.roles().contains(ForgedTokens.SUBMITTER) && !token.mayWrite(governmentCode)
                && !token.roles().contains(ForgedTokens.AUDITOR)) {
            return validate.refused();
        }
        return validate;
    }

    /** Garbage in every query and path parameter of the contract, as an auditor and without a token. */
    static List<Case> parameterCases() {
        List<Case> cases = new ArrayList<>();
        for (String value : HostileValues.garbage()) {
            String v = encode(value);
            cases.add(integer("audit page=" + shown(value), "/api/v1/audit?page=" + v, value, 0, 1_000_000));
            cases.add(integer("audit size=" + shown(value), "/api/v1/audit?size=" + v, value, 1, 500));
            cases.add(integer("list page=" + shown(value), SUBMISSIONS + "?page=" + v, value, 0, 1_000_000));
            cases.add(integer("list size=" + shown(value), SUBMISSIONS + "?size=" + v, value, 1, 500));
            cases.add(integer("list year=" + shown(value), SUBMISSIONS + "?year=" + v, value, 2000, 2100));
            cases.add(integer("feed after=" + shown(value), "/api/v1/feed?after=" + v, value, 0, Long.MAX_VALUE));
            cases.add(integer("feed limit=" + shown(value), "/api/v1/feed?limit=" + v, value, 1, 1000));
            if (!value.isEmpty()) {
                cases.add(asAuditor("audit from=" + shown(value), "/api/v1/audit?from=" + v).refusedWith(400));
                cases.add(asAuditor("audit to=" + shown(value), "/api/v1/audit?to=" + v).refusedWith(400));
                cases.add(asAuditor("audit outcome=" + shown(value), "/api/v1/audit?outcome=" + v)
                        .refusedWith(400));
                cases.add(asAuditor("current of unit " + shown(value), SUBMISSIONS + "/" + v + "/2023")
                        .refusedWith(400, 404));
                cases.add(asAuditor("current of year " + shown(value), SUBMISSIONS + "/640402100/" + v)
                        .refusedWith(400, 404));
                cases.add(asAuditor("versions of unit " + shown(value), SUBMISSIONS + "/" + v + "/2023/versions")
                        .refusedWith(400, 404));
                cases.add(asAuditor("version " + shown(value), SUBMISSIONS + "/640402100/2023/versions/" + v)
                        .refusedWith(400, 404));
                cases.add(asAuditor("form " + shown(value), "/api/v1/forms/" + v).refusedWith(400, 404));
                cases.add(asAuditor("list unitPrefix=" + shown(value), SUBMISSIONS + "?unitPrefix=" + v));
                cases.add(asAuditor("audit unitCode=" + shown(value), "/api/v1/audit?unitCode=" + v));
            }
        }
        for (String code : HostileValues.lookalikes("640402100")) {
            cases.add(asAuditor("current of lookalike " + shown(code), SUBMISSIONS + "/" + encode(code) + "/2023")
                    .refusedWith(400, 404));
        }
        // Outcomes are read without regard to case ("accepted" is ACCEPTED); anything else is refused.
        for (String outcome : List.of("FOO", "ACCEPTED ", "REJECTED,ACCEPTED", "0", "ACCEPTÉD")) {
            cases.add(asAuditor("audit outcome=" + outcome, "/api/v1/audit?outcome=" + encode(outcome))
                    .refusedWith(400));
        }
        cases.add(asAuditor("audit from=garbage", "/api/v1/audit?from=garbage").refusedWith(400));
        cases.add(asAuditor("audit from=2023-13-45T99:99:99Z", "/api/v1/audit?from=2023-13-45T99%3A99%3A99Z")
                .refusedWith(400));
        cases.add(asAuditor("audit from without offset", "/api/v1/audit?from=2023-01-01T00%3A00%3A00").refusedWith(400));
        cases.add(asAuditor("audit page=-1", "/api/v1/audit?page=-1").refusedWith(400));
        cases.add(asAuditor("audit size=10^9", "/api/v1/audit?size=1000000000").refusedWith(400));
        cases.add(asAuditor("list year=99999", SUBMISSIONS + "?year=99999").refusedWith(400));
        cases.add(Case.of("audit from=garbage without a token", Request.get("/api/v1/audit?from=garbage", null))
                .unauthenticated().refusedWith(401));
        for (String method : List.of("DELETE", "PUT", "PATCH")) {
            cases.add(Case.of(method + " a version", new Request(method, SUBMISSIONS + "/640402100/2023/versions/1",
                    auditor, "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of()))
                    .refusedWith(405));
            cases.add(Case.of(method + " the submissions", new Request(method, SUBMISSIONS, submitter,
                    "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of())).refusedWith(405));
        }
        cases.add(Case.of("POST the feed", Request.postJson("/api/v1/feed", auditor, "{}")).refusedWith(405));
        cases.add(asAuditor("an unknown path", "/api/v1/nothing-here").refusedWith(404));
        return cases;
    }

    /** An integer parameter: an ASCII integer in range is answered, anything else is a 400. */
    static Case integer(String name, String path, String value, long min, long max) {
        Case read = asAuditor(name, path);
        return HostileValues.integerIn(value, min, max).map(valid -> valid ? read.allowing(200) : read.refusedWith(400))
                .orElse(read);
    }

    static Case asAuditor(String name, String path) {
        return Case.of(name, Request.get(path, auditor));
    }

    /** A valid report of a township in scope, mutated in one place, sent by a submitter of that scope. */
    static Case bodyCase(Random random, String endpoint) {
        Division unit = townships.get(random.nextInt(townships.size()));
        ObjectNode report = Reports.busy(unit.code(), "原州区" + unit.name(), YEAR);
        String where = endpoint.equals(SUBMISSIONS) ? "submit" : "validate";
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> cellCase(random, report, endpoint, where);
            case 3 -> unitCodeCase(random, report, endpoint, where, unit);
            case 4 -> departmentCase(random, report, endpoint, where);
            case 5 -> envelopeCase(random, report, endpoint, where);
            case 6 -> structureCase(random, report, endpoint, where);
            case 7 -> bytesCase(random, report, endpoint, where);
            case 8 -> contentTypeCase(random, report, endpoint, where);
            default -> textCase(random, report, endpoint, where);
        };
    }

    static Case cellCase(Random random, ObjectNode report, String endpoint, String where) {
        List<Cell> cells = Forms.require("2021").cells();
        Cell cell = cells.get(random.nextInt(cells.size()));
        boolean odd = random.nextInt(6) == 0;
        List<String> literals = odd ? HostileValues.ODD_BUT_WHOLE
                : cell.type() == CellType.COUNT ? HostileValues.NEVER_A_COUNT : HostileValues.NEVER_A_FEE;
        String literal = literals.get(random.nextInt(literals.size()));
        Reports.set(report, cell.key(), Reports.JSON.getNodeFactory().textNode(PLACEHOLDER));
        String body = Reports.text(report).replace("\"" + PLACEHOLDER + "\"", literal);
        Case hostile = json(where + " " + cell.key() + "=" + shown(literal), endpoint, body);
        // Numbers are bounded in digits and scale as they are parsed: refused at once, whatever their exponent.
        return odd ? hostile : hostile.refusedWith(400, 422).within(1_000);
    }

    static Case unitCodeCase(Random random, ObjectNode report, String endpoint, String where, Division unit) {
        List<String> lookalikes = HostileValues.lookalikes(unit.code());
        String code = lookalikes.get(random.nextInt(lookalikes.size()));
        ((ObjectNode) report.get("unit")).put("code", code);
        return json(where + " unit code lookalike " + shown(code), endpoint, Reports.text(report))
                .refusedWith(400, 403);
    }

    /** Department codes are {government}-{LOCAL}, upper case; divisions and CN are never departments. */
    static Case departmentCase(Random random, ObjectNode report, String endpoint, String where) {
        List<String> codes = List.of(DISTRICT + "-jyj", DISTRICT + "-Jyj", "jyj", "JYJ", "640403-JYJ", "6404-JYJ",
                "CN", "cn", "640402100", "6404", "64", DISTRICT, DISTRICT + "-", DISTRICT + "-JYJ-", DISTRICT + "--JYJ",
                DISTRICT + "-JY-J", DISTRICT + "-ＪＹＪ", "６４０４０２-JYJ", DISTRICT + "-" + "J".repeat(40),
                DISTRICT + "-JYJ\u0000", DISTRICT + "-JYJ ", DISTRICT + "_JYJ", DISTRICT + "-教育局");
        ObjectNode unit = (ObjectNode) report.get("unit");
        unit.put("name", "原州区教育局");
        if (random.nextInt(4) == 0) {
            List<Object> parents = List.of("６４０４０２", DISTRICT + " ", "CN", "640402-JYJ", 640402, List.of(DISTRICT),
                    true, "", "6404021", "640402100");
            Object parent = parents.get(random.nextInt(parents.size()));
            unit.put("code", DEPARTMENT);
            unit.set("parentCode", Reports.JSON.valueToTree(parent));
            return json(where + " department parentCode " + shown(String.valueOf(parent)), endpoint,
                    Reports.text(report)).refusedWith(400, 403, 409);
        }
        String code = codes.get(random.nextInt(codes.size()));
        unit.put("code", code);
        unit.put("parentCode", DISTRICT);
        // A code outside the submitter's prefix is refused by the scope check (403) before its form is judged (400).
        return json(where + " department code " + shown(code), endpoint, Reports.text(report)).refusedWith(400, 403);
    }

    static Case envelopeCase(Random random, ObjectNode report, String endpoint, String where) {
        if (random.nextBoolean()) {
            List<String> years = List.of("\"2023\"", "99999", "-1", "1e3", "2018", "2101", "null", "2023.5", "20230",
                    "1e999999999", "[2023]", "{}", "true", "0E-999999999");
            String year = years.get(random.nextInt(years.size()));
            report.put("year", PLACEHOLDER);
            return json(where + " year=" + year, endpoint, Reports.text(report).replace("\"" + PLACEHOLDER + "\"", year))
                    .refusedWith(400).within(1_000);
        }
        if (random.nextBoolean()) {
            String name = HostileValues.oddString(random);
            ((ObjectNode) report.get("unit")).put("name", name);
            return json(where + " unit name " + shown(name), endpoint, Reports.text(report));
        }
        List<String> forms = List.of("\"2019\"", "\"\"", "2021", "null", "[\"2021\"]", "\"2021 \"", "\"２０２１\"");
        String form = forms.get(random.nextInt(forms.size()));
        report.put("formVersion", PLACEHOLDER);
        return json(where + " formVersion=" + form, endpoint, Reports.text(report).replace("\"" + PLACEHOLDER + "\"", form));
    }

    static Case structureCase(Random random, ObjectNode report, String endpoint, String where) {
        String text = Reports.text(report);
        switch (random.nextInt(9)) {
            case 0 -> {
                List<Cell> cells = Forms.require("2021").cells();
                Cell cell = cells.get(random.nextInt(cells.size()));
                Reports.remove(report, cell.key());
                return json(where + " without " + cell.key(), endpoint, Reports.text(report)).refusedWith(400);
            }
            case 1 -> {
                ((ObjectNode) report.get("applications")).put("extra", 1);
                return json(where + " with an unknown field", endpoint, Reports.text(report)).refusedWith(400);
            }
            case 2 -> {
                String duplicated = text.replaceFirst("\"year\":2023", "\"year\":2023,\"year\":2022");
                return json(where + " with a duplicate key", endpoint, duplicated).refusedWith(400);
            }
            case 3 -> {
                int depth = List.of(17, 100, 1_000, 10_000, 50_000).get(random.nextInt(5));
                boolean objects = random.nextBoolean();
                report.put("text", PLACEHOLDER);
                return json(where + " nested " + depth + " deep", endpoint, Reports.text(report)
                        .replace("\"" + PLACEHOLDER + "\"", HostileValues.deeplyNested(depth, objects)))
                        .refusedWith(400, 413).within(1_000);
            }
            case 4 -> {
                int cut = 1 + random.nextInt(text.length() - 2);
                return json(where + " truncated at " + cut, endpoint, text.substring(0, cut)).refusedWith(400);
            }
            case 5 -> {
                return json(where + " with trailing content", endpoint, text + " {\"year\":2024}").refusedWith(400);
            }
            case 6 -> {
                List<String> tops = List.of("null", "[]", "\"x\"", "1", "", " ", "{}", "[" + text + "]");
                String top = tops.get(random.nextInt(tops.size()));
                return json(where + " body " + shown(top), endpoint, top).refusedWith(400);
            }
            case 7 -> {
                return json(where + " with a BOM", endpoint, "\uFEFF" + text);
            }
            default -> {
                String padded = text.replace("\"year\":2023", "\"year\":2023" + " ".repeat(300_000));
                return json(where + " padded past 256 KB", endpoint, padded).refusedWith(413).within(2_000);
            }
        }
    }

    static Case bytesCase(Random random, ObjectNode report, String endpoint, String where) {
        byte[] bad = HostileValues.BAD_UTF8.get(random.nextInt(HostileValues.BAD_UTF8.size()));
        boolean inName = random.nextBoolean();
        if (inName) {
            ((ObjectNode) report.get("unit")).put("name", "原州区" + PLACEHOLDER);
        } else {
            ((ObjectNode) report.get("text")).put("overview", "概述" + PLACEHOLDER);
        }
        byte[] body = HostileValues.withBytes(Reports.text(report), PLACEHOLDER, bad);
        return Case.of(where + " invalid UTF-8 " + hex(bad) + (inName ? " in the name" : " in the text"),
                Request.post(endpoint, submitter, "application/json", body)).refusedWith(400);
    }

    static Case contentTypeCase(Random random, ObjectNode report, String endpoint, String where) {
        List<String> types = List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/jsonx", "*/*; q=garbage", "");
        String type = types.get(random.nextInt(types.size()));
        byte[] body = Reports.text(report).getBytes(StandardCharsets.UTF_8);
        Case hostile = Case.of(where + " as " + (type.isEmpty() ? "no content type" : type),
                Request.post(endpoint, submitter, type.isEmpty() ? null : type, body));
        // Without a content type, or with a wildcard, reading the body as JSON is a fair guess.
        return type.isEmpty() || type.startsWith("*/*") ? hostile : hostile.refusedWith(415);
    }

    static Case textCase(Random random, ObjectNode report, String endpoint, String where) {
        ObjectNode text = (ObjectNode) report.get("text");
        switch (random.nextInt(4)) {
            case 0 -> text.put("overview", "概".repeat(100_001));
            case 1 -> text.put("problemsAndImprovements", 12);
            case 2 -> text.putArray("otherMatters").add("x");
            default -> text.put("unknownText", "x");
        }
        return json(where + " odd text", endpoint, Reports.text(report)).refusedWith(400, 413);
    }

    static Case json(String name, String endpoint, String body) {
        return Case.of(name, Request.postJson(endpoint, submitter, body));
    }

    static Reply submit(JsonNode report) {
        return http.send(Request.postJson(SUBMISSIONS, submitter, Reports.text(report)));
    }

    /** Feed, every current version and the audit count, as an auditor sees them. */
    static Fingerprint fingerprint() {
        Reply feed = http.send(Request.get("/api/v1/feed?after=0&limit=1000", auditor));
        Reply versions = http.send(Request.get(SUBMISSIONS + "?page=0&size=500", auditor));
        Reply audit = http.send(Request.get("/api/v1/audit?size=1", auditor));
        if (feed.status() != 200 || versions.status() != 200 || audit.status() != 200) {
            throw new IllegalStateException("fingerprint unreadable: " + feed.brief() + " | " + versions.brief() + " | "
                    + audit.brief());
        }
        try {
            return new Fingerprint(feed.text() + versions.text(), Reports.JSON.readTree(audit.body()).get("total").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b));
        }
        return text.toString();
    }
}
