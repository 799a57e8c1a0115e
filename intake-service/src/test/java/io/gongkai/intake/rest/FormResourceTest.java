package io.gongkai.intake.rest;

import io.gongkai.intake.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class FormResourceTest {

    @Test
    void theFormDefinitionIsPublishedWithCellsLabelsAndRules() {
        Api.reader().when().get("/api/v1/forms/2021")
                .then().statusCode(200)
                .body("version", equalTo("2021"))
                .body("cells.size()", equalTo(200))
                .body("cells.find { it.key == 'activeDisclosure.fees.amountWanYuan' }.unit", equalTo("万元"))
                .body("cells.find { it.key == 'activeDisclosure.fees.amountWanYuan' }.type", equalTo("AMOUNT"))
                .body("cells.find { it.key == 'applications.newReceived.naturalPerson' }.columnLabel", equalTo("自然人"))
                .body("rules.id", hasItems("R3.1", "R3.2", "R3.3", "R4.1", "R2.2", "X1", "X2"))
                .body("rules.find { it.id == 'R3.3' }.equations.size()", equalTo(25))
                .body("rules.find { it.id == 'X1' }.crossYear", equalTo(true));
    }

    @Test
    void anUnknownFormVersionIsA404Problem() {
        Api.reader().when().get("/api/v1/forms/1999")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
