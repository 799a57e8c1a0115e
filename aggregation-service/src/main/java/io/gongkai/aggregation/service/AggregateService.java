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
import io.gongkai.aggregation.mapping.TrendTotals;
import io.gongkai.aggregation.config.ReportingConfig;
import io.gongkai.aggregation.model.Aggregate;
import io.gongkai.aggregation.model.Unit;
import io.gongkai.aggregation.model.UnitYear;
import io.gongkai.aggregation.repository.AggregateRepository;
import io.gongkai.aggregation.repository.UnitRepository;
import io.gongkai.contracts.api.InvalidParameterException;
import io.gongkai.contracts.form.Comparability;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

    /**
     * The form whose totals of a year are asked for: the one named, or the year's form. An unknown version or a
     * year no form covers is a bad request.
     */
    public FormDefinition form(int year, String formVersion) {
        FormDefinition yearForm = formFor(year);
        if (formVersion == null) {
            return yearForm;
        }
        return Forms.byVersion(formVersion).orElseThrow(() -> new InvalidParameterException("formVersion",
                "one of " + Forms.all().stream().map(FormDefinition::version).toList(), formVersion));
    }

    @Transactional
    public AggregateView aggregate(String code, int year, FormDefinition form, FeedPosition position) {
        Unit unit = hierarchy.require(code);
        YearForms forms = YearForms.of(aggregates.forYear(new UnitYear(code, year)));
        Totals totals = forms.in(form);
        List<MissingUnit> missing = missingUnits.find(unit, year, config.missingLimit());
        Reporting reporting = new Reporting(unit.expected, forms.received(), unit.expected - forms.received(), missing,
                forms.onTime(), forms.late(), deadline.lastDay(year));
        return new AggregateView(HierarchyService.summary(unit), year, form.version(), totals.reports(),
                forms.besides(form), StatisticsJson.write(totals.cells()), reporting, position.asOf());
    }

    /**
     * The same totals as the official tables print them: the summed figures, whose they are, how many reports they
     * sum, and the feed time they reflect in the reporting zone.
     */
    @Transactional
    public PrintedReport printed(String code, int year, FormDefinition form, FeedPosition position) {
        Unit unit = hierarchy.require(code);
        YearForms forms = YearForms.of(aggregates.forYear(new UnitYear(code, year)));
        Totals totals = forms.in(form);
        String note = "汇总 " + totals.reports() + " 份报告（应报 " + unit.expected + " 个单位，已报 " + forms.received() + " 个）";
        return new PrintedReport(unit.name, unit.code, year, note,
                position.time().atZone(config.zone()).toOffsetDateTime(), totals.cells());
    }

    /** The page of children asked for; absent parameters take the configured defaults. */
    public PageRequest childrenPage(Integer page, Integer size) {
        return PageRequest.of(page == null ? 0 : page, size == null ? reads.childrenPageSize() : size,
                reads.childrenMaxPageSize());
    }

    /** A page of children with their totals in the given form and who in them has reported, in whatever form. */
    @Transactional
    public ChildAggregates children(String code, int year, FormDefinition form, PageRequest request, FeedPosition position) {
        Unit unit = hierarchy.require(code);
        long total = units.countChildren(code);
        List<ChildAggregate> rows = childRows(units.children(code, request.offset(), request.size()), year, form).stream()
                .map(row -> new ChildAggregate(row.unit(), row.totals().reports(), StatisticsJson.write(row.totals().cells()),
                        row.reporting()))
                .toList();
        return new ChildAggregates(HierarchyService.summary(unit), year, form.version(), rows, request.page(),
                request.size(), total, position.asOf());
    }

    /**
     * At most limit children of a unit, by code, after the given code (empty for the first), with their totals in the
     * year's form and reporting status as the children table shows them: the rows of its CSV, read a chunk at a time.
     */
    @Transactional
    public List<ChildRow> childrenAfter(String code, int year, FormDefinition form, String after, int limit) {
        return childRows(units.childrenAfter(code, after, limit), year, form);
    }

    private List<ChildRow> childRows(List<Unit> children, int year, FormDefinition form) {
        Map<UnitYear, List<Aggregate>> found = aggregates.findByKeys(children.stream().map(c -> new UnitYear(c.code, year)).toList());
        return children.stream().map(child -> {
            YearForms forms = YearForms.of(found.getOrDefault(new UnitYear(child.code, year), List.of()));
            return new ChildRow(HierarchyService.summary(child), forms.in(form), status(child, year, forms));
        }).toList();
    }

    /** The years asked for, from the first form to next year (in the reporting zone), at most ten of them. */
    public TrendRange trendRange(int from, int to) {
        return TrendRange.of(from, to, FIRST_REPORT_YEAR, Year.now(config.zone()).getValue() + 1);
    }

    /**
     * A unit's totals year by year, each year's in its own form and given in the keys of the last year's form: what
     * carries across a change of form is filled, what does not is absent ({@link Comparability}).
     */
    @Transactional
    public Trend trend(String code, TrendRange range, FeedPosition position) {
        Unit unit = hierarchy.require(code);
        Map<Integer, List<Aggregate>> byYear = aggregates.years(code, range.from(), range.to()).stream()
                .collect(Collectors.groupingBy(a -> a.id.reportYear));
        FormDefinition trendForm = formFor(range.to());
        List<String> keys = Comparability.keys(trendForm, IntStream.rangeClosed(range.from(), range.to())
                .mapToObj(AggregateService::formFor).distinct().toList());
        List<YearTotals> years = new ArrayList<>();
        for (int year = range.from(); year <= range.to(); year++) {
            FormDefinition form = formFor(year);
            YearForms forms = YearForms.of(byYear.getOrDefault(year, List.of()));
            Totals totals = forms.in(form);
            TrendTotals comparable = TrendTotals.of(trendForm, keys, totals.cells());
            years.add(new YearTotals(year, form.version(), totals.reports(), forms.besides(form), comparable.totals(),
                    comparable.absent(), comparable.derived(), status(unit, year, forms)));
        }
        return new Trend(HierarchyService.summary(unit), range.from(), range.to(), trendForm.version(), years,
                position.asOf());
    }

    private ReportingStatus status(Unit unit, int year, YearForms forms) {
        return new ReportingStatus(unit.expected, forms.received(), unit.expected - forms.received(), forms.onTime(),
                forms.late(), deadline.lastDay(year));
    }

    /** A bound on the years asked for, the same as intake's; a year up to it without reports has zero totals. */
    static final int LAST_REPORT_YEAR = 2100;

    /** The first year any form covers: years before it are not collected. */
    static final int FIRST_REPORT_YEAR = Forms.firstReportYear();

    /** The form a report year uses; years before the first form are not collected. */
    static FormDefinition formFor(int year) {
        if (year > LAST_REPORT_YEAR) {
            throw new InvalidRequestException("report years run to " + LAST_REPORT_YEAR + ", not " + year);
        }
        return Forms.forYear(year).orElseThrow(() -> new InvalidRequestException("no report form covers year " + year
                + "; the first year collected is " + FIRST_REPORT_YEAR));
    }
}
