package io.gongkai.aggregation.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.contracts.testing.ValidReports;
import io.restassured.response.ValidatableResponse;

/** Reads answers of the service with exact decimals (RestAssured's JsonPath would read floats). */
public final class Totals {

    private Totals() {
    }

    public static JsonNode json(ValidatableResponse response) {
        try {
            return IntakeStub.JSON.readTree(response.extract().asString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cells of a totals object in the 2021 form. */
    public static CellValues cells(JsonNode totals) {
        return cells(ValidReports.FORM, totals);
    }

    /** The cells of a totals object in the given form; a cell missing fails. */
    public static CellValues cells(FormDefinition form, JsonNode totals) {
        CellValues cells = StatisticsJson.read(form, totals);
        if (!cells.isComplete()) {
            throw new AssertionError("totals lack cells: " + totals);
        }
        return cells;
    }
}
