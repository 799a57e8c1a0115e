package io.gongkai.aggregation.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.ValidReports;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;

import static io.gongkai.aggregation.support.Totals.cells;
import static io.gongkai.aggregation.support.Totals.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Following the feed through outages, replays and out-of-date versions. Uses 乌鲁木齐 (6501) in 2024 only. */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = {Roles.READER, Roles.ADMIN})
class FeedFollowerTest {

    static final int YEAR = 2024;
    static final OffsetDateTime AT = OffsetDateTime.parse("2025-01-05T09:00:00+08:00");

    @Test
    void whileIntakeIsDownTheServiceKeepsAnsweringAndCatchesUpAfterwards() throws InterruptedException {
        Division township = DivisionTable.national().children("650102").get(0);
        CellValues report = ValidReports.random(new Random(650102), 10);
        long before = StubFeed.appliedCursor();

        StubFeed.down();
        long cursor;
        try {
            cursor = StubFeed.publish(StubFeed.entry(township.code(), township.name(), null, YEAR, 1, report, AT, List.of()));
            Thread.sleep(1_000);
            given().when().get("/q/health/live").then().statusCode(200);
            assertThat(StubFeed.appliedCursor()).isEqualTo(before);
            assertThat(json(given().when().get("/api/v1/aggregates/{code}/{year}", township.code(), YEAR).then().statusCode(200))
                    .at("/reporting/received").asInt()).isZero();
        } finally {
            StubFeed.up();
        }

        StubFeed.awaitApplied(cursor);
        JsonNode aggregate = json(given().when().get("/api/v1/aggregates/{code}/{year}", "650102", YEAR).then().statusCode(200));
        assertThat(cells(aggregate.get("totals"))).isEqualTo(report);
        assertThat(aggregate.at("/reporting/received").asInt()).isEqualTo(1);
    }

    @Test
    void aReplayedOrOutdatedVersionIsNeverCountedTwice() {
        Division township = DivisionTable.national().children("650103").get(0);
        Random random = new Random(650103);
        CellValues first = ValidReports.random(random, 10);
        CellValues second = ValidReports.random(random, 10);

        StubFeed.publishAndAwait(
                StubFeed.entry(township.code(), township.name(), null, YEAR, 1, first, AT, List.of()),
                StubFeed.entry(township.code(), township.name(), null, YEAR, 2, second, AT.plusDays(1), List.of()),
                StubFeed.entry(township.code(), township.name(), null, YEAR, 2, second, AT.plusDays(1), List.of()),
                StubFeed.entry(township.code(), township.name(), null, YEAR, 1, first, AT, List.of()));

        JsonNode county = json(given().when().get("/api/v1/aggregates/{code}/{year}", "650103", YEAR).then().statusCode(200));
        assertThat(cells(county.get("totals"))).isEqualTo(second);
        assertThat(county.at("/reports").asInt()).isEqualTo(1);
        assertThat(county.at("/reporting/received").asInt()).isEqualTo(1);
    }

    @Test
    void aPageOfTheMostEntriesIsFollowedAtOnceByTheNext() {
        List<Division> townships = DivisionTable.national().all().stream()
                .filter(d -> d.code().length() == 9 && d.code().startsWith("6502")).toList();
        List<Division> more = DivisionTable.national().all().stream()
                .filter(d -> d.code().length() == 9 && d.code().startsWith("65") && !d.code().startsWith("6501")
                        && !d.code().startsWith("6502")).limit(1_100 - townships.size()).toList();
        Random random = new Random(6502);
        List<io.gongkai.contracts.api.FeedEntry> entries = new java.util.ArrayList<>();
        CellValues sum = CellValues.zero(ValidReports.FORM);
        for (Division township : java.util.stream.Stream.concat(townships.stream(), more.stream()).toList()) {
            CellValues report = ValidReports.random(random, 10);
            entries.add(StubFeed.entry(township.code(), township.name(), null, YEAR, 1, report, AT, List.of()));
            if (township.code().startsWith("6502")) {
                sum = sum.plus(report);
            }
        }
        assertThat(entries).hasSizeGreaterThan(1_000);

        long start = System.nanoTime();
        StubFeed.publishAndAwait(entries.toArray(io.gongkai.contracts.api.FeedEntry[]::new));
        System.out.printf("applied %d feed entries in %d ms%n", entries.size(), (System.nanoTime() - start) / 1_000_000);

        JsonNode city = json(given().when().get("/api/v1/aggregates/6502/{year}", YEAR).then().statusCode(200));
        assertThat(cells(city.get("totals"))).isEqualTo(sum);
        assertThat(city.at("/reporting/received").asInt()).isEqualTo(townships.size());
    }
}
