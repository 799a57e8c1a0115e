package io.gongkai.aggregation.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.aggregation.client.IntakeFeedApi;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.api.FeedPage;
import io.gongkai.contracts.testing.OpenApiContracts;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Aggregation's REST client for intake's feed asks only for what intake's contract (intake-api.yaml) offers. */
class IntakeClientContractTest {

    @Test
    void everyClientMethodIsAnOperationOfIntakesContract() {
        JsonNode contract = intakeContract();
        String base = IntakeFeedApi.class.getAnnotation(Path.class).value();
        List<Method> methods = Arrays.stream(IntakeFeedApi.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(GET.class)).toList();
        assertThat(methods).isNotEmpty();
        for (Method method : methods) {
            String path = base + (method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "");
            JsonNode operation = contract.path("paths").path(path).path("get");
            assertThat(operation.isMissingNode()).as("GET %s in intake-api.yaml", path).isFalse();
            List<String> queryParameters = StreamSupport.stream(operation.path("parameters").spliterator(), false)
                    .filter(p -> p.path("in").asText().equals("query")).map(p -> p.path("name").asText()).toList();
            for (Parameter parameter : method.getParameters()) {
                if (parameter.isAnnotationPresent(QueryParam.class)) {
                    assertThat(queryParameters).as("query parameters of GET %s", path)
                            .contains(parameter.getAnnotation(QueryParam.class).value());
                }
            }
        }
    }

    @Test
    void theFeedRecordsReadEveryPropertyIntakeDocuments() {
        JsonNode schemas = intakeContract().path("components").path("schemas");
        assertThat(properties(schemas.path("FeedPage"))).containsExactlyInAnyOrderElementsOf(components(FeedPage.class));
        assertThat(properties(schemas.path("FeedEntry"))).containsExactlyInAnyOrderElementsOf(components(FeedEntry.class));
    }

    private static JsonNode intakeContract() {
        var contract = OpenApiContracts.committed("intake-api.yaml");
        assumeTrue(contract.isPresent(), "api-contracts/src/main/resources/openapi/intake-api.yaml does not exist yet: "
                + "the client cannot be checked against intake's contract");
        return contract.get();
    }

    private static List<String> properties(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
