package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.testing.OpenApiContracts;
import io.gongkai.intake.Reports;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What intake serves at /q/openapi is its contract in api-contracts: openapi/intake-api.yaml, with the form schemas
 * in openapi/forms.yaml. When the API changes on purpose, regenerate the committed files with
 * deploy/regenerate-contracts.sh and review their diff.
 */
@QuarkusTest
class ContractTest {

    @Test
    void theServedDocumentIsTheContract() throws Exception {
        assertThat(OpenApiContracts.check("intake", "intake-api.yaml", served()))
                .as("differences between the committed contracts and what intake serves "
                        + "(regenerate them with " + OpenApiContracts.REGENERATE + " if intended)")
                .isEmpty();
    }

    @Test
    void aServedDocumentThatDiffersFromTheCommittedFilesIsReported() throws Exception {
        JsonNode served = served();
        ((ObjectNode) served.path("paths")).remove("/api/v1/forms");
        ((ObjectNode) served.at("/components/schemas/Statistics2019")).put("description", "changed");

        assertThat(OpenApiContracts.differencesFromCommitted("intake", "intake-api.yaml", served))
                .anyMatch(difference -> difference.startsWith("missing from the service intake-api.yaml:/paths/~1api~1v1~1forms"))
                .anyMatch(difference -> difference.startsWith(
                        "changed forms.yaml:/components/schemas/Statistics2019/description"));
    }

    @Test
    void theCommittedContractRefersToTheFormSchemasInOnePlace() {
        JsonNode contract = OpenApiContracts.committed("intake-api.yaml").orElseThrow();
        JsonNode forms = OpenApiContracts.committed(OpenApiContracts.FORMS).orElseThrow();

        assertThat(contract.at("/components/schemas/Statistics2021").isMissingNode()).isTrue();
        assertThat(contract.at("/components/schemas/SubmissionVersionView/properties/submission/$ref").asText())
                .isEqualTo("forms.yaml#/components/schemas/Submission");
        assertThat(forms.at("/components/schemas/Statistics2019/properties/activeDisclosure/$ref").asText())
                .isEqualTo("#/components/schemas/ActiveDisclosure2019");
    }

    @Test
    void eachFormHasItsStatisticsSchemaWithTheOfficialLabels() throws Exception {
        JsonNode schemas = served().path("components").path("schemas");
        for (FormDefinition form : Forms.all()) {
            for (Cell cell : form.cells()) {
                JsonNode property = property(schemas, form, cell);
                assertThat(property.path("description").asText()).as(form.version() + " " + cell.key())
                        .startsWith(cell.label());
            }
        }
        assertThat(property(schemas, Forms.require("2019"), "activeDisclosure.regulations.totalPublished")
                .path("description").asText()).contains("对外公开总数量");
        assertThat(property(schemas, Forms.require("2021"), "activeDisclosure.regulations.inForce")
                .path("description").asText()).contains("现行有效件数");
        assertThat(schemas.at("/Statistics/oneOf/0/$ref").asText()).isEqualTo("#/components/schemas/Statistics2021");
        assertThat(schemas.at("/Statistics/oneOf/1/$ref").asText()).isEqualTo("#/components/schemas/Statistics2019");
    }

    @Test
    void signedCellsMayBeNegativeAndTheAmountGivesItsUnit() throws Exception {
        JsonNode schemas = served().path("components").path("schemas");
        FormDefinition form2019 = Forms.require("2019");

        JsonNode change = property(schemas, form2019, "activeDisclosure.licensing.changeThisYear");
        assertThat(change.path("type").asText()).isEqualTo("integer");
        assertThat(change.path("minimum").decimalValue()).isNegative();
        assertThat(property(schemas, form2019, "activeDisclosure.licensing.decisions").path("minimum").intValue())
                .isZero();

        JsonNode amount = property(schemas, form2019, "activeDisclosure.procurement.totalAmount");
        assertThat(amount.path("type").asText()).isEqualTo("object");
        assertThat(amount.at("/properties/amount/type").asText()).isEqualTo("number");
        assertThat(amount.at("/properties/amount/minimum").intValue()).isZero();
        assertThat(amount.at("/properties/amount/multipleOf").isNumber()).isTrue();
        assertThat(amount.at("/properties/unit/enum").toString()).isEqualTo("[\"元\",\"万元\"]");
        assertThat(amount.path("required").toString()).isEqualTo("[\"amount\"]");
    }

    @Test
    void aSubmissionIsOneOfTheFormsWithTheYearsEachCovers() throws Exception {
        JsonNode schemas = served().path("components").path("schemas");

        assertThat(schemas.at("/Submission/oneOf").findValuesAsText("$ref")).containsExactly(
                "#/components/schemas/Submission2021", "#/components/schemas/Submission2019");
        assertThat(schemas.at("/Submission2019/properties/year/minimum").intValue()).isEqualTo(Forms.firstReportYear());
        assertThat(schemas.at("/Submission2019/properties/year/maximum").intValue()).isEqualTo(2020);
        assertThat(schemas.at("/Submission2021/properties/year/minimum").intValue()).isEqualTo(2021);
        assertThat(schemas.at("/Submission2021/properties/formVersion/description").asText())
                .contains("2019–2020 年为 2019 格式").contains("2021 年起为 2021 格式");
        assertThat(schemas.at("/Submission2021/example/unit/code").asText()).isEqualTo("640402100");
        assertThat(schemas.at("/Submission2021/example/activeDisclosure/licensing/decisions").intValue()).isEqualTo(179);
        assertThat(schemas.at("/Submission2019/example/formVersion").asText()).isEqualTo("2019");
        assertThat(schemas.at("/Submission2019/example/activeDisclosure/procurement/totalAmount/unit").asText())
                .isEqualTo("元");
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static JsonNode served() throws Exception {
        return Reports.JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    private static JsonNode property(JsonNode schemas, FormDefinition form, String key) {
        return property(schemas, form, form.requireCell(key));
    }

    /** A cell's property: from its section's schema down its dotted key. */
    private static JsonNode property(JsonNode schemas, FormDefinition form, Cell cell) {
        String[] path = cell.key().split("\\.");
        String section = Character.toUpperCase(path[0].charAt(0)) + path[0].substring(1) + form.version();
        JsonNode node = schemas.path(section);
        for (int i = 1; i < path.length; i++) {
            node = node.path("properties").path(path[i]);
        }
        assertThat(node.isMissingNode()).as(form.version() + " " + cell.key() + " in the served schemas").isFalse();
        return node;
    }
}
