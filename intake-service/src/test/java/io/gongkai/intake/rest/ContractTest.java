package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gongkai.intake.Reports;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What intake serves at /q/openapi is the contract in api-contracts, compared as parsed documents. When the API
 * changes on purpose, the new document is in target/openapi/openapi.yaml after a test run: review it and copy it
 * to api-contracts/src/main/resources/openapi/intake-api.yaml.
 */
@QuarkusTest
class ContractTest {

    static final String CONTRACT = "/openapi/intake-api.yaml";

    @Test
    void theServedDocumentIsTheContract() throws Exception {
        JsonNode served = Reports.JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode contract;
        try (InputStream in = ContractTest.class.getResourceAsStream(CONTRACT)) {
            assertThat(in).as("contract " + CONTRACT + " on the classpath").isNotNull();
            contract = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(in);
        }
        List<String> differences = new ArrayList<>();
        diff("", contract, served, differences);
        assertThat(differences).as("differences between the contract and the served document").isEmpty();
    }

    @Test
    void everyCellPropertyIsDescribedWithItsOfficialLabel() throws Exception {
        JsonNode served = Reports.JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode cell = served.at("/components/schemas/Applications2021/properties/results/properties/withheld"
                + "/properties/stateSecret/properties/naturalPerson");
        assertThat(cell.get("description").asText()).contains("属于国家秘密").contains("自然人");
        assertThat(served.at("/components/schemas/Submission/example/unit/code").asText()).isEqualTo("640402100");
        assertThat(served.at("/components/schemas/Submission/example/activeDisclosure/licensing/decisions").intValue())
                .isEqualTo(179);
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    static void diff(String pointer, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    differences.add("only served: " + child);
                } else if (!actual.has(name)) {
                    differences.add("only in the contract: " + child);
                } else {
                    diff(child, expected.get(name), actual.get(name), differences);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext(); i++) {
                diff(pointer + "/" + i, e.next(), a.next(), differences);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                differences.add(pointer + ": contract " + expected + ", served " + actual);
            }
        } else if (!expected.equals(actual)) {
            differences.add(pointer + ": contract " + expected + ", served " + actual);
        }
    }
}
