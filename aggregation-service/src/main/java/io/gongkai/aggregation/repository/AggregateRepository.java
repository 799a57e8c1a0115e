package io.gongkai.aggregation.repository;

import io.gongkai.aggregation.model.Aggregate;
import io.gongkai.aggregation.model.UnitYear;
import io.gongkai.aggregation.model.UnitYearForm;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Totals: one row per unit, year and form version. */
@ApplicationScoped
public class AggregateRepository implements PanacheRepositoryBase<Aggregate, UnitYearForm> {

    /** Every form's total of a unit and year. */
    public List<Aggregate> forYear(UnitYear key) {
        return list("id.unitCode = ?1 and id.reportYear = ?2", key.unitCode, key.reportYear);
    }

    /** Every form's total of the given units and years, loaded with one query per year. */
    public Map<UnitYear, List<Aggregate>> findByKeys(Collection<UnitYear> keys) {
        Map<UnitYear, List<Aggregate>> found = new HashMap<>();
        Map<Integer, List<String>> codesByYear = keys.stream().collect(Collectors.groupingBy(k -> k.reportYear,
                Collectors.mapping(k -> k.unitCode, Collectors.toList())));
        codesByYear.forEach((year, codes) -> list("id.reportYear = ?1 and id.unitCode in ?2", year, codes)
                .forEach(aggregate -> found.computeIfAbsent(aggregate.id.unitYear(), k -> new ArrayList<>()).add(aggregate)));
        return found;
    }

    /** Every form's total of a unit for the years from and to. */
    public List<Aggregate> years(String code, int from, int to) {
        return list("id.unitCode = ?1 and id.reportYear between ?2 and ?3", Sort.by("id.reportYear"), code, from, to);
    }
}
