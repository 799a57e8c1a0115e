package io.gongkai.intake.imports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.form.AmountUnit;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.testing.ValidReports;
import io.gongkai.intake.Api;
import io.gongkai.intake.imports.PrintedReport.Figures;
import io.gongkai.intake.imports.PrintedReport.UnitPlace;
import io.gongkai.intake.imports.PublishedLayouts.Body;
import io.gongkai.intake.imports.PublishedLayouts.Layout;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** POST /api/v1/imports with a report of 2020, printed in the 2019 trial form: drafted and stored in that form. */
@QuarkusTest
class Import2019Test {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String IMPORTS = "/api/v1/imports";
    /** 泾源县泾河源镇: no other test stores reports of this unit. */
    private static final String UNIT = "640424101";

    @Test
    void aReportOf2020IsStoredInThe2019FormWithItsSignedChangesAndItsAmountsUnit() throws Exception {
        CellValues values = ValidReports.random(ValidReports.FORM_2019, new Random(2020), 40);
        PrintedReport report = new PrintedReport("泾源县泾河源镇", 2020, values, Set.of(), Map.of(),
                new Figures(true, true, AmountUnit.WAN_YUAN, UnitPlace.CELL));
        Body body = PublishedLayouts.render(Layout.TABS, report, new Random(7));

        JsonPath draft = Api.submitter().contentType(body.contentType()).body(body.bytes()).queryParam("unitCode", UNIT)
                .when().post(IMPORTS).then().statusCode(200).extract().jsonPath();
        assertThat(draft.getString("formVersion")).isEqualTo("2019");
        assertThat(draft.getInt("year")).isEqualTo(2020);
        assertThat(draft.getString("submission.activeDisclosure.procurement.totalAmount.unit")).isEqualTo("万元");
        Api.auditor().when().get("/api/v1/submissions/" + UNIT + "/2020").then().statusCode(404);

        Api.submitter().contentType(body.contentType()).body(body.bytes()).queryParam("unitCode", UNIT)
                .queryParam("store", true).when().post(IMPORTS).then().statusCode(201)
                .header("Location", containsString("/api/v1/submissions/" + UNIT + "/2020/versions/1"));

        JsonNode version = JSON.readTree(Api.auditor().when().get("/api/v1/submissions/" + UNIT + "/2020/versions/1")
                .then().statusCode(200).extract().asString());
        assertThat(version.get("formVersion").asText()).isEqualTo("2019");
        assertThat(version.get("origin").asText()).isEqualTo("IMPORT");
        JsonNode submission = version.get("submission");
        for (Cell cell : ValidReports.FORM_2019.cells()) {
            String pointer = cell.pointer() + (cell.unitInReport() ? "/amount" : "");
            assertThat(submission.at(pointer).decimalValue()).as(cell.key()).isEqualByComparingTo(values.get(cell));
        }
        assertThat(submission.at("/activeDisclosure/procurement/totalAmount/unit").asText()).isEqualTo("万元");
    }

    @Test
    void aFormVersionNoFormHasIsABadParameter() {
        Api.submitter().contentType("text/plain; charset=UTF-8").body("某某镇2020年政府信息公开工作年度报告")
                .queryParam("formVersion", "2018").when().post(IMPORTS).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("formVersion"))
                .body("type", equalTo("/problems/invalid-parameter"));
    }
}
