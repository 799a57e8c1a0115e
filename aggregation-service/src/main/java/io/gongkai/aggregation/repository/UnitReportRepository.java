package io.gongkai.aggregation.repository;

import io.gongkai.aggregation.model.Unit;
import io.gongkai.aggregation.model.UnitReport;
import io.gongkai.aggregation.model.UnitYear;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class UnitReportRepository implements PanacheRepositoryBase<UnitReport, UnitYear> {

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
