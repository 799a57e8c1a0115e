package io.gongkai.intake.imports;

import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The division table by registered name, to find the divisions a title names. Only whole registered names are
 * looked up (三营镇, not 三营): shortened names collide with ordinary words and with each other far too often for
 * a match to mean anything.
 */
final class DivisionNames {

    /** One-character names (重庆's 县) would match inside almost any title. */
    private static final int SHORTEST_NAME = 2;

    private final Map<String, List<Division>> byName = new HashMap<>();
    private final int longestName;

    DivisionNames(DivisionTable table) {
        int longest = 0;
        for (Division division : table.all()) {
            if (division.name().length() < SHORTEST_NAME || repeatsItsParent(table, division)) {
                continue;
            }
            byName.computeIfAbsent(division.name(), n -> new ArrayList<>()).add(division);
            longest = Math.max(longest, division.name().length());
        }
        this.longestName = longest;
    }

    /**
     * A county row that repeats its city's name (东莞市 441900 under 东莞市 4419) is the table's way to list a
     * city without counties: the same government, which reports as the city.
     */
    private static boolean repeatsItsParent(DivisionTable table, Division division) {
        return division.parentCode() != null && table.find(division.parentCode())
                .map(parent -> parent.name().equals(division.name())).orElse(false);
    }

    /**
     * The registered names in the text, left to right, each the longest found where it starts. A name inside a
     * longer one is not counted: 张三营镇 does not also name the 三营镇s.
     */
    List<NameMatch> in(String text) {
        List<NameMatch> found = new ArrayList<>();
        for (int start = 0; start < text.length(); start++) {
            int longestEnd = Math.min(text.length(), start + longestName);
            for (int end = longestEnd; end >= start + SHORTEST_NAME; end--) {
                List<Division> divisions = byName.get(text.substring(start, end));
                if (divisions != null) {
                    found.add(new NameMatch(start, end, List.copyOf(divisions)));
                    break;
                }
            }
        }
        return withoutInnerMatches(found);
    }

    private static List<NameMatch> withoutInnerMatches(List<NameMatch> found) {
        List<NameMatch> kept = new ArrayList<>();
        int reach = -1;
        for (NameMatch match : found) {
            if (match.end() > reach) {
                kept.add(match);
                reach = match.end();
            }
        }
        return kept;
    }

    /**
     * A registered name at [start, end) of a text.
     *
     * @param divisions every division of that name
     */
    record NameMatch(int start, int end, List<Division> divisions) {

        String name() {
            return divisions.get(0).name();
        }
    }
}
