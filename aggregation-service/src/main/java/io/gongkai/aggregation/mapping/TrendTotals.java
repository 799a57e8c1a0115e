package io.gongkai.aggregation.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.AmountUnit;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Comparability;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.StatisticsJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One year's totals in the keys of a trend ({@link Comparability}): nested like a submission's statistics in the
 * trend's form, without the cells the year's form has nothing comparable for, and with the JSON pointers of those
 * absent cells and of the cells read from other cells of the year's form.
 *
 * @param totals  the values, nested by key
 * @param absent  pointers of the trend's keys this year has no comparable figure for
 * @param derived pointers of the values that are not the year's own cell of that key
 */
public record TrendTotals(ObjectNode totals, List<String> absent, List<String> derived) {

    /**
     * @param trendForm the form whose keys the trend speaks
     * @param keys      the trend's keys ({@link Comparability#keys})
     * @param cells     the year's totals, in its own form
     */
    public static TrendTotals of(FormDefinition trendForm, List<String> keys, CellValues cells) {
        ObjectNode totals = StatisticsJson.NODES.objectNode();
        List<String> absent = new ArrayList<>();
        List<String> derived = new ArrayList<>();
        for (String key : keys) {
            Comparability.Reading reading = Comparability.reading(key, cells.form());
            if (reading.absent()) {
                absent.add(pointer(key));
                continue;
            }
            if (reading.derived()) {
                derived.add(pointer(key));
            }
            BigDecimal value = reading.cells().stream().map(cells::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            put(totals, key, value, trendForm.cell(key).map(c -> c.unitInReport()).orElse(false));
        }
        return new TrendTotals(totals, absent, derived);
    }

    private static void put(ObjectNode root, String key, BigDecimal value, boolean withUnit) {
        String[] path = key.split("\\.");
        ObjectNode group = root;
        for (int i = 0; i < path.length - 1; i++) {
            group = group.has(path[i]) ? (ObjectNode) group.get(path[i]) : group.putObject(path[i]);
        }
        String name = path[path.length - 1];
        if (withUnit) {
            ObjectNode amount = group.putObject(name);
            amount.set(StatisticsJson.AMOUNT, StatisticsJson.number(value));
            amount.put(StatisticsJson.UNIT, AmountUnit.WAN_YUAN.label());
        } else {
            group.set(name, StatisticsJson.number(value));
        }
    }

    private static String pointer(String key) {
        return "/" + key.replace('.', '/');
    }
}
