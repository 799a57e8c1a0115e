package io.gongkai.contracts.form;

import java.util.ArrayList;
import java.util.List;

/**
 * The trial format of 国办公开办函〔2019〕60号, used for report years 2019 and 2020. Its cells are the table in
 * {@code forms/2019/cells.tsv}: another table 二 and （六）其他处理 as one row. Its rules are the shared ones
 * ({@link FormRules}), a plausibility check on documents made public, and two cross-year warnings.
 */
final class Form2019 {

    static final String VERSION = "2019";
    private static final List<String> DOCUMENT_ROWS = List.of("activeDisclosure.regulations",
            "activeDisclosure.normativeDocuments");

    private Form2019() {
    }

    static FormDefinition load() {
        return new FormDefinition(VERSION, "政府信息公开工作年度报告（国办公开办函〔2019〕60号，试行）", 2019,
                FormDefinition.readCells("/forms/2019/cells.tsv"), FormRules.GROUP_HEADINGS, Form2019::rules);
    }

    private static List<Rule> rules(FormDefinition form) {
        List<Rule> rules = new ArrayList<>(FormRules.sameYear(form));
        rules.add(new Rule("P2.1", Severity.WARNING, "规章、规范性文件：本年新公开数量不超过对外公开总数量",
                "对外公开总数量包含本年新公开的文件", Applicability.ALL_UNITS,
                DOCUMENT_ROWS.stream().map(row -> new Equation(List.of(Term.current(row + ".newlyPublished")),
                        Equation.Relation.AT_MOST, List.of(Term.current(row + ".totalPublished")))).toList()));
        rules.add(FormRules.carriedOver(form, false));
        rules.add(new Rule("X3", Severity.WARNING,
                "规章、规范性文件：本年对外公开总数量 = 上年对外公开总数量 + 本年新公开数量",
                "跨年度核对惯例，仅在 2019 年表式内（2021 年表式没有对外公开总数量）", Applicability.ALL_UNITS,
                DOCUMENT_ROWS.stream().map(row -> new Equation(List.of(Term.current(row + ".totalPublished")),
                        List.of(Term.previous(row + ".totalPublished"), Term.current(row + ".newlyPublished"))))
                        .toList(),
                false));
        return rules;
    }
}
