package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.AggregateView;
import io.gongkai.aggregation.api.ChildAggregate;
import io.gongkai.aggregation.api.ChildAggregates;
import io.gongkai.aggregation.api.MissingUnit;
import io.gongkai.aggregation.api.Reporting;
import io.gongkai.aggregation.api.ReportingStatus;
import io.gongkai.aggregation.api.Trend;
import io.gongkai.aggregation.api.YearTotals;
import io.gongkai.aggregation.config.ReadsConfig;
import io.gongkai.aggregation.config.ReportingConfig;
import io.gongkai.aggregation.model.Aggregate;
import io.gongkai.aggregation.model.Unit;
import io.gongkai.aggregation.model.UnitYear;
import io.gongkai.aggregation.repository.AggregateRepository;
import io.gongkai.aggregation.repository.UnitRepository;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.contracts.tables.PrintedReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads totals: a unit's, its children's, and a unit's over years. Each is a few primary-key lookups. */
@ApplicationScoped
public class AggregateService {

    private final HierarchyService hierarchy;
    private final UnitRepository units;
    private final AggregateRepository aggregates;
    private final ReportingDeadline deadline;
    private final ReportingConfig config;
    private final MissingUnits missingUnits;
    private final ReadsConfig reads;

    public AggregateService(HierarchyService hierarchy, UnitRepository units, AggregateRepository aggregates,
            ReportingDeadline deadline, ReportingConfig config, MissingUnits missingUnits, ReadsConfig reads) {
        this.missingUnits = missingUnits;
        this.reads = reads;
        this.hierarchy = hierarchy;
        this.units = units;
        this.aggregates = aggregates;
        this.deadline = deadline;
        this.config = config;
    }

    @Transactional
    public AggregateView aggregate(String code, int year, FeedPosition position) {
        Unit unit = hierarchy.require(code);
        FormDefinition form = formFor(year);
        Totals totals = totals(aggregates.findById(new UnitYear(code, year)), form);
        int missingCount = unit.expected - totals.received();
        List<MissingUnit> missing = missingUnits.find(unit, year, config.missingLimit());
        Reporting reporting = new Reporting(unit.expected, totals.received(), missingCount, missing, totals.onTime(),
                totals.late(), deadline.lastDay(year));
        return new AggregateView(HierarchyService.summary(unit), year, form.version(), totals.reports(),
                StatisticsJson.write(totals.cells()), reporting, position.asOf());
    }

    /**
     * The same totals as the official tables print them: the summed figures, whose they are, how many reports they
     * sum, and the feed time they reflect in the reporting zone.
     */
    @Transactional
    public PrintedReport printed(String code, int year, FeedPosition position) {
        Unit unit = hierarchy.require(code);
        Totals totals = totals(aggregates.findById(new UnitYear(code, year)), formFor(year));
        String note = "汇总 " + totals.reports() + " 份报告（应报 " + unit.expected + " 个单位，已报 " + totals.received() + " 个）";
        return new PrintedReport(unit.name, unit.code, year, note,
                position.time().atZone(config.zone()).toOffsetDateTime(), totals.cells());
    }

    /** The page of children asked for; absent parameters take the configured defaults. */
    public PageRequest childrenPage(Integer page, Integer size) {
        return PageRequest.of(page == null ? 0 : page, size == null ? reads.childrenPageSize() : size,
                reads.childrenMaxPageSize());
    }

    @Transactional
    public ChildAggregates children(String code, int year, PageRequest request, FeedPosition position) {
        Unit unit = hierarchy.require(code);
        FormDefinition form = formFor(year);
        long total = units.countChildren(code);
        List<Unit> children = units.children(code, request.offset(), request.size());
        Map<UnitYear, Aggregate> found = aggregates.findByKeys(children.stream().map(c -> new UnitYear(c.code, year)).toList());
        List<ChildAggregate> rows = children.stream().map(child -> {
            Totals totals = totals(found.get(new UnitYear(child.code, year)), form);
            return new ChildAggregate(HierarchyService.summary(child), totals.reports(),
                    StatisticsJson.write(totals.cells()), status(child, year, totals));
        }).toList();
        return new ChildAggregates(HierarchyService.summary(unit), year, form.version(), rows, request.page(),
                request.size(), total, position.asOf());
    }

    /** The years asked for, from the first form to next year (in the reporting zone), at most ten of them. */
    public TrendRange trendRange(int from, int to) {
        return TrendRange.of(from, to, FIRST_REPORT_YEAR, Year.now(config.zone()).getValue() + 1);
    }

    @Transactional
    public Trend trend(String code, TrendRange range, FeedPosition position) {
        Unit unit = hierarchy.require(code);
        Map<Integer, Aggregate> byYear = aggregates.years(code, range.from(), range.to()).stream()
                .collect(Collectors.toMap(a -> a.id.reportYear, Function.identity()));
        List<YearTotals> years = new ArrayList<>();
        for (int year = range.from(); year <= range.to(); year++) {
            FormDefinition form = formFor(year);
            Totals totals = totals(byYear.get(year), form);
            years.add(new YearTotals(year, form.version(), totals.reports(), StatisticsJson.write(totals.cells()),
                    status(unit, year, totals)));
        }
        return new Trend(HierarchyService.summary(unit), range.from(), range.to(), years, position.asOf());
    }

    private ReportingStatus status(Unit unit, int year, Totals totals) {
        return new ReportingStatus(unit.expected, totals.received(), unit.expected - totals.received(), totals.onTime(),
                totals.late(), deadline.lastDay(year));
    }

    private static Totals totals(Aggregate aggregate, FormDefinition form) {
        return aggregate == null ? Totals.zero(form) : RollupService.totals(aggregate);
    }

    /** A bound on the years asked for, the same as intake's; a year up to it without reports has zero totals. */
    static final int LAST_REPORT_YEAR = 2100;

    /** The first year any form covers: years before it are not collected. */
    static final int FIRST_REPORT_YEAR = Forms.all().stream().mapToInt(FormDefinition::firstReportYear).min().orElseThrow();

    /** The form a report year uses; years before the 2021 form are not collected. */
    static FormDefinition formFor(int year) {
        if (year > LAST_REPORT_YEAR) {
            throw new InvalidRequestException("report years run to " + LAST_REPORT_YEAR + ", not " + year);
        }
        return Forms.forYear(year).orElseThrow(() -> new InvalidRequestException("no report form covers year " + year
                + "; the first year collected is " + FIRST_REPORT_YEAR));
    }
}
