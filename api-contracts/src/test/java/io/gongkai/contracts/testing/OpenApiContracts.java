package io.gongkai.contracts.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.gongkai.contracts.openapi.FormSchemaFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The committed OpenAPI contracts in api-contracts ({@code src/main/resources/openapi/}) and how they are made from
 * what a service serves at /q/openapi: the service's document with the schemas of the statistics (those
 * {@link FormSchemaFilter} adds) moved to {@value #FORMS}, which each contract refers to. A service serves one
 * self-contained document; the committed files hold the form schemas once.
 *
 * <p>Each service's contract test compares the committed files with what it serves, and writes them first when the
 * system property {@value #WRITE_PROPERTY} is set ({@value #REGENERATE} sets it for both services).
 */
public final class OpenApiContracts {

    public static final String FORMS = "forms.yaml";
    public static final String WRITE_PROPERTY = "contracts.write";
    public static final String REGENERATE = "deploy/regenerate-contracts.sh";

    /** The contracts as seen from a service module, where its tests run. */
    private static final Path DIRECTORY = Path.of("..", "api-contracts", "src", "main", "resources", "openapi");
    private static final String LOCAL_SCHEMA = "#/components/schemas/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    public static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private OpenApiContracts() {
    }

    /** A committed file as generated: the comment it starts with and the document. */
    private record File(String name, String header, JsonNode document) {

        String text() {
            try {
                return header + YAML.writeValueAsString(document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The files a service's served document makes: its contract and {@value #FORMS}.
     *
     * @param service  the service's name as the header says it, e.g. "intake"
     * @param contract the contract's file name, e.g. "intake-api.yaml"
     * @param served   what the service serves at /q/openapi
     */
    private static List<File> generate(String service, String contract, JsonNode served) {
        Set<String> formSchemas = FormSchemaFilter.schemas().keySet();
        ObjectNode own = served.deepCopy();
        ObjectNode schemas = (ObjectNode) own.path("components").path("schemas");
        ObjectNode forms = JSON.createObjectNode();
        forms.set("openapi", served.path("openapi"));
        ObjectNode info = forms.putObject("info");
        info.put("title", "Gongkai form schemas");
        info.set("version", served.path("info").path("version"));
        ObjectNode formsSchemas = forms.putObject("components").putObject("schemas");
        for (String name : formSchemas) {
            JsonNode schema = schemas.remove(name);
            if (schema == null) {
                throw new IllegalStateException("the " + service + " service does not serve the form schema " + name);
            }
            formsSchemas.set(name, schema);
        }
        refer(own, formSchemas, FORMS + LOCAL_SCHEMA);
        requireLocalSchemas(own, schemas, contract);
        requireLocalSchemas(forms, formsSchemas, FORMS);
        return List.of(new File(contract, contractHeader(service), own), new File(FORMS, formsHeader(), forms));
    }

    /**
     * Every difference between the committed files and the ones the served document makes, one line each. Writes
     * the files first when {@value #WRITE_PROPERTY} is set.
     */
    public static List<String> check(String service, String contract, JsonNode served) {
        if (System.getProperty(WRITE_PROPERTY) != null) {
            generate(service, contract, served).forEach(OpenApiContracts::write);
        }
        return differencesFromCommitted(service, contract, served);
    }

    /** Every difference between the committed files and the ones the served document makes, one line each. */
    public static List<String> differencesFromCommitted(String service, String contract, JsonNode served) {
        List<String> differences = new ArrayList<>();
        for (File file : generate(service, contract, served)) {
            Optional<String> committed = committedText(file.name());
            if (committed.isEmpty()) {
                differences.add(file.name() + " is not committed");
                continue;
            }
            if (!committed.get().startsWith(file.header())) {
                differences.add(file.name() + " does not start with its generated header");
            }
            try {
                compare(file.name() + ":", YAML.readTree(committed.get()), file.document(), differences);
            } catch (IOException e) {
                differences.add(file.name() + " is not YAML: " + e.getMessage());
            }
        }
        return differences;
    }

    /** A committed contract, read from api-contracts on disk or else from the classpath. */
    public static Optional<JsonNode> committed(String name) {
        return committedText(name).map(text -> {
            try {
                return YAML.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String contractHeader(String service) {
        return "# The contract of the " + service + " service's API, generated from what it serves at /q/openapi: do not\n"
                + "# edit it by hand. The schemas of the statistics (Statistics{version}, Submission{version}, their\n"
                + "# sections, and Statistics and Submission, which accept any form) are in " + FORMS + ", generated\n"
                + "# from the form definitions; the service serves them within its own document.\n"
                + "# Regenerate every contract with " + REGENERATE + "; the service's contract test fails while\n"
                + "# this file differs from what the service serves.\n";
    }

    private static String formsHeader() {
        return "# The schemas of the statistics, generated from the form definitions (forms/*/cells.tsv in api-contracts)\n"
                + "# by FormSchemaFilter: do not edit by hand. The contracts of both services refer to them here; each\n"
                + "# service serves them within its own /q/openapi. Regenerate every contract with " + REGENERATE + ".\n";
    }

    /** Points every local reference to one of {@code moved} at {@code target} followed by the schema's name. */
    private static void refer(JsonNode node, Set<String> moved, String target) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            String name = localSchema(object);
            if (name != null && moved.contains(name)) {
                object.set("$ref", TextNode.valueOf(target + name));
            }
            object.forEach(child -> refer(child, moved, target));
        } else if (node.isArray()) {
            node.forEach(child -> refer(child, moved, target));
        }
    }

    /** Fails on a local reference to a schema the document does not hold: each file must stand on its own refs. */
    private static void requireLocalSchemas(JsonNode node, JsonNode schemas, String file) {
        if (node.isObject()) {
            String name = localSchema((ObjectNode) node);
            if (name != null && !schemas.has(name)) {
                throw new IllegalStateException(file + " refers to " + name + ", which it does not hold");
            }
        }
        node.forEach(child -> requireLocalSchemas(child, schemas, file));
    }

    private static String localSchema(ObjectNode object) {
        JsonNode ref = object.get("$ref");
        return ref != null && ref.isTextual() && ref.textValue().startsWith(LOCAL_SCHEMA)
                ? ref.textValue().substring(LOCAL_SCHEMA.length()) : null;
    }

    private static void write(File file) {
        try {
            Files.writeString(DIRECTORY.resolve(file.name()), file.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> committedText(String name) {
        try {
            Path onDisk = DIRECTORY.resolve(name);
            if (Files.exists(onDisk)) {
                return Optional.of(Files.readString(onDisk, StandardCharsets.UTF_8));
            }
            try (InputStream in = OpenApiContracts.class.getResourceAsStream("/openapi/" + name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds every difference between two documents, one line each, by JSON pointer; numbers compare by value. */
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
