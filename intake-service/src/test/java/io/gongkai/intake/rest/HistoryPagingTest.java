package io.gongkai.intake.rest;

import io.agroal.api.AgroalDataSource;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.gongkai.intake.repository.VersionWrites;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A unit may correct its report any number of times: the history is paged and a write reads only the current one. */
@QuarkusTest
class HistoryPagingTest {

    private static final String UNIT = "640402108";
    private static final String NAME = "原州区黄铎堡镇";
    private static final int CORRECTIONS = 25;

    @Inject
    VersionWrites writes;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theHistoryIsPagedOldestFirstAndAWriteReadsOnlyTheCurrentVersion() throws Exception {
        var report = Reports.busy(UNIT, NAME, 2024);
        for (int decisions = 1; decisions <= CORRECTIONS; decisions++) {
            Reports.set(report, "activeDisclosure.licensing.decisions", decisions);
            Api.submitter().contentType(JSON).body(Reports.text(report)).when().post("/api/v1/submissions")
                    .then().statusCode(201).body("version", equalTo(decisions));
        }

        Api.auditor().when().get("/api/v1/submissions/" + UNIT + "/2024/versions").then().statusCode(200)
                .body("total", equalTo(CORRECTIONS)).body("size", equalTo(20)).body("items.size()", equalTo(20))
                .body("items[0].version", equalTo(1)).body("items[19].version", equalTo(20));
        Api.auditor().queryParam("page", 1).when().get("/api/v1/submissions/" + UNIT + "/2024/versions")
                .then().statusCode(200).body("items.version", equalTo(List.of(21, 22, 23, 24, 25)));
        for (String size : List.of("0", "21", "-1", "x")) {
            Api.auditor().queryParam("size", size).when().get("/api/v1/submissions/" + UNIT + "/2024/versions")
                    .then().statusCode(400).contentType("application/problem+json");
        }

        try (Connection connection = dataSource.getConnection()) {
            assertThat(writes.currentVersions(connection, List.of(UNIT), List.of(2024)))
                    .singleElement().satisfies(current -> assertThat(current.version()).isEqualTo(CORRECTIONS));
        }
    }
}
