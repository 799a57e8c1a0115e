package io.gongkai.aggregation.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.aggregation.support.IntakeStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.gongkai.contracts.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API the service serves is the one api-contracts documents (openapi/aggregation-api.yaml). When the service
 * changes on purpose, copy target/openapi/openapi.yaml (written by the tests) over the contract and review the diff.
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = {Roles.READER, Roles.ADMIN})
class AggregationContractTest {

    @Test
    void theServedOpenApiDocumentIsTheContract() throws Exception {
        JsonNode contract = Contracts.read("aggregation-api.yaml")
                .orElseThrow(() -> new AssertionError("api-contracts has no openapi/aggregation-api.yaml"));
        JsonNode served = Contracts.JSON.readTree(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());

        List<String> differences = Contracts.differences(contract, served);

        assertThat(differences).as("differences between api-contracts/src/main/resources/openapi/aggregation-api.yaml "
                + "and what the service serves (copy target/openapi/openapi.yaml over the contract if intended)").isEmpty();
    }
}
