package io.gongkai.contracts.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 2021 format (国办公开办函〔2021〕30号), used for report years 2021 on. Its cells are the table in
 * {@code forms/2021/cells.tsv}; its rules are stated here over the shape those cells take.
 */
final class Form2021 {

    static final String VERSION = "2021";

    private static final String APPLICATIONS = "applications";
    private static final String RESULTS = "applications.results";
    private static final String TOTAL = "total";

    private Form2021() {
    }

    static FormDefinition load() {
        return new FormDefinition(VERSION, "政府信息公开工作年度报告（国办公开办函〔2021〕30号）", 2021,
                FormDefinition.readCells("/forms/2021/cells.tsv"),
                Map.of("activeDisclosure", "二、主动公开政府信息情况",
                        APPLICATIONS, "三、收到和处理政府信息公开申请情况",
                        RESULTS, "三、本年度办理结果",
                        "reviewLitigation", "四、政府信息公开行政复议、行政诉讼情况"),
                Form2021::rules);
    }

    private static List<Rule> rules(FormDefinition form) {
        FormNode applications = form.group(APPLICATIONS);
        List<String> columns = List.copyOf(applications.children().get("newReceived").children().keySet());
        return List.of(
                new Rule("R3.1", Severity.ERROR,
                        "每一列：本年新收 + 上年结转 = 本年度办理结果总计 + 结转下年度继续办理",
                        "表三表头：第一项加第二项之和，等于第三项加第四项之和", Applicability.ALL_UNITS,
                        columns.stream().map(c -> new Equation(
                                List.of(current(APPLICATIONS, "newReceived", c), current(APPLICATIONS, "carriedOver", c)),
                                List.of(current(RESULTS, TOTAL, c), current(APPLICATIONS, "carriedForward", c))))
                                .toList()),
                new Rule("R3.2", Severity.ERROR, "每一列：（七）总计 = 各办理结果行之和",
                        "（七）总计；每件申请只计一种办理结果", Applicability.ALL_UNITS,
                        resultTotals(form, columns)),
                new Rule("R3.3", Severity.ERROR, "每一行：总计 = 自然人 + 法人或其他组织各列之和",
                        "表三总计列", Applicability.ALL_UNITS, rowTotals(applications)),
                new Rule("R4.1", Severity.ERROR, "行政复议、行政诉讼每一栏：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
                        "表四总计", Applicability.ALL_UNITS, rowTotals(form.group("reviewLitigation"))),
                new Rule("R2.2", Severity.WARNING, "乡镇、街道和县级机关不能制定规章：规章各栏应为 0",
                        "《立法法》", Applicability.COUNTY_LEVEL_AND_BELOW,
                        form.group("activeDisclosure.regulations").children().values().stream()
                                .map(cell -> new Equation(List.of(Term.current(cell.path())), List.of())).toList()),
                new Rule("X1", Severity.WARNING, "每一列：本年上年结转 = 上年结转下年度继续办理",
                        "跨年度核对惯例", Applicability.ALL_UNITS,
                        columns.stream().map(c -> new Equation(
                                List.of(current(APPLICATIONS, "carriedOver", c)),
                                List.of(Term.previous(APPLICATIONS + ".carriedForward." + c)))).toList()),
                new Rule("X2", Severity.WARNING, "规章、行政规范性文件：本年现行有效 = 上年现行有效 + 本年制发 − 本年废止",
                        "跨年度核对惯例（清理文件后可合理不符）", Applicability.ALL_UNITS,
                        List.of("activeDisclosure.regulations", "activeDisclosure.normativeDocuments").stream()
                                .map(row -> new Equation(
                                        List.of(Term.current(row + ".inForce"), Term.current(row + ".repealed")),
                                        List.of(Term.previous(row + ".inForce"), Term.current(row + ".issued"))))
                                .toList()));
    }

    /** For each column: the total row equals the sum of every other result row (the form has no subtotal rows). */
    private static List<Equation> resultTotals(FormDefinition form, List<String> columns) {
        List<String> resultRows = form.group(RESULTS).descendants().stream()
                .filter(node -> !node.isCell() && node.children().values().stream().allMatch(FormNode::isCell))
                .map(FormNode::path)
                .filter(path -> !path.equals(RESULTS + "." + TOTAL))
                .toList();
        return columns.stream().map(c -> new Equation(
                List.of(current(RESULTS, TOTAL, c)),
                resultRows.stream().map(row -> Term.current(row + "." + c)).toList())).toList();
    }

    /** For each row under a group: its total cell equals the sum of the row's other cells. */
    private static List<Equation> rowTotals(FormNode group) {
        List<Equation> equations = new ArrayList<>();
        for (FormNode row : group.descendants()) {
            FormNode total = row.children().get(TOTAL);
            if (row.isCell() || total == null || !total.isCell()) {
                continue;
            }
            List<Term> parts = row.children().values().stream().filter(n -> n != total)
                    .map(n -> Term.current(n.path())).toList();
            equations.add(new Equation(List.of(Term.current(total.path())), parts));
        }
        return equations;
    }

    private static Term current(String group, String row, String column) {
        return Term.current(group + "." + row + "." + column);
    }
}
