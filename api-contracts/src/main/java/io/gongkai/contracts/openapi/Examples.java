package io.gongkai.contracts.openapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.contracts.form.FormDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The example submissions of the contracts, one per form, each naming its formVersion: 三营镇's 2023 report as it
 * published it, and a 2020 report of the same township in the 2019 form.
 */
final class Examples {

    static final List<String> SUBMISSIONS = List.of("/examples/sanying-township-2023.json",
            "/examples/sanying-township-2020.json");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Examples() {
    }

    /** The example submission made in a form, as plain maps and lists for the OpenAPI model. */
    static Optional<Object> submission(FormDefinition form) {
        for (String resource : SUBMISSIONS) {
            JsonNode example = read(resource);
            if (example.path("formVersion").asText().equals(form.version())) {
                return Optional.of(JSON.convertValue(example, Object.class));
            }
        }
        return Optional.empty();
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Examples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("example " + resource + " is missing");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
