package io.gongkai.contracts.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules both form versions state the same way over their own shape: table 三's balance, result total and row
 * totals, table 四's totals, 规章 at county level and below, and applications carried from one year to the next.
 * Each is built from the form it is given, so a form with other rows gets the same rule over its rows.
 */
final class FormRules {

    static final String APPLICATIONS = "applications";
    static final String RESULTS = "applications.results";
    static final String TOTAL = "total";

    /** The headings of the sections and groups whose cells share no row label to take one from. */
    static final Map<String, String> GROUP_HEADINGS = Map.of("activeDisclosure", "二、主动公开政府信息情况",
            APPLICATIONS, "三、收到和处理政府信息公开申请情况",
            RESULTS, "三、本年度办理结果",
            "reviewLitigation", "四、政府信息公开行政复议、行政诉讼情况");

    private FormRules() {
    }

    /** R3.1, R3.2, R3.3, R4.1 and R2.2, the rules every report of the form must keep (R2.2 warns). */
    static List<Rule> sameYear(FormDefinition form) {
        List<String> columns = columns(form);
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
                        "表三总计列", Applicability.ALL_UNITS, rowTotals(form.group(APPLICATIONS))),
                new Rule("R4.1", Severity.ERROR, "行政复议、行政诉讼每一栏：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
                        "表四总计", Applicability.ALL_UNITS, rowTotals(form.group("reviewLitigation"))),
                new Rule("R2.2", Severity.WARNING, "乡镇、街道和县级机关不能制定规章：规章各栏应为 0",
                        "《立法法》", Applicability.COUNTY_LEVEL_AND_BELOW,
                        form.group("activeDisclosure.regulations").children().values().stream()
                                .map(cell -> new Equation(List.of(Term.current(cell.path())), List.of())).toList()));
    }

    /**
     * X1: this year's carried-over applications are last year's carried-forward ones.
     *
     * @param acrossForms whether the rule also holds against a previous report in another form version (table 三's
     *                    rows 上年结转 and 结转下年度继续办理 are the same in both)
     */
    static Rule carriedOver(FormDefinition form, boolean acrossForms) {
        return new Rule("X1", Severity.WARNING, "每一列：本年上年结转 = 上年结转下年度继续办理",
                "跨年度核对惯例", Applicability.ALL_UNITS,
                columns(form).stream().map(c -> new Equation(
                        List.of(current(APPLICATIONS, "carriedOver", c)),
                        List.of(Term.previous(APPLICATIONS + ".carriedForward." + c)))).toList(),
                acrossForms);
    }

    /** The columns of table 三: 自然人, the five kinds of 法人或其他组织, 总计. */
    private static List<String> columns(FormDefinition form) {
        return List.copyOf(form.group(APPLICATIONS).children().get("newReceived").children().keySet());
    }

    /**
     * For each column: the total row equals the sum of every other result row (the form has no subtotal rows). A
     * row is a group whose children are all cells, so 2019's single （六）其他处理 is one row and 2021's is three.
     */
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
