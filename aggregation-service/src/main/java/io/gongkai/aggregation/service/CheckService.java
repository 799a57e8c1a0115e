package io.gongkai.aggregation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.aggregation.api.CheckCategory;
import io.gongkai.aggregation.api.CheckFinding;
import io.gongkai.aggregation.api.Checks;
import io.gongkai.aggregation.config.ReportingConfig;
import io.gongkai.aggregation.model.Unit;
import io.gongkai.aggregation.model.UnitReport;
import io.gongkai.aggregation.model.UnitYear;
import io.gongkai.aggregation.repository.AggregateRepository;
import io.gongkai.aggregation.repository.UnitReportRepository;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Findings over a subtree: warnings of current reports, cross-year breaks, missing reports. */
@ApplicationScoped
public class CheckService {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final HierarchyService hierarchy;
    private final MissingUnits missingUnits;
    private final UnitReportRepository reports;
    private final AggregateRepository aggregates;
    private final ReportingConfig config;
    private final ObjectMapper mapper;

    public CheckService(HierarchyService hierarchy, MissingUnits missingUnits, UnitReportRepository reports,
            AggregateRepository aggregates, ReportingConfig config, ObjectMapper mapper) {
        this.hierarchy = hierarchy;
        this.missingUnits = missingUnits;
        this.reports = reports;
        this.aggregates = aggregates;
        this.config = config;
        this.mapper = mapper;
    }

    @Transactional
    public Checks checks(String code, int year, FeedPosition position) {
        Unit unit = hierarchy.require(code);
        AggregateService.formFor(year);
        List<CheckFinding> findings = new ArrayList<>();
        List<CheckFinding> crossYear = new ArrayList<>();
        for (Object[] row : reports.withFindings(unit, year, config.missingLimit())) {
            String unitCode = (String) row[0];
            String unitName = (String) row[1];
            UnitReport report = (UnitReport) row[2];
            read(report.warnings).forEach(f -> findings.add(finding(unitCode, unitName, CheckCategory.REPORT_WARNING, f)));
            read(report.crossYear).forEach(f -> crossYear.add(finding(unitCode, unitName, CheckCategory.CROSS_YEAR, f)));
        }
        findings.addAll(crossYear);
        int missingCount = unit.expected - YearForms.of(aggregates.forYear(new UnitYear(code, year))).received();
        if (missingCount > 0) {
            missingUnits.find(unit, year, config.missingLimit()).forEach(missing -> findings.add(new CheckFinding(
                    missing.code(), missing.name(), CheckCategory.MISSING, null, Severity.WARNING, List.of(), null, null,
                    "no report for " + year)));
        }
        return new Checks(HierarchyService.summary(unit), year, missingCount, findings, position.asOf());
    }

    private static CheckFinding finding(String code, String name, CheckCategory category, Finding finding) {
        return new CheckFinding(code, name, category, finding.rule(), finding.severity(), finding.pointers(),
                finding.expected(), finding.actual(), finding.message());
    }

    private List<Finding> read(String json) {
        try {
            return mapper.readValue(json, FINDINGS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
