package io.gongkai.aggregation.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The OpenAPI documents of api-contracts, read from the module on disk or else from the classpath. */
final class Contracts {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Contracts() {
    }

    static Optional<JsonNode> read(String name) {
        Path onDisk = Path.of("..", "api-contracts", "src", "main", "resources", "openapi", name);
        try {
            if (Files.exists(onDisk)) {
                return Optional.of(YAML.readTree(onDisk.toFile()));
            }
            try (InputStream in = Contracts.class.getResourceAsStream("/openapi/" + name)) {
                return in == null ? Optional.empty() : Optional.of(YAML.readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every difference between two documents, one line each, by JSON pointer; numbers compare by value. */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare("", expected, actual, differences);
        return differences;
    }

    private static void compare(String pointer, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                differences.add("changed " + pointer + ": " + expected + " -> " + actual);
            }
        } else if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    differences.add("missing from the service " + child + ": " + abbreviate(expected.get(name)));
                } else if (!expected.has(name)) {
                    differences.add("not in the contract " + child + ": " + abbreviate(actual.get(name)));
                } else {
                    compare(child, expected.get(name), actual.get(name), differences);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext(); i++) {
                compare(pointer + "/" + i, e.next(), a.next(), differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add("changed " + pointer + ": " + abbreviate(expected) + " -> " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
