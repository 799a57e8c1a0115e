package io.gongkai.intake.rest;

import io.gongkai.intake.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class FormResourceTest {

    @Test
    void theFormsAreListedWithTheReportYearsThatUseThem() {
        Api.reader().when().get("/api/v1/forms")
                .then().statusCode(200)
                .body("version", contains("2019", "2021"))
                .body("firstReportYear", contains(2019, 2021))
                .body("lastReportYear", contains(2020, null))
                .body("cellCount", contains(198, 200));
    }

    @Test
    void the2021FormIsPublishedWithCellsLabelsAndRules() {
        Api.reader().when().get("/api/v1/forms/2021")
                .then().statusCode(200)
                .body("version", equalTo("2021"))
                .body("firstReportYear", equalTo(2021))
                .body("cells.size()", equalTo(200))
                .body("cells.find { it.key == 'activeDisclosure.fees.amountWanYuan' }.unit", equalTo("万元"))
                .body("cells.find { it.key == 'activeDisclosure.fees.amountWanYuan' }.type", equalTo("AMOUNT"))
                .body("cells.find { it.key == 'activeDisclosure.fees.amountWanYuan' }.unitInReport", equalTo(false))
                .body("cells.find { it.key == 'activeDisclosure.regulations.inForce' }.label",
                        equalTo("表二｜第二十条第（一）项｜规章｜现行有效件数（件）"))
                .body("cells.find { it.key == 'applications.newReceived.naturalPerson' }.columnLabel", equalTo("自然人"))
                .body("rules.id", hasItems("R3.1", "R3.2", "R3.3", "R4.1", "R2.2", "X1", "X2"))
                .body("rules.find { it.id == 'R3.1' }.severity", equalTo("ERROR"))
                .body("rules.find { it.id == 'R3.3' }.equations.size()", equalTo(25))
                .body("rules.find { it.id == 'R3.1' }.crossYear", equalTo(false))
                .body("rules.find { it.id == 'X1' }.crossYear", equalTo(true))
                .body("rules.find { it.id == 'X1' }.acrossForms", equalTo(true))
                .body("rules.find { it.id == 'X2' }.severity", equalTo("WARNING"))
                .body("rules.find { it.id == 'X2' }.crossYear", equalTo(true))
                .body("rules.find { it.id == 'X2' }.acrossForms", equalTo(false));
    }

    @Test
    void the2019FormIsPublishedWithItsSignedCellsItsAmountAndItsRules() {
        Api.reader().when().get("/api/v1/forms/2019")
                .then().statusCode(200)
                .body("version", equalTo("2019"))
                .body("firstReportYear", equalTo(2019))
                .body("cells.size()", equalTo(198))
                .body("cells.find { it.key == 'activeDisclosure.regulations.totalPublished' }.label",
                        equalTo("表二｜第二十条第（一）项｜规章｜对外公开总数量（件）"))
                .body("cells.find { it.key == 'activeDisclosure.licensing.changeThisYear' }.type",
                        equalTo("SIGNED_COUNT"))
                .body("cells.find { it.key == 'activeDisclosure.licensing.changeThisYear' }.minValue",
                        equalTo(-999999999))
                .body("cells.find { it.key == 'activeDisclosure.licensing.decisions' }.minValue", equalTo(0))
                .body("cells.find { it.key == 'activeDisclosure.procurement.totalAmount' }.type", equalTo("AMOUNT"))
                .body("cells.find { it.key == 'activeDisclosure.procurement.totalAmount' }.unit", equalTo("unstated"))
                .body("cells.find { it.key == 'activeDisclosure.procurement.totalAmount' }.unitInReport", equalTo(true))
                .body("cells.find { it.key == 'activeDisclosure.procurement.totalAmount' }.valueUnit", equalTo("万元"))
                .body("cells.find { it.key == 'activeDisclosure.procurement.totalAmount' }.label",
                        equalTo("表二｜第二十条第（九）项｜政府集中采购｜采购总金额"))
                .body("cells.find { it.key == 'applications.results.other.total' }.rowLabel", startsWith("三、本年度办理结果"))
                .body("rules.id", hasItems("R3.1", "R3.2", "R3.3", "R4.1", "R2.2", "P2.1", "X1", "X3"))
                .body("rules.find { it.id == 'R3.2' }.equations[0].right.size()", equalTo(19))
                .body("rules.find { it.id == 'P2.1' }.severity", equalTo("WARNING"))
                .body("rules.find { it.id == 'P2.1' }.crossYear", equalTo(false))
                .body("rules.find { it.id == 'P2.1' }.equations.relation", contains("AT_MOST", "AT_MOST"))
                .body("rules.find { it.id == 'P2.1' }.equations[0].text", equalTo(
                        "activeDisclosure.regulations.newlyPublished ≤ activeDisclosure.regulations.totalPublished"))
                .body("rules.find { it.id == 'R3.1' }.equations[0].relation", equalTo("EQUAL"))
                .body("rules.find { it.id == 'X1' }.crossYear", equalTo(true))
                .body("rules.find { it.id == 'X1' }.acrossForms", equalTo(false))
                .body("rules.find { it.id == 'X3' }.crossYear", equalTo(true))
                .body("rules.find { it.id == 'X3' }.acrossForms", equalTo(false))
                .body("rules.find { it.id == 'X2' }", nullValue());
    }

    @Test
    void anUnknownFormVersionIsA404Problem() {
        Api.reader().when().get("/api/v1/forms/1999")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("no form version 1999"));
    }
}
