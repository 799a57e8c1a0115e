package io.gongkai.aggregation.repository;

import io.gongkai.aggregation.model.Aggregate;
import io.gongkai.aggregation.model.UnitYear;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class AggregateRepository implements PanacheRepositoryBase<Aggregate, UnitYear> {

    /** The totals with the given keys, loaded with one query per year. */
    public Map<UnitYear, Aggregate> findByKeys(Collection<UnitYear> keys) {
        Map<UnitYear, Aggregate> found = new HashMap<>();
        Map<Integer, List<String>> codesByYear = keys.stream().collect(Collectors.groupingBy(k -> k.reportYear,
                Collectors.mapping(k -> k.unitCode, Collectors.toList())));
        codesByYear.forEach((year, codes) -> list("id.reportYear = ?1 and id.unitCode in ?2", year, codes)
                .forEach(aggregate -> found.put(aggregate.id, aggregate)));
        return found;
    }

    public List<Aggregate> years(String code, int from, int to) {
        return list("id.unitCode = ?1 and id.reportYear between ?2 and ?3", Sort.by("id.reportYear"), code, from, to);
    }
}
