package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.FormReports;
import io.gongkai.aggregation.model.Aggregate;
import io.gongkai.contracts.form.FormDefinition;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A unit's totals for one year, one per form its subtree's reports of that year were made in. Each form's total
 * stays whole; only the reporting counts (who has reported, on time or late) add up across forms, because a unit
 * has reported whatever form it used.
 */
public record YearForms(Map<String, Totals> byForm) {

    public static YearForms of(Collection<Aggregate> aggregates) {
        return new YearForms(aggregates.stream().collect(Collectors.toMap(a -> a.id.formVersion, RollupService::totals)));
    }

    public static YearForms none() {
        return new YearForms(Map.of());
    }

    /** The total of the reports made in a form: zero when there are none. */
    public Totals in(FormDefinition form) {
        return byForm.getOrDefault(form.version(), Totals.zero(form));
    }

    /** The other forms that have reports in this year, by version, with how many reports each sums. */
    public List<FormReports> besides(FormDefinition form) {
        return byForm.values().stream().filter(t -> t.reports() > 0 && t.cells().form() != form)
                .sorted(Comparator.comparing(t -> t.cells().form().version()))
                .map(t -> new FormReports(t.cells().form().version(), t.reports())).toList();
    }

    public int received() {
        return sum(Totals::received);
    }

    public int onTime() {
        return sum(Totals::onTime);
    }

    public int late() {
        return sum(Totals::late);
    }

    private int sum(Function<Totals, Integer> count) {
        return byForm.values().stream().mapToInt(count::apply).sum();
    }
}
