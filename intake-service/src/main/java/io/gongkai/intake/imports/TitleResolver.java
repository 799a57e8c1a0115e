package io.gongkai.intake.imports;

import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.Finding;
import io.gongkai.intake.imports.DivisionNames.NameMatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads whose report it is, and for which year, from the report's title (原州区三营镇2023年政府信息公开工作年度报告).
 * The unit is the division of the table whose registered name the title prints before the year, checked against
 * the other divisions printed there (原州区 settles which 三营镇); what follows the division's name, if it is not
 * the government itself, is a department of that government. Whatever the title leaves open stays open, with a
 * finding: an ambiguous or unknown name is never settled by a guess.
 */
public final class TitleResolver {

    private static final String RULE = "TITLE";

    /** The title is looked for among the first lines; a report's prose mentions reports too, further down. */
    private static final int TITLE_WINDOW = 30;
    /** A longer line is prose that mentions the report, not its title. */
    private static final int MAX_TITLE_LENGTH = 120;
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2099;
    private static final int CANDIDATES_SHOWN = 5;

    /** The crawler's copy of a page starts with header lines, the page's title among them. */
    private static final Pattern TITLE_HEADER = Pattern.compile("^标题\\s*[:：]\\s*(.*)$");
    private static final Pattern QUOTED = Pattern.compile("《([^《》]+)》");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})\\s*年");
    private static final Pattern CHINESE_YEAR = Pattern.compile("([〇○零一二三四五六七八九]{4})\\s*年");
    private static final String DISCLOSURE = "政府信息公开";
    private static final String ABOUT = "关于";
    private static final Pattern ISSUING = Pattern.compile("^(印发|发布|公布|公开)");
    /** What a title prints after a division's name when the report is the government's own, not a department's. */
    private static final Set<String> GOVERNMENT_ITSELF = Set.of("人民政府", "人民政府办公室", "人民政府办公厅",
            "人民政府办", "政府", "政府办公室", "政府办公厅", "政府办", "街道办事处", "街道办", "办事处", "管委会",
            "管委会办公室", "管理委员会", "党政办公室", "党政办");
    private static final Pattern GOVERNMENT_PREFIX = Pattern.compile("^(人民政府|政府)");

    private final DivisionTable table;
    private final DivisionNames names;

    /** Indexes the table's names once; build one resolver and share it. */
    public TitleResolver(DivisionTable table) {
        this.table = table;
        this.names = new DivisionNames(table);
    }

    public TitleMatch resolve(List<String> lines) {
        String title = findTitle(lines);
        if (title == null) {
            return new TitleMatch(null, null, null, null, List.of(
                    Finding.error(RULE, "/unit/code", "a title naming the unit", null,
                            "no title found: no 标题 line and no line naming the " + DISCLOSURE + " report"),
                    Finding.error(RULE, "/year", "a title naming the year", null,
                            "no title found, so no report year")));
        }
        List<Finding> findings = new ArrayList<>();
        YearMention mention = YearMention.in(title);
        Integer year = reportYear(mention, title, findings);
        String namePart = namePart(title, mention);
        Unit unit = unit(namePart, findings);
        return new TitleMatch(title, year, unit.division, unit.department, findings);
    }

    private static String findTitle(List<String> lines) {
        List<String> head = lines.subList(0, Math.min(lines.size(), TITLE_WINDOW));
        for (String line : head) {
            Matcher header = TITLE_HEADER.matcher(line.strip());
            if (header.matches() && !header.group(1).isBlank() && header.group(1).length() <= MAX_TITLE_LENGTH) {
                return header.group(1).strip();
            }
        }
        for (String line : head) {
            String title = titleIn(line);
            if (title != null) {
                return title;
            }
        }
        return null;
    }

    /**
     * The report's title in a line: the line itself, or the title it quotes (发布《…2023年…年度报告》). Quoted titles
     * must print a year, which tells the report's own title from the quoted name of the national format.
     */
    private static String titleIn(String line) {
        if (!namesAReport(line)) {
            return null;
        }
        Matcher quoted = QUOTED.matcher(line);
        while (quoted.find()) {
            String candidate = quoted.group(1).strip();
            boolean titleLike = candidate.length() <= MAX_TITLE_LENGTH && namesAReport(candidate);
            if (titleLike && YearMention.in(candidate) != null) {
                return candidate;
            }
        }
        String title = line.strip();
        return title.length() <= MAX_TITLE_LENGTH ? title : null;
    }

    private static boolean namesAReport(String text) {
        return text.contains(DISCLOSURE) && (text.contains("年度报告") || text.contains("工作报告"));
    }

    private static Integer reportYear(YearMention mention, String title, List<Finding> findings) {
        if (mention == null) {
            findings.add(Finding.error(RULE, "/year", "a year (" + FIRST_YEAR + " to " + LAST_YEAR + ") before 年",
                    title, "the title names no report year"));
            return null;
        }
        if (mention.year < FIRST_YEAR || mention.year > LAST_YEAR) {
            findings.add(Finding.error(RULE, "/year", FIRST_YEAR + " to " + LAST_YEAR, mention.printed,
                    "the title's year " + mention.printed + " is not a report year"));
            return null;
        }
        return mention.year;
    }

    /**
     * The text naming the unit: what the title prints before the year (or, when it starts with the year, between
     * the year and 政府信息公开), without spaces and without the wording of a notice around it (…关于印发…的).
     */
    private static String namePart(String title, YearMention mention) {
        if (mention == null) {
            return cleanName(title);
        }
        String before = cleanName(title.substring(0, mention.start));
        if (!before.isEmpty()) {
            return before;
        }
        String after = title.substring(mention.end).replaceFirst("^度", "");
        int disclosure = after.indexOf(DISCLOSURE);
        return cleanName(disclosure >= 0 ? after.substring(0, disclosure) : after);
    }

    private static String cleanName(String text) {
        String part = text.replaceAll("\\s+", "");
        int about = part.lastIndexOf(ABOUT);
        if (about >= 0) {
            String subject = ISSUING.matcher(part.substring(about + ABOUT.length())).replaceFirst("");
            part = subject.isEmpty() ? part.substring(0, about) : subject;
        }
        return part.endsWith("的") ? part.substring(0, part.length() - 1) : part;
    }

    /**
     * The division the name part settles. The names found are taken left to right for as long as one chain of
     * divisions holds them all (固原市 原州区 三营镇); a name that breaks the chain after that belongs to a
     * department's name (…区国有林场) and is left in the department.
     */
    private Unit unit(String namePart, List<Finding> findings) {
        List<NameMatch> matches = names.in(namePart);
        if (matches.isEmpty()) {
            findings.add(Finding.error(RULE, "/unit/code", "the registered name of a division before the year",
                    namePart.isEmpty() ? null : namePart, namePart.isEmpty() ? "the title names no unit before the year"
                            : "no division of the table is named in " + namePart));
            return new Unit(null, null);
        }
        for (int count = matches.size(); count > 0; count--) {
            List<Division> candidates = deepestHolding(matches.subList(0, count));
            if (!candidates.isEmpty()) {
                String department = department(namePart.substring(matches.get(count - 1).end()));
                if (candidates.size() == 1) {
                    return new Unit(candidates.get(0), department);
                }
                findings.add(ambiguous(matches.subList(0, count), candidates));
                return new Unit(null, department);
            }
        }
        throw new IllegalStateException("a single name always holds its own divisions");
    }

    /**
     * The divisions whose chain (the division and its ancestors) holds a division of every match, less those that
     * are ancestors of another: 原州区 三营镇 leaves the one 三营镇 under 原州区.
     */
    private List<Division> deepestHolding(List<NameMatch> matches) {
        Map<String, Division> candidates = new LinkedHashMap<>();
        matches.forEach(m -> m.divisions().forEach(d -> candidates.putIfAbsent(d.code(), d)));
        List<Division> holding = new ArrayList<>();
        Set<String> ancestorsOfHolding = new HashSet<>();
        for (Division candidate : candidates.values()) {
            Set<String> chain = chain(candidate);
            if (matches.stream().allMatch(m -> m.divisions().stream().anyMatch(d -> chain.contains(d.code())))) {
                holding.add(candidate);
                chain.remove(candidate.code());
                ancestorsOfHolding.addAll(chain);
            }
        }
        return holding.stream()
                .filter(d -> !ancestorsOfHolding.contains(d.code()))
                .sorted(Comparator.comparing(Division::code))
                .toList();
    }

    private Set<String> chain(Division division) {
        Set<String> codes = table.ancestors(division.code()).stream().map(Division::code)
                .collect(Collectors.toCollection(HashSet::new));
        codes.add(division.code());
        return codes;
    }

    private Finding ambiguous(List<NameMatch> matches, List<Division> candidates) {
        String printed = matches.stream().map(NameMatch::name).collect(Collectors.joining(" "));
        List<Division> shown = candidates.subList(0, Math.min(candidates.size(), CANDIDATES_SHOWN));
        String codes = shown.stream().map(Division::code).collect(Collectors.joining(", "));
        String described = shown.stream().map(this::describe).collect(Collectors.joining(", "));
        String more = candidates.size() > shown.size() ? " and " + (candidates.size() - shown.size()) + " more" : "";
        return Finding.error(RULE, "/unit/code", "one division", codes, printed + " names " + candidates.size()
                + " divisions: " + described + more + "; the title does not say which");
    }

    /** A division by its code and its place: 411002570 河南省许昌市魏都区东城区. */
    private String describe(Division division) {
        List<Division> ancestors = new ArrayList<>(table.ancestors(division.code()));
        Collections.reverse(ancestors);
        String place = ancestors.stream().map(Division::name).filter(TitleResolver::namesAPlace)
                .collect(Collectors.joining());
        return division.code() + " " + place + division.name();
    }

    /** The table groups some counties under rows that are no place of their own (市辖区, 省直辖县级行政区划). */
    private static boolean namesAPlace(String name) {
        return !name.equals("市辖区") && !name.equals("县") && !name.endsWith("直辖县级行政区划");
    }

    /**
     * The body a title names after its division, up to 政府信息公开 (when the year follows it): null for the
     * government itself, else the department's name.
     */
    private static String department(String rest) {
        int disclosure = rest.indexOf(DISCLOSURE);
        String name = trimToLetters(disclosure >= 0 ? rest.substring(0, disclosure) : rest);
        if (!GOVERNMENT_ITSELF.contains(name)) {
            name = GOVERNMENT_PREFIX.matcher(name).replaceFirst("");
        }
        return name.isEmpty() || GOVERNMENT_ITSELF.contains(name) ? null : name;
    }

    private static String trimToLetters(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private record Unit(Division division, String department) {
    }

    /**
     * A year as the title prints it, in digits or in Chinese numerals (二〇二三年).
     *
     * @param year    its value
     * @param printed its digits as printed
     * @param start   where it starts in the title
     * @param end     where its 年 ends
     */
    private record YearMention(int year, String printed, int start, int end) {

        static YearMention in(String title) {
            Matcher digits = YEAR.matcher(title);
            if (digits.find()) {
                return new YearMention(Integer.parseInt(digits.group(1)), digits.group(1), digits.start(),
                        digits.end());
            }
            Matcher chinese = CHINESE_YEAR.matcher(title);
            if (chinese.find()) {
                String printed = chinese.group(1);
                int year = 0;
                for (char c : printed.toCharArray()) {
                    year = year * 10 + chineseDigit(c);
                }
                return new YearMention(year, printed, chinese.start(), chinese.end());
            }
            return null;
        }

        private static int chineseDigit(char c) {
            return "〇○零".indexOf(c) >= 0 ? 0 : "一二三四五六七八九".indexOf(c) + 1;
        }
    }
}
