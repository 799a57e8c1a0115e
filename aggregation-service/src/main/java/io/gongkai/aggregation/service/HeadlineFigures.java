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
import java.util.stream.Stream;

/**
 * The figures a dashboard leads with, per form: which cells make "applications received", "share granted" and the
 * rest. The figures are one list in the keys of the forms; a form that lacks a figure's cells (the 2019 form has no
 * fee amount) lists it as absent, so the page shows "—" there rather than a zero. Every cell named must be a cell of
 * some form, checked when this is built, so a renamed cell fails at start, not on a reader's screen.
 */
@ApplicationScoped
public class HeadlineFigures {

    private static final String RESULTS = "applications.results";
    /** A result row's label starts with its number on the form: （三）, 1. and the like. */
    private static final Pattern ORDINAL = Pattern.compile("^(（[一二三四五六七八九十]+）|\\d+\\.)");

    private static final List<Spec> FIGURES = List.of(
            Spec.sum("received", "收到申请", "本年新收 + 上年结转",
                    "applications.newReceived.total", "applications.carriedOver.total"),
            Spec.share("grantedShare", "公开率", "（予以公开 + 部分公开）÷ 办理结果总计",
                    List.of("applications.results.granted.total", "applications.results.partiallyGranted.total"),
                    List.of("applications.results.total.total")),
            Spec.sum("carriedForward", "结转下年度", "结转下年度继续办理", "applications.carriedForward.total"),
            Spec.sum("review", "行政复议", "行政复议总计", "reviewLitigation.review.total"),
            Spec.share("reviewCorrected", "复议纠错率", "结果纠正 ÷ 行政复议总计",
                    List.of("reviewLitigation.review.corrected"), List.of("reviewLitigation.review.total")),
            Spec.sum("litigation", "行政诉讼", "未经复议直接起诉 + 复议后起诉",
                    "reviewLitigation.litigationDirect.total", "reviewLitigation.litigationAfterReview.total"),
            Spec.share("litigationCorrected", "诉讼纠错率", "结果纠正 ÷ 行政诉讼总计",
                    List.of("reviewLitigation.litigationDirect.corrected", "reviewLitigation.litigationAfterReview.corrected"),
                    List.of("reviewLitigation.litigationDirect.total", "reviewLitigation.litigationAfterReview.total")),
            Spec.sum("licensing", "行政许可", "本年处理决定数量", "activeDisclosure.licensing.decisions"),
            Spec.sum("penalty", "行政处罚", "本年处理决定数量", "activeDisclosure.penalty.decisions"),
            Spec.sum("coercion", "行政强制", "本年处理决定数量", "activeDisclosure.coercion.decisions"),
            Spec.sum("fees", "行政事业性收费", "本年收费金额", "activeDisclosure.fees.amountWanYuan"));

    private final Map<String, FormFigures> byVersion = new LinkedHashMap<>();

    public HeadlineFigures() {
        FIGURES.forEach(Spec::check);
        Forms.all().forEach(form -> byVersion.put(form.version(), of(form,
                FIGURES.stream().map(spec -> spec.in(form)).toList())));
    }

    public Optional<FormFigures> forVersion(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /** A figure in the keys of the forms: a sum of cells, or that sum as a share of another sum when whole is given. */
    private record Spec(String id, String label, String hint, List<String> part, List<String> whole) {

        static Spec sum(String id, String label, String hint, String... keys) {
            return new Spec(id, label, hint, List.of(keys), List.of());
        }

        static Spec share(String id, String label, String hint, List<String> part, List<String> whole) {
            return new Spec(id, label, hint, part, whole);
        }

        /** Fails when no form has all the cells, or a sum would add cells of different units. */
        void check() {
            Forms.all().stream().filter(this::isIn).findFirst()
                    .orElseThrow(() -> new IllegalStateException("figure " + id + " names cells no form has"));
            Forms.all().stream().filter(this::isIn).forEach(form -> {
                unitOf(form, part);
                if (!whole.isEmpty()) {
                    unitOf(form, whole);
                }
            });
        }

        boolean isIn(FormDefinition form) {
            return Stream.concat(part.stream(), whole.stream()).allMatch(key -> form.cell(key).isPresent());
        }

        /** The figure as a form gives it; absent (no cells) in a form that lacks some of them. */
        Figure in(FormDefinition form) {
            FormDefinition having = isIn(form) ? form : Forms.all().stream().filter(this::isIn).findFirst().orElseThrow();
            Cell first = having.requireCell(part.get(0));
            String unit = whole.isEmpty() ? unitOf(having, part) : "%";
            boolean amount = whole.isEmpty() && first.type() == CellType.AMOUNT;
            if (!isIn(form)) {
                return new Figure(id, label, "表式 " + form.version() + " 没有这一项", unit, amount, List.of(), List.of(), true);
            }
            return new Figure(id, label, hint, unit, amount, part, whole, false);
        }

        private String unitOf(FormDefinition form, List<String> keys) {
            List<Cell> cells = keys.stream().map(form::requireCell).toList();
            if (cells.stream().map(Cell::unit).distinct().count() != 1) {
                throw new IllegalStateException("figure " + id + " adds cells of different units");
            }
            return cells.get(0).unit();
        }
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
