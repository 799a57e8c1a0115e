package io.gongkai.intake.imports;

import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.intake.imports.PrintedRows.PrintedRow;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which form each table of a published report is printed in, told by its labels rather than its year: the words
 * of a table that only one form prints (2019's 对外公开总数量, 上一年项目数量, 政府集中采购; 2021's 现行有效件数,
 * 本年收费金额), as each form's printed rows list them. A table is printed in the form of which it shows the most
 * such words; a table that shows none, or as many of two forms, says nothing.
 *
 * @param forms the form each table that says one is printed in, by table (二, 三, 四)
 * @param seen  the words that told it, by table
 */
record TableForms(Map<String, FormDefinition> forms, Map<String, List<String>> seen) {

    static final TableForms NONE = new TableForms(Map.of(), Map.of());

    /** The forms the tables in this text (the tables of a report, as the reader finds them) are printed in. */
    static TableForms of(String tables) {
        String text = tables.replaceAll("\\s+", "");
        Map<String, Map<FormDefinition, Set<String>>> found = new LinkedHashMap<>();
        for (FormDefinition form : Forms.all()) {
            for (PrintedRow row : PrintedRows.of(form).rows()) {
                for (String mark : row.marks()) {
                    if (text.contains(mark)) {
                        found.computeIfAbsent(row.table(), t -> new LinkedHashMap<>())
                                .computeIfAbsent(form, f -> new LinkedHashSet<>()).add(mark);
                    }
                }
            }
        }
        Map<String, FormDefinition> forms = new LinkedHashMap<>();
        Map<String, List<String>> seen = new LinkedHashMap<>();
        found.forEach((table, byForm) -> {
            int most = byForm.values().stream().mapToInt(Set::size).max().orElse(0);
            List<FormDefinition> leading = byForm.entrySet().stream().filter(e -> e.getValue().size() == most)
                    .map(Map.Entry::getKey).toList();
            if (leading.size() == 1) {
                forms.put(table, leading.get(0));
                seen.put(table, List.copyOf(byForm.get(leading.get(0))));
            }
        });
        return new TableForms(Map.copyOf(forms), Map.copyOf(seen));
    }

    /** The form a table is printed in, when its labels say. */
    Optional<FormDefinition> form(String table) {
        return Optional.ofNullable(forms.get(table));
    }
}
