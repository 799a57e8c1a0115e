package io.gongkai.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.StatisticsJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** Reports for tests: the published 三营镇 2023 report, and variations of it. */
public final class Reports {

    public static final JsonMapper JSON = JsonMapper.builder().nodeFactory(StatisticsJson.NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private Reports() {
    }

    /** The 三营镇 (640402100) 2023 report as published, its missing 行政复议 cells as 0. */
    public static ObjectNode sanying() {
        try (InputStream in = Reports.class.getResourceAsStream("/examples/sanying-township-2023.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample report moved to another unit and year. */
    public static ObjectNode forUnit(String code, String name, int year) {
        ObjectNode report = sanying();
        ObjectNode unit = (ObjectNode) report.get("unit");
        unit.put("code", code);
        unit.put("name", name);
        report.put("year", year);
        return report;
    }

    /**
     * A report with applications in several rows and columns, a fee with six decimal places and review cases,
     * that satisfies every same-year rule: 5 new + 2 carried over = 6 handled + 1 carried forward. Its texts
     * state no figures (tests vary them) and, unlike 三营镇's, do not say that no application came in.
     */
    public static ObjectNode busy(String code, String name, int year) {
        ObjectNode report = forUnit(code, name, year);
        ObjectNode text = (ObjectNode) report.get("text");
        text.put("overview", "全年主动公开政务信息，内容包括法治政府建设情况、部门预决算、人事信息等各个方面。"
                + "收到的政府信息公开申请均在法定期限内答复。");
        text.put("otherMatters", "本机关未收取信息处理费。");
        set(report, "activeDisclosure.normativeDocuments.issued", 3);
        set(report, "activeDisclosure.normativeDocuments.inForce", 12);
        set(report, "activeDisclosure.fees.amountWanYuan", new BigDecimal("5949.088667"));
        row(report, "applications.newReceived", 4, 1);
        row(report, "applications.carriedOver", 2, 0);
        row(report, "applications.results.granted", 3, 1);
        row(report, "applications.results.withheld.stateSecret", 1, 0);
        row(report, "applications.results.notProcessed.duplicate", 1, 0);
        row(report, "applications.results.total", 5, 1);
        row(report, "applications.carriedForward", 1, 0);
        set(report, "reviewLitigation.review.upheld", 1);
        set(report, "reviewLitigation.review.pending", 1);
        set(report, "reviewLitigation.review.total", 2);
        return report;
    }

    /** Sets one row: natural persons, commercial enterprises, and the total. */
    public static void row(ObjectNode report, String row, int naturalPersons, int enterprises) {
        set(report, row + ".naturalPerson", naturalPersons);
        set(report, row + ".commercialEnterprise", enterprises);
        set(report, row + ".total", naturalPersons + enterprises);
    }

    public static void set(ObjectNode report, String key, long value) {
        parent(report, key).put(leaf(key), value);
    }

    public static void set(ObjectNode report, String key, BigDecimal value) {
        parent(report, key).put(leaf(key), value);
    }

    public static void set(ObjectNode report, String key, JsonNode value) {
        parent(report, key).set(leaf(key), value);
    }

    public static void remove(ObjectNode report, String key) {
        parent(report, key).remove(leaf(key));
    }

    public static String text(JsonNode report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode parent(ObjectNode report, String key) {
        ObjectNode node = report;
        String[] segments = key.split("\\.");
        for (int i = 0; i < segments.length - 1; i++) {
            node = (ObjectNode) node.get(segments[i]);
        }
        return node;
    }

    private static String leaf(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
