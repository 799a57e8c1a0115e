package io.gongkai.aggregation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.gongkai.aggregation.mapping.CellsCodec;
import io.gongkai.aggregation.model.Aggregate;
import io.gongkai.aggregation.model.FollowerState;
import io.gongkai.aggregation.model.Unit;
import io.gongkai.aggregation.model.UnitReport;
import io.gongkai.aggregation.model.UnitYear;
import io.gongkai.aggregation.model.UnitYearForm;
import io.gongkai.aggregation.repository.AggregateRepository;
import io.gongkai.aggregation.repository.FollowerStateRepository;
import io.gongkai.aggregation.repository.RollupRows;
import io.gongkai.aggregation.repository.UnitReportRepository;
import io.gongkai.aggregation.repository.UnitRepository;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.api.FeedPage;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.Rule;
import io.gongkai.contracts.form.RuleEvaluator;
import io.gongkai.contracts.form.StatisticsJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies pages of intake's feed to the totals. One page is one transaction: the current reports, the totals of
 * every affected unit and the feed cursor change together, so a crash never loses or repeats a version. Reports and
 * totals are read and written as rows ({@link RollupRows}) on the transaction's connection; only the cursor goes
 * through the persistence context.
 */
@ApplicationScoped
public class RollupService {

    private static final Logger LOG = Logger.getLogger(RollupService.class);

    private final UnitRepository units;
    private final UnitReportRepository reports;
    private final AggregateRepository aggregates;
    private final RollupRows rows;
    private final AgroalDataSource dataSource;
    private final FollowerStateRepository states;
    private final HierarchyService hierarchy;
    private final ReportingDeadline deadline;
    private final ObjectMapper mapper;

    public RollupService(UnitRepository units, UnitReportRepository reports, AggregateRepository aggregates,
            RollupRows rows, AgroalDataSource dataSource, FollowerStateRepository states, HierarchyService hierarchy,
            ReportingDeadline deadline, ObjectMapper mapper) {
        this.units = units;
        this.reports = reports;
        this.aggregates = aggregates;
        this.rows = rows;
        this.dataSource = dataSource;
        this.states = states;
        this.hierarchy = hierarchy;
        this.deadline = deadline;
        this.mapper = mapper;
    }

    /** The outcome of applying a page: how many versions changed the totals, and the cursor now stored. */
    public record Applied(int versions, long cursor) {
    }

    @Transactional
    public long cursor() {
        return states.current().feedCursor;
    }

    /**
     * Applies a page read after the given cursor. When the stored cursor is no longer that one (another instance
     * or a rebuild moved it), the page is dropped: the caller reads again from the stored cursor.
     */
    @Transactional
    public Applied apply(long after, FeedPage page) {
        FollowerState state = states.lock();
        if (state.feedCursor != after) {
            return new Applied(0, state.feedCursor);
        }
        List<FeedEntry> entries = page.entries().stream().filter(e -> e.cursor() > after).toList();
        if (entries.isEmpty()) {
            return new Applied(0, after);
        }
        Map<String, Unit> unitsByCode = resolveUnits(entries);
        int applied;
        try (Connection connection = dataSource.getConnection()) {
            applied = applyEntries(connection, entries, unitsByCode);
        } catch (SQLException e) {
            throw new RollupFailedException(e);
        }
        state.feedCursor = entries.get(entries.size() - 1).cursor();
        state.updatedAt = Instant.now();
        return new Applied(applied, state.feedCursor);
    }

    /** Applies the entries on the transaction's connection; answers how many changed the totals. */
    private int applyEntries(Connection connection, List<FeedEntry> entries, Map<String, Unit> unitsByCode)
            throws SQLException {
        Map<UnitYear, UnitReport> current = rows.reports(connection, entries.stream()
                .map(e -> new UnitYear(e.unitCode(), e.year())).distinct().toList());
        Map<UnitYear, CellValues> cellsByKey = new HashMap<>();
        Set<UnitYear> changed = new LinkedHashSet<>();
        Set<UnitYear> added = new HashSet<>();
        RollupBatch batch = new RollupBatch();
        int applied = 0;
        for (FeedEntry entry : entries) {
            Unit unit = unitsByCode.get(entry.unitCode());
            FormDefinition form = Forms.byVersion(entry.formVersion()).orElse(null);
            CellValues cells = form == null ? null : StatisticsJson.read(form, entry.submission()).forTotals();
            if (unit == null || cells == null || !cells.isComplete()) {
                LOG.warnf("feed entry %d (%s %d v%d) skipped: unknown unit, form %s or incomplete cells",
                        entry.cursor(), entry.unitCode(), entry.year(), entry.version(), entry.formVersion());
                continue;
            }
            UnitYear key = new UnitYear(unit.code, entry.year());
            UnitReport report = current.get(key);
            if (report != null && report.version >= entry.version()) {
                continue;
            }
            CellValues replaced = report == null ? null : cells(key, report, cellsByKey);
            Instant receivedAt = entry.receivedAt().toInstant();
            boolean first = report == null;
            if (first) {
                report = new UnitReport();
                report.id = key;
                report.firstReceivedAt = receivedAt;
                report.onTime = deadline.onTime(entry.year(), receivedAt);
                report.crossYear = "[]";
                current.put(key, report);
                added.add(key);
            }
            batch.add(unit.lineage(), entry.year(), cells, replaced, unit.kind.expectedToReport(), report.onTime);
            report.version = entry.version();
            report.formVersion = form.version();
            report.contentHash = entry.contentHash();
            report.feedCursor = entry.cursor();
            report.receivedAt = receivedAt;
            report.cells = CellsCodec.encode(cells);
            List<Finding> warnings = entry.warnings() == null ? List.of() : entry.warnings().stream()
                    .filter(f -> !isCrossYear(form, f)).toList();
            report.warnings = json(warnings);
            report.warningCount = warnings.size();
            cellsByKey.put(key, cells);
            changed.add(key);
            applied++;
        }
        Set<UnitYear> written = new LinkedHashSet<>(changed);
        written.addAll(recheckCrossYear(connection, changed, current, cellsByKey, unitsByCode));
        rows.insertReports(connection, written.stream().filter(added::contains).map(current::get).toList());
        rows.updateReports(connection, written.stream().filter(k -> !added.contains(k)).map(current::get).toList());
        writeTotals(connection, batch);
        return applied;
    }

    /** Deletes every report and total and rewinds the cursor; registered departments stay. */
    @Transactional
    public int reset() {
        FollowerState state = states.lock();
        aggregates.deleteAll();
        reports.deleteAll();
        state.feedCursor = 0;
        state.epoch++;
        state.updatedAt = Instant.now();
        return state.epoch;
    }

    /**
     * Intake also reports the cross-year rules against what it had then; aggregation recomputes them against current
     * versions. Which rules those are, the report's form says.
     */
    private static boolean isCrossYear(FormDefinition form, Finding finding) {
        return finding.rule() != null && form.rule(finding.rule()).map(Rule::crossYear).orElse(false);
    }

    /** The units of the entries, registering departments seen for the first time. */
    private Map<String, Unit> resolveUnits(List<FeedEntry> entries) {
        Map<String, Unit> found = new HashMap<>();
        units.findByCodes(entries.stream().map(FeedEntry::unitCode).distinct().toList()).forEach(u -> found.put(u.code, u));
        Map<String, JsonNode> newcomers = new HashMap<>();
        for (FeedEntry entry : entries) {
            if (!found.containsKey(entry.unitCode())) {
                newcomers.putIfAbsent(entry.unitCode(), entry.submission().path("unit"));
            }
        }
        if (newcomers.isEmpty()) {
            return found;
        }
        Map<String, Unit> governments = new HashMap<>();
        units.findByCodes(newcomers.values().stream().map(u -> u.path("parentCode").asText(""))
                .filter(c -> !c.isEmpty()).distinct().toList()).forEach(u -> governments.put(u.code, u));
        newcomers.forEach((code, unit) -> {
            Unit government = governments.get(unit.path("parentCode").asText(""));
            if (government == null) {
                LOG.warnf("unit %s is neither a division nor a department of a known government; its reports are skipped", code);
            } else {
                found.put(code, hierarchy.registerDepartment(code, unit.path("name").asText(code), government));
            }
        });
        return found;
    }

    /**
     * Recomputes the cross-year rules for each changed report against the same unit's report of the year before, and
     * for the report of the year after (whose previous year just changed). Across a change of form only the rules
     * that say they hold across forms compare. Answers the reports recomputed.
     */
    private Set<UnitYear> recheckCrossYear(Connection connection, Set<UnitYear> changed,
            Map<UnitYear, UnitReport> current, Map<UnitYear, CellValues> cellsByKey, Map<String, Unit> unitsByCode)
            throws SQLException {
        Set<UnitYear> affected = new LinkedHashSet<>(changed);
        changed.forEach(k -> affected.add(new UnitYear(k.unitCode, k.reportYear + 1)));
        Set<UnitYear> needed = new HashSet<>(affected);
        changed.forEach(k -> needed.add(new UnitYear(k.unitCode, k.reportYear - 1)));
        needed.removeAll(current.keySet());
        if (!needed.isEmpty()) {
            current.putAll(rows.reports(connection, needed));
        }
        Set<UnitYear> recomputed = new LinkedHashSet<>();
        for (UnitYear key : affected) {
            UnitReport report = current.get(key);
            if (report == null) {
                continue;
            }
            recomputed.add(key);
            UnitReport previous = current.get(new UnitYear(key.unitCode, key.reportYear - 1));
            List<Finding> findings = previous == null ? List.of()
                    : RuleEvaluator.crossYear(cells(key, report, cellsByKey), cells(previous.id, previous, cellsByKey),
                            HierarchyService.levelOf(unitsByCode.computeIfAbsent(key.unitCode, units::findById)));
            report.crossYear = json(findings);
            report.crossYearCount = findings.size();
        }
        return recomputed;
    }

    private static CellValues cells(UnitYear key, UnitReport report, Map<UnitYear, CellValues> cellsByKey) {
        return cellsByKey.computeIfAbsent(key, k -> CellsCodec.decode(Forms.byVersion(report.formVersion).orElseThrow(),
                report.cells));
    }

    /** Reads each affected total once, adds the batch's change and writes it once. */
    private void writeTotals(Connection connection, RollupBatch batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Map<UnitYearForm, Aggregate> existing = rows.aggregates(connection, batch.deltas().keySet());
        List<Aggregate> added = new ArrayList<>();
        List<Aggregate> updated = new ArrayList<>();
        batch.deltas().forEach((key, delta) -> {
            Aggregate aggregate = existing.get(key);
            if (aggregate == null) {
                aggregate = new Aggregate();
                aggregate.id = key;
                write(aggregate, Totals.zero(delta.cells().form()).plus(delta));
                added.add(aggregate);
            } else {
                write(aggregate, totals(aggregate).plus(delta));
                updated.add(aggregate);
            }
        });
        rows.insertAggregates(connection, added);
        rows.updateAggregates(connection, updated);
    }

    static Totals totals(Aggregate aggregate) {
        return new Totals(CellsCodec.decode(Forms.require(aggregate.id.formVersion), aggregate.cells),
                aggregate.reports, aggregate.received, aggregate.onTime, aggregate.late);
    }

    private static void write(Aggregate aggregate, Totals totals) {
        aggregate.cells = CellsCodec.encode(totals.cells());
        aggregate.reports = totals.reports();
        aggregate.received = totals.received();
        aggregate.onTime = totals.onTime();
        aggregate.late = totals.late();
    }

    private String json(List<Finding> findings) {
        try {
            return mapper.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A statement of a page failed; the transaction rolls back and the page is applied again later. */
    static final class RollupFailedException extends RuntimeException {
        RollupFailedException(SQLException cause) {
            super("applying a feed page failed: " + cause.getMessage(), cause);
        }
    }
}
