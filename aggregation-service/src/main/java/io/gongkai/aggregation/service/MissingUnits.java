package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.MissingUnit;
import io.gongkai.aggregation.model.Aggregate;
import io.gongkai.aggregation.model.Unit;
import io.gongkai.aggregation.model.UnitYear;
import io.gongkai.aggregation.repository.AggregateRepository;
import io.gongkai.aggregation.repository.UnitReportRepository;
import io.gongkai.aggregation.repository.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the townships and departments of a subtree without a report by walking down only into children whose
 * totals say something is missing (expected > received), in code order, and stopping at the limit; a subtree where
 * nobody has reported is read in one index range. A nearly complete country costs a few lookups per incomplete
 * branch, an early-season one a range read: never a scan of every township.
 */
@ApplicationScoped
public class MissingUnits {

    /** Children read at a time: a government with thousands of departments is walked in slices, not loaded whole. */
    private static final int CHILDREN_AT_ONCE = 200;

    private final UnitRepository units;
    private final AggregateRepository aggregates;
    private final UnitReportRepository reports;

    public MissingUnits(UnitRepository units, AggregateRepository aggregates, UnitReportRepository reports) {
        this.units = units;
        this.aggregates = aggregates;
        this.reports = reports;
    }

    /** Runs in the caller's transaction. */
    public List<MissingUnit> find(Unit unit, int year, int limit) {
        List<MissingUnit> found = new ArrayList<>();
        collect(unit, year, YearForms.of(aggregates.forYear(new UnitYear(unit.code, year))).received(), limit, found);
        return found;
    }

    private void collect(Unit unit, int year, int received, int limit, List<MissingUnit> found) {
        if (found.size() >= limit || unit.expected - received <= 0) {
            return;
        }
        if (unit.expected == 1 && unit.kind.expectedToReport()) {
            // A township (or department) with nothing reported below it: itself, known without a query.
            found.add(new MissingUnit(unit.code, unit.name));
            return;
        }
        if (received == 0) {
            // Nobody below has reported: the subtree's expected units in index order are the answer.
            units.expectedUnder(unit, limit - found.size()).forEach(u -> found.add(new MissingUnit(u.code, u.name)));
            return;
        }
        if (unit.kind.expectedToReport() && reports.findById(new UnitYear(unit.code, year)) == null) {
            found.add(new MissingUnit(unit.code, unit.name));
        }
        for (int offset = 0; found.size() < limit; offset += CHILDREN_AT_ONCE) {
            List<Unit> children = units.children(unit.code, offset, CHILDREN_AT_ONCE);
            Map<UnitYear, List<Aggregate>> totals = aggregates.findByKeys(children.stream().map(c -> new UnitYear(c.code, year)).toList());
            for (Unit child : children) {
                int childReceived = YearForms.of(totals.getOrDefault(new UnitYear(child.code, year), List.of())).received();
                collect(child, year, childReceived, limit, found);
            }
            if (children.size() < CHILDREN_AT_ONCE) {
                return;
            }
        }
    }
}
