package io.gongkai.aggregation.repository;

import io.gongkai.aggregation.model.Unit;
import io.gongkai.aggregation.model.UnitKind;
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

    /**
     * Townships and departments in the subtree of a unit (itself included) in hierarchy order (by ancestry), after the
     * given ancestry (empty for the first), at most limit, each with its current report of the year if it has one.
     * One range of the ancestry index read in order, so a chunk costs its own rows whatever the subtree's size. Only
     * the columns an export shows are read, not the findings.
     */
    public List<ReportingUnitLine> reportingUnits(Unit unit, int year, String afterAncestry, int limit) {
        return getEntityManager().createQuery("""
                        select new io.gongkai.aggregation.repository.ReportingUnitLine(u.code, u.name, u.kind, u.ancestry,
                            r.version, r.formVersion, r.firstReceivedAt, r.receivedAt, r.onTime, r.cells)
                        from Unit u left join UnitReport r on r.id.unitCode = u.code and r.id.reportYear = ?1
                        where u.ancestry like ?2 and u.ancestry > ?4 and u.kind in ?3
                        order by u.ancestry""", ReportingUnitLine.class)
                .setParameter(1, year)
                .setParameter(2, unit.ancestry + "%")
                .setParameter(3, List.of(UnitKind.TOWNSHIP, UnitKind.DEPARTMENT))
                .setParameter(4, afterAncestry)
                .setMaxResults(limit)
                .getResultList();
    }
}
