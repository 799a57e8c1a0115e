package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.FormFigures;
import io.gongkai.aggregation.api.FormFigures.Figure;
import io.gongkai.aggregation.api.FormFigures.ResultRow;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellType;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.FormNode;
import io.gongkai.contracts.form.Forms;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The figures a dashboard leads with, per form: which cells make "applications received", "share granted" and the
 * rest. Every cell named is checked against the form definition when this is built, so a renamed cell fails at start,
 * not on a reader's screen. A new form version adds its own list here; the page reads whichever the totals use.
 */
@ApplicationScoped
public class HeadlineFigures {

    private static final String RESULTS = "applications.results";
    /** A result row's label starts with its number on the form: （三）, 1. and the like. */
    private static final Pattern ORDINAL = Pattern.compile("^(（[一二三四五六七八九十]+）|\\d+\\.)");

    private final Map<String, FormFigures> byVersion = new LinkedHashMap<>();

    public HeadlineFigures() {
        FormDefinition v2021 = Forms.require("2021");
        byVersion.put(v2021.version(), of(v2021, figures2021(v2021)));
    }

    public Optional<FormFigures> forVersion(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    private static List<Figure> figures2021(FormDefinition form) {
        return List.of(
                sum(form, "received", "收到申请", "本年新收 + 上年结转",
                        "applications.newReceived.total", "applications.carriedOver.total"),
                share(form, "grantedShare", "公开率", "（予以公开 + 部分公开）÷ 办理结果总计",
                        List.of("applications.results.granted.total", "applications.results.partiallyGranted.total"),
                        List.of("applications.results.total.total")),
                sum(form, "carriedForward", "结转下年度", "结转下年度继续办理", "applications.carriedForward.total"),
                sum(form, "review", "行政复议", "行政复议总计", "reviewLitigation.review.total"),
                share(form, "reviewCorrected", "复议纠错率", "结果纠正 ÷ 行政复议总计",
                        List.of("reviewLitigation.review.corrected"), List.of("reviewLitigation.review.total")),
                sum(form, "litigation", "行政诉讼", "未经复议直接起诉 + 复议后起诉",
                        "reviewLitigation.litigationDirect.total", "reviewLitigation.litigationAfterReview.total"),
                share(form, "litigationCorrected", "诉讼纠错率", "结果纠正 ÷ 行政诉讼总计",
                        List.of("reviewLitigation.litigationDirect.corrected", "reviewLitigation.litigationAfterReview.corrected"),
                        List.of("reviewLitigation.litigationDirect.total", "reviewLitigation.litigationAfterReview.total")),
                sum(form, "licensing", "行政许可", "本年处理决定数量", "activeDisclosure.licensing.decisions"),
                sum(form, "penalty", "行政处罚", "本年处理决定数量", "activeDisclosure.penalty.decisions"),
                sum(form, "coercion", "行政强制", "本年处理决定数量", "activeDisclosure.coercion.decisions"),
                sum(form, "fees", "行政事业性收费", "本年收费金额", "activeDisclosure.fees.amountWanYuan"));
    }

    private static Figure sum(FormDefinition form, String id, String label, String hint, String... keys) {
        List<Cell> cells = List.of(keys).stream().map(form::requireCell).toList();
        if (cells.stream().map(Cell::unit).distinct().count() != 1) {
            throw new IllegalStateException("figure " + id + " adds cells of different units");
        }
        return new Figure(id, label, hint, cells.get(0).unit(), cells.get(0).type() == CellType.AMOUNT, List.of(keys), List.of());
    }

    private static Figure share(FormDefinition form, String id, String label, String hint, List<String> part,
            List<String> whole) {
        sum(form, id, label, hint, part.toArray(String[]::new));
        sum(form, id, label, hint, whole.toArray(String[]::new));
        return new Figure(id, label, hint, "%", false, part, whole);
    }

    private static FormFigures of(FormDefinition form, List<Figure> figures) {
        List<ResultRow> rows = form.group(RESULTS).descendants().stream()
                .filter(node -> !node.isCell() && node.children().values().stream().allMatch(FormNode::isCell))
                .filter(node -> !node.path().equals(RESULTS + ".total"))
                .map(node -> form.requireCell(node.path() + ".total"))
                .map(cell -> new ResultRow(cell.key(), shortLabel(cell.rowLabel()), cell.rowLabel()))
                .toList();
        Map<String, String> labels = new LinkedHashMap<>();
        form.cells().forEach(cell -> labels.put(cell.pointer(), cell.label()));
        return new FormFigures(form.version(), form.title(), figures, rows, labels);
    }

    /**
     * "三/（三）不予公开/1.属于国家秘密" becomes "不予公开·属于国家秘密": the table's heading and the numbering go, and so
     * does an explanation in brackets after the name ("部分公开（区分处理的，…）").
     */
    static String shortLabel(String rowLabel) {
        String[] segments = rowLabel.split("/");
        StringBuilder label = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = ORDINAL.matcher(segments[i]).replaceFirst("");
            int explanation = segment.indexOf('（');
            if (explanation > 0) {
                segment = segment.substring(0, explanation);
            }
            label.append(label.isEmpty() ? "" : "·").append(segment);
        }
        return label.toString();
    }
}
