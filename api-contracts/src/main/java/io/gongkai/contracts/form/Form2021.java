package io.gongkai.contracts.form;

import java.util.ArrayList;
import java.util.List;

/**
 * The 2021 format (国办公开办函〔2021〕30号), used for report years 2021 on. Its cells are the table in
 * {@code forms/2021/cells.tsv}; its rules are the shared ones ({@link FormRules}) and X2 on documents in force.
 */
final class Form2021 {

    static final String VERSION = "2021";

    private Form2021() {
    }

    static FormDefinition load() {
        return new FormDefinition(VERSION, "政府信息公开工作年度报告（国办公开办函〔2021〕30号）", 2021,
                FormDefinition.readCells("/forms/2021/cells.tsv"), FormRules.GROUP_HEADINGS, Form2021::rules);
    }

    private static List<Rule> rules(FormDefinition form) {
        List<Rule> rules = new ArrayList<>(FormRules.sameYear(form));
        rules.add(FormRules.carriedOver(form, true));
        rules.add(new Rule("X2", Severity.WARNING, "规章、行政规范性文件：本年现行有效 = 上年现行有效 + 本年制发 − 本年废止",
                "跨年度核对惯例（清理文件后可合理不符）；不跨表式：2019 年表式的对外公开总数量不是现行有效件数",
                Applicability.ALL_UNITS,
                List.of("activeDisclosure.regulations", "activeDisclosure.normativeDocuments").stream()
                        .map(row -> new Equation(
                                List.of(Term.current(row + ".inForce"), Term.current(row + ".repealed")),
                                List.of(Term.previous(row + ".inForce"), Term.current(row + ".issued"))))
                        .toList(),
                false));
        return rules;
    }
}
