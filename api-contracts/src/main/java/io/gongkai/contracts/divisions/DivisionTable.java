package io.gongkai.contracts.divisions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The national 2023 statistical division codes (31 provinces, 342 cities, 2,978 counties, 41,352 townships),
 * shipped with the contracts so that both services read the same table.
 */
public final class DivisionTable {

    private static final class Holder {
        private static final DivisionTable INSTANCE = load();
    }

    private final Map<String, Division> byCode;
    private final Map<String, List<Division>> childrenByCode;

    private DivisionTable(Map<String, Division> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
        Map<String, List<Division>> children = new HashMap<>();
        for (Division division : byCode.values()) {
            if (division.parentCode() != null) {
                children.computeIfAbsent(division.parentCode(), c -> new ArrayList<>()).add(division);
            }
        }
        this.childrenByCode = children;
    }

    /** The table, read once from the classpath. */
    public static DivisionTable national() {
        return Holder.INSTANCE;
    }

    public Optional<Division> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<Division> all() {
        return byCode.values();
    }

    public List<Division> children(String code) {
        return childrenByCode.getOrDefault(code, List.of());
    }

    /** The divisions above a code, nearest first. */
    public List<Division> ancestors(String code) {
        List<Division> chain = new ArrayList<>();
        Division division = byCode.get(code);
        while (division != null && division.parentCode() != null) {
            division = byCode.get(division.parentCode());
            if (division != null) {
                chain.add(division);
            }
        }
        return chain;
    }

    private static DivisionTable load() {
        Map<String, Division> divisions = new LinkedHashMap<>();
        read("provinces.csv", f -> new Division(f[0], f[1], DivisionLevel.PROVINCE, null), divisions);
        read("cities.csv", f -> new Division(f[0], f[1], DivisionLevel.CITY, f[2]), divisions);
        read("areas.csv", f -> new Division(f[0], f[1], DivisionLevel.COUNTY, f[2]), divisions);
        read("streets.csv", f -> new Division(f[0], f[1], DivisionLevel.TOWNSHIP, f[2]), divisions);
        return new DivisionTable(divisions);
    }

    private static void read(String file, java.util.function.Function<String[], Division> row,
            Map<String, Division> into) {
        InputStream in = DivisionTable.class.getResourceAsStream("/divisions/" + file);
        if (in == null) {
            throw new IllegalStateException("division table " + file + " is missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    Division division = row.apply(line.replace("\"", "").split(","));
                    into.put(division.code(), division);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
