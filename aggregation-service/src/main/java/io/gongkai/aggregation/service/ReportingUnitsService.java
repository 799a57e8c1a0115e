package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.UnitSummary;
import io.gongkai.aggregation.model.Unit;
import io.gongkai.aggregation.model.UnitKind;
import io.gongkai.aggregation.repository.ReportingUnitLine;
import io.gongkai.aggregation.repository.UnitReportRepository;
import io.gongkai.aggregation.repository.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the townships and departments below a unit with their reports, a chunk per short transaction. */
@ApplicationScoped
public class ReportingUnitsService {

    private final UnitReportRepository reports;
    private final UnitRepository units;

    public ReportingUnitsService(UnitReportRepository reports, UnitRepository units) {
        this.reports = reports;
        this.units = units;
    }

    /**
     * At most limit reporting units of the subtree in hierarchy order, after the given ancestry (empty for the first),
     * each with its current report of the year and its province, city and county. The governments above the chunk are
     * read with one more query.
     */
    @Transactional
    public List<ReportingUnitRow> after(Unit root, int year, String afterAncestry, int limit) {
        List<ReportingUnitLine> lines = reports.reportingUnits(root, year, afterAncestry, limit);
        Set<String> above = lines.stream().flatMap(line -> governmentCodes(line).stream()).collect(Collectors.toSet());
        Map<String, Unit> governments = units.findByCodes(above).stream()
                .collect(Collectors.toMap(unit -> unit.code, Function.identity()));
        return lines.stream().map(line -> {
            List<Unit> chain = governmentCodes(line).stream().map(governments::get).toList();
            return new ReportingUnitRow(line, at(chain, UnitKind.PROVINCE), at(chain, UnitKind.CITY),
                    at(chain, UnitKind.COUNTY));
        }).toList();
    }

    /** The codes strictly between the nation and the unit itself in its ancestry. */
    private static List<String> governmentCodes(ReportingUnitLine line) {
        String[] codes = line.ancestry().split("/");
        return Arrays.asList(codes).subList(1, codes.length - 1);
    }

    private static UnitSummary at(List<Unit> chain, UnitKind kind) {
        return chain.stream().filter(unit -> unit != null && unit.kind == kind).findFirst()
                .map(HierarchyService::summary).orElse(null);
    }
}
