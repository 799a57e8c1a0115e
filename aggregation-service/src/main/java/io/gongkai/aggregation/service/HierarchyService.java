package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.UnitDetail;
import io.gongkai.aggregation.api.UnitMatches;
import io.gongkai.aggregation.api.UnitMatches.UnitMatch;
import io.gongkai.aggregation.api.UnitPage;
import io.gongkai.aggregation.api.UnitSummary;
import io.gongkai.aggregation.config.ReadsConfig;
import io.gongkai.aggregation.model.Unit;
import io.gongkai.aggregation.model.UnitKind;
import io.gongkai.aggregation.repository.FollowerStateRepository;
import io.gongkai.aggregation.repository.UnitRepository;
import io.gongkai.contracts.api.InvalidParameterException;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionLevel;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.GovernmentLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The hierarchy of units: the division table, departments registered from the feed, and views of both. */
@ApplicationScoped
public class HierarchyService {

    private static final Logger LOG = Logger.getLogger(HierarchyService.class);

    private final UnitRepository units;
    private final FollowerStateRepository states;
    private final ReadsConfig reads;

    public HierarchyService(UnitRepository units, FollowerStateRepository states, ReadsConfig reads) {
        this.units = units;
        this.states = states;
        this.reads = reads;
    }

    /**
     * Loads the national division table (and the nation, CN) into the database unless it is already there.
     * Idempotent: only codes not yet present are inserted. Instances starting together on a fresh database take
     * turns on the follower state's lock: the first loads the table, the others then find it loaded instead of
     * failing on its rows.
     */
    @Transactional
    public int loadDivisions() {
        states.lock();
        DivisionTable table = DivisionTable.national();
        if (units.countDivisions() == table.all().size() + 1L) {
            return 0;
        }
        long start = System.nanoTime();
        Map<String, Integer> townships = new HashMap<>();
        for (Division division : table.all()) {
            if (division.level() == DivisionLevel.TOWNSHIP) {
                townships.merge(Unit.NATION_CODE, 1, Integer::sum);
                townships.merge(division.code(), 1, Integer::sum);
                table.ancestors(division.code()).forEach(a -> townships.merge(a.code(), 1, Integer::sum));
            }
        }
        Set<String> present = units.allCodes();
        List<Unit> rows = new ArrayList<>();
        if (!present.contains(Unit.NATION_CODE)) {
            rows.add(unit(Unit.NATION_CODE, Unit.NATION_NAME, UnitKind.NATION, null, Unit.NATION_CODE + "/",
                    townships.getOrDefault(Unit.NATION_CODE, 0)));
        }
        for (Division division : table.all()) {
            if (!present.contains(division.code())) {
                rows.add(unit(division.code(), division.name(), UnitKind.of(division.level()),
                        division.parentCode() == null ? Unit.NATION_CODE : division.parentCode(), ancestry(table, division),
                        townships.getOrDefault(division.code(), 0)));
            }
        }
        units.insertAll(rows);
        LOG.infof("loaded %d units of the division table in %d ms", rows.size(), (System.nanoTime() - start) / 1_000_000);
        return rows.size();
    }

    private static String ancestry(DivisionTable table, Division division) {
        List<Division> above = new ArrayList<>(table.ancestors(division.code()));
        Collections.reverse(above);
        StringBuilder path = new StringBuilder(Unit.NATION_CODE).append('/');
        above.forEach(a -> path.append(a.code()).append('/'));
        return path.append(division.code()).append('/').toString();
    }

    private static Unit unit(String code, String name, UnitKind kind, String parentCode, String ancestry, int expected) {
        Unit unit = new Unit();
        unit.code = code;
        unit.name = name;
        unit.kind = kind;
        unit.parentCode = parentCode;
        unit.ancestry = ancestry;
        unit.expected = expected;
        return unit;
    }

    /**
     * Registers a department under its government and counts it as expected in every unit above it. Runs in
     * the caller's transaction (the feed batch that first sees the department).
     */
    public Unit registerDepartment(String code, String name, Unit government) {
        Unit department = unit(code, name, UnitKind.DEPARTMENT, government.code, government.ancestry + code + "/", 1);
        units.persist(department);
        units.addExpected(government.lineage(), 1);
        LOG.infof("registered department %s %s under %s", code, name, government.code);
        return department;
    }

    /** The government level a unit's report is judged at; a department takes its government's. */
    public static GovernmentLevel levelOf(Unit unit) {
        if (unit.kind != UnitKind.DEPARTMENT) {
            return unit.kind.governmentLevel();
        }
        if (Unit.NATION_CODE.equals(unit.parentCode)) {
            return GovernmentLevel.NATIONAL;
        }
        return DivisionLevel.ofCode(unit.parentCode).map(DivisionLevel::government).orElse(GovernmentLevel.COUNTY);
    }

    @Transactional
    public Unit require(String code) {
        // A query, not find(): when the connection fails, find() was seen to answer "no such row" instead of failing.
        return units.find("code", code).firstResultOptional().orElseThrow(() -> new UnknownUnitException(code));
    }

    @Transactional
    public UnitDetail detail(String code) {
        Unit unit = require(code);
        List<String> lineage = unit.lineage();
        Map<String, Unit> above = new HashMap<>();
        units.findByCodes(lineage.subList(1, lineage.size())).forEach(u -> above.put(u.code, u));
        List<UnitSummary> ancestors = new ArrayList<>();
        for (int i = lineage.size() - 1; i >= 1; i--) {
            ancestors.add(summary(above.get(lineage.get(i))));
        }
        return new UnitDetail(summary(unit), ancestors, units.countChildren(code));
    }

    /** The page of units asked for; absent parameters take the configured defaults. */
    public PageRequest unitsPage(Integer page, Integer size) {
        return PageRequest.of(page == null ? 0 : page, size == null ? reads.unitsPageSize() : size, reads.unitsMaxPageSize());
    }

    /** A page of the units directly below a unit; with no parent given, the top of the hierarchy (the nation). */
    @Transactional
    public UnitPage children(String parentCode, PageRequest request) {
        if (parentCode == null || parentCode.isEmpty()) {
            List<UnitSummary> top = request.offset() == 0 ? List.of(summary(require(Unit.NATION_CODE))) : List.of();
            return new UnitPage(null, top, request.page(), request.size(), 1);
        }
        Unit parent = require(parentCode);
        List<UnitSummary> page = units.children(parentCode, request.offset(), request.size()).stream()
                .map(HierarchyService::summary).toList();
        return new UnitPage(summary(parent), page, request.page(), request.size(), units.countChildren(parentCode));
    }

    /** Longest search text accepted: longer than any unit's name, short enough to stay a cheap scan. */
    public static final int MAX_SEARCH_LENGTH = 40;
    /** Units a search lists at most: a clerk picks from a short list, or types more. */
    public static final int MAX_SEARCH_RESULTS = 20;

    /**
     * Units whose name contains the text or whose code starts with it, each with its ancestors, at most
     * {@value #MAX_SEARCH_RESULTS}. Whatever the text matches, one query reads the units and one their ancestors.
     */
    @Transactional
    public UnitMatches search(String text) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty() || q.length() > MAX_SEARCH_LENGTH) {
            throw new InvalidParameterException("q", "a unit's name or code, or part of it, of 1 to "
                    + MAX_SEARCH_LENGTH + " characters", text);
        }
        List<Unit> found = units.search(q, MAX_SEARCH_RESULTS + 1);
        List<Unit> listed = found.subList(0, Math.min(found.size(), MAX_SEARCH_RESULTS));
        Set<String> above = new HashSet<>();
        listed.forEach(unit -> {
            List<String> lineage = unit.lineage();
            above.addAll(lineage.subList(1, lineage.size()));
        });
        Map<String, Unit> byCode = new HashMap<>();
        units.findByCodes(above).forEach(u -> byCode.put(u.code, u));
        List<UnitMatch> matches = listed.stream().map(unit -> {
            List<String> lineage = unit.lineage();
            List<UnitSummary> ancestors = new ArrayList<>();
            for (int i = lineage.size() - 1; i >= 1; i--) {
                ancestors.add(summary(byCode.get(lineage.get(i))));
            }
            return new UnitMatch(summary(unit), ancestors);
        }).toList();
        return new UnitMatches(q, matches, found.size() > MAX_SEARCH_RESULTS);
    }

    public static UnitSummary summary(Unit unit) {
        return new UnitSummary(unit.code, unit.name, unit.kind, unit.parentCode, unit.expected);
    }
}
