package io.gongkai.aggregation.service;

import io.gongkai.aggregation.mapping.CellsCodec;
import io.gongkai.aggregation.model.Aggregate;
import io.gongkai.aggregation.model.Unit;
import io.gongkai.aggregation.model.UnitReport;
import io.gongkai.aggregation.model.UnitYear;
import io.gongkai.aggregation.model.UnitYearForm;
import io.gongkai.aggregation.repository.AggregateRepository;
import io.gongkai.aggregation.repository.UnitReportRepository;
import io.gongkai.aggregation.repository.UnitRepository;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.ValidReports;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild from the feed equals the incremental result; and every stored total is consistent with the hierarchy. */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = {Roles.READER, Roles.ADMIN})
class RebuildTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-01-15T09:00:00+08:00");
    static boolean fed;

    @Inject
    AggregateRepository aggregates;
    @Inject
    UnitReportRepository reports;
    @Inject
    UnitRepository units;

    /** Every township of 成都市 (5101) reports 2025, a tenth of them correct it, and a department of the city reports. */
    @BeforeEach
    void feedReportsOnce() {
        if (fed) {
            return;
        }
        fed = true;
        List<Division> townships = DivisionTable.national().all().stream()
                .filter(d -> d.code().length() == 9 && d.code().startsWith("5101")).toList();
        Random random = new Random(5101);
        List<FeedEntry> entries = new ArrayList<>();
        for (Division township : townships) {
            entries.add(StubFeed.entry(township.code(), township.name(), null, 2025, 1, ValidReports.random(random, 10),
                    AT.plusMinutes(random.nextInt(60 * 24 * 30)), List.of()));
        }
        for (int i = 0; i < townships.size(); i += 10) {
            Division township = townships.get(i);
            entries.add(StubFeed.entry(township.code(), township.name(), null, 2025, 2, ValidReports.random(random, 10),
                    AT.plusDays(40), List.of()));
            entries.add(StubFeed.entry(township.code(), township.name(), null, 2026, 1,
                    ValidReports.random(random, 10), AT.plusDays(365), List.of()));
        }
        entries.add(StubFeed.entry("D5101-CZJ", "成都市财政局", "5101", 2025, 1, ValidReports.random(random, 10), AT, List.of()));
        StubFeed.publishAndAwait(entries.toArray(FeedEntry[]::new));
    }

    @Test
    void aRebuildGivesExactlyTheIncrementalResult() {
        Map<String, String> incremental = snapshot();
        assertThat(incremental).containsKey("aggregate 5101/2025/2021").containsKey("aggregate CN/2026/2021");
        String etag = given().when().get("/api/v1/aggregates/5101/2025").then().statusCode(200).extract().header("ETag");
        long cursor = StubFeed.appliedCursor();

        JsonPath result = given().when().post("/api/v1/admin/rebuild").then().statusCode(200).extract().jsonPath();

        assertThat(result.getLong("cursor")).isEqualTo(cursor);
        assertThat(result.getInt("entries")).isPositive();
        System.out.printf("rebuilt from %d feed versions in %d ms%n", result.getInt("entries"), result.getLong("millis"));
        assertThat(snapshot()).isEqualTo(incremental);
        given().header("If-None-Match", etag).when().get("/api/v1/aggregates/5101/2025")
                .then().statusCode(200);
    }

    @Test
    void everyTotalIsTheUnitsOwnReportPlusItsChildrensTotals() {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Unit> all = new HashMap<>();
            units.streamAll().forEach(u -> all.put(u.code, u));
            Map<UnitYearForm, Aggregate> totals = new HashMap<>();
            aggregates.streamAll().forEach(a -> totals.put(a.id, a));
            Map<UnitYear, UnitReport> own = new HashMap<>();
            reports.streamAll().forEach(r -> own.put(r.id, r));
            Map<UnitYearForm, CellValues> childSums = new HashMap<>();
            Map<UnitYearForm, Integer> childReceived = new HashMap<>();
            totals.forEach((key, total) -> {
                String parent = all.get(key.unitCode).parentCode;
                if (parent != null) {
                    UnitYearForm parentKey = new UnitYearForm(parent, key.reportYear, key.formVersion);
                    childSums.merge(parentKey, cells(total), CellValues::plus);
                    childReceived.merge(parentKey, total.received, Integer::sum);
                }
            });
            assertThat(totals).isNotEmpty();
            totals.forEach((key, total) -> {
                FormDefinition form = Forms.require(key.formVersion);
                UnitReport report = own.get(key.unitYear());
                CellValues expected = childSums.getOrDefault(key, CellValues.zero(form));
                int received = childReceived.getOrDefault(key, 0);
                if (report != null && report.formVersion.equals(key.formVersion)) {
                    expected = expected.plus(CellsCodec.decode(form, report.cells));
                    received += all.get(key.unitCode).kind.expectedToReport() ? 1 : 0;
                }
                assertThat(cells(total)).as("total of %s", key).isEqualTo(expected);
                assertThat(total.received).as("received of %s", key).isEqualTo(received);
                assertThat(total.received).as("received of %s", key).isLessThanOrEqualTo(all.get(key.unitCode).expected);
            });
        });
    }

    private static CellValues cells(Aggregate aggregate) {
        return CellsCodec.decode(Forms.require(aggregate.id.formVersion), aggregate.cells);
    }

    private Map<String, String> snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> rows = new TreeMap<>();
            aggregates.streamAll().forEach(a -> rows.put("aggregate " + a.id, a.cells + " reports="
                    + a.reports + " received=" + a.received + " onTime=" + a.onTime + " late=" + a.late));
            reports.streamAll().forEach(r -> rows.put("report " + r.id, "v" + r.version + " " + r.cells + " first="
                    + r.firstReceivedAt + " onTime=" + r.onTime + " warnings=" + r.warnings + " crossYear=" + r.crossYear));
            return rows;
        });
    }
}
