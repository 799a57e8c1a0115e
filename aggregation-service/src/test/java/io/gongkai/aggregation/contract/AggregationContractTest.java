package io.gongkai.aggregation.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.aggregation.support.IntakeStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.OpenApiContracts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API the service serves is the one api-contracts documents: openapi/aggregation-api.yaml, with the form schemas
 * in openapi/forms.yaml. When the service changes on purpose, regenerate the committed files with
 * deploy/regenerate-contracts.sh and review their diff.
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = {Roles.READER, Roles.ADMIN})
class AggregationContractTest {

    @Test
    void theServedOpenApiDocumentIsTheContract() throws Exception {
        JsonNode served = OpenApiContracts.JSON.readTree(given().accept("application/json")
                .when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());

        assertThat(OpenApiContracts.check("aggregation", "aggregation-api.yaml", served))
                .as("differences between the committed contracts and what the service serves "
                        + "(regenerate them with " + OpenApiContracts.REGENERATE + " if intended)")
                .isEmpty();
    }

    @Test
    void totalsAreStatisticsOfEitherForm() throws Exception {
        JsonNode served = OpenApiContracts.JSON.readTree(given().accept("application/json")
                .when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        JsonNode schemas = served.path("components").path("schemas");

        assertThat(schemas.at("/AggregateView/properties/totals/$ref").asText()).isEqualTo("#/components/schemas/Statistics");
        assertThat(schemas.at("/ChildAggregate/properties/totals/$ref").asText()).isEqualTo("#/components/schemas/Statistics");
        assertThat(schemas.at("/YearTotals/properties/totals/type").asText())
                .as("a trend's year leaves out the cells it has nothing comparable for: not a whole form's statistics")
                .isEqualTo("object");
        assertThat(schemas.at("/Statistics/oneOf").findValuesAsText("$ref")).containsExactlyInAnyOrder(
                "#/components/schemas/Statistics2019", "#/components/schemas/Statistics2021");
    }
}
