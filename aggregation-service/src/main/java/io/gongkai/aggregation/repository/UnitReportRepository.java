package io.gongkai.aggregation.repository;

import io.gongkai.aggregation.model.Unit;
import io.gongkai.aggregation.model.UnitReport;
import io.gongkai.aggregation.model.UnitYear;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class UnitReportRepository implements PanacheRepositoryBase<UnitReport, UnitYear> {

    /** The reports with the given keys, loaded with one query per year. */
    public Map<UnitYear, UnitReport> findByKeys(Collection<UnitYear> keys) {
        Map<UnitYear, UnitReport> found = new HashMap<>();
        Map<Integer, List<String>> codesByYear = keys.stream().collect(Collectors.groupingBy(k -> k.reportYear,
                Collectors.mapping(k -> k.unitCode, Collectors.toList())));
        codesByYear.forEach((year, codes) -> list("id.reportYear = ?1 and id.unitCode in ?2", year, codes)
                .forEach(report -> found.put(report.id, report)));
        return found;
    }

    /** Reports in the subtree of a unit (itself included) for a year that carry warnings or cross-year findings. */
    public List<Object[]> withFindings(Unit unit, int year, int limit) {
        return getEntityManager().createQuery("""
                        select u.code, u.name, r from UnitReport r, Unit u
                        where u.code = r.id.unitCode and r.id.reportYear = ?1 and u.ancestry like ?2
                          and (r.warningCount > 0 or r.crossYearCount > 0)
                        order by u.code""", Object[].class)
                .setParameter(1, year)
                .setParameter(2, unit.ancestry + "%")
                .setMaxResults(limit)
                .getResultList();
    }
}
