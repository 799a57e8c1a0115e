package io.gongkai.contracts.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.GovernmentLevel;
import io.gongkai.contracts.form.RuleEvaluator;
import io.gongkai.contracts.form.StatisticsJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFormHasAnExampleThatGivesEveryCellAndKeepsEveryRule() {
        for (FormDefinition form : Forms.all()) {
            JsonNode example = JSON.valueToTree(Examples.submission(form)
                    .orElseThrow(() -> new AssertionError("no example submission in the " + form.version() + " form")));
            CellValues values = StatisticsJson.read(form, example);

            assertThat(example.path("formVersion").asText()).isEqualTo(form.version());
            assertThat(Forms.forYear(example.path("year").intValue())).contains(form);
            assertThat(values.isComplete()).as("every cell of the " + form.version() + " example").isTrue();
            assertThat(RuleEvaluator.sameYear(values, GovernmentLevel.TOWNSHIP)).as(form.version() + " example").isEmpty();
        }
    }
}
