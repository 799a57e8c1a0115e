package io.gongkai.intake.validation;

import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.GovernmentLevel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may report: a division of the national table (by its code), or a department of a government. A department's
 * code is namespaced by its government: {@code <government code>-<local code>}, e.g. {@code 640402-GAJ} for a
 * bureau of 原州区 (640402); the local part is upper-case letters and digits (hyphens inside allowed), such as the
 * department's 统一社会信用代码. So no government can take another's department code, a submitter's scope covers
 * exactly its own governments' departments, and a department can never be a division or the nation. Every code is
 * in one case, so no two codes differ only in case.
 */
@ApplicationScoped
public class UnitRegistry {

    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}");
    private static final Pattern DEPARTMENT_CODE =
            Pattern.compile("(\\d{2}|\\d{4}|\\d{6}|\\d{9})-([0-9A-Z]([0-9A-Z-]*[0-9A-Z])?)");
    private static final int MAX_CODE_LENGTH = 32;

    private final DivisionTable divisions = DivisionTable.national();

    /** The level of government of a unit, or the findings that say why the unit is not known. */
    public Resolution resolve(String code, String name, String parentCode) {
        if (parentCode == null) {
            return resolveDivision(code, name);
        }
        return resolveDepartment(code, parentCode);
    }

    private Resolution resolveDivision(String code, String name) {
        if (!DIVISION_CODE.matcher(code).matches()) {
            return Resolution.unknown(Finding.error("UNIT", "/unit/code", "a division code of 2, 4, 6 or 9 digits"
                            + " (or a department code with parentCode)", code,
                    "not a division code; a department must give the code of its government in parentCode"));
        }
        Optional<Division> division = divisions.find(code);
        if (division.isEmpty()) {
            return Resolution.unknown(Finding.error("UNIT", "/unit/code", "a code of the 2023 division table", code,
                    "unknown division code " + code));
        }
        Division found = division.get();
        List<Finding> warnings = name.contains(found.name()) ? List.of()
                : List.of(Finding.warning("NAME", "/unit/name", found.name(), name,
                        "the unit name does not contain the registered name " + found.name()));
        return new Resolution(found.level().government(), warnings);
    }

    private Resolution resolveDepartment(String code, String parentCode) {
        Matcher department = DEPARTMENT_CODE.matcher(code);
        if (code.length() > MAX_CODE_LENGTH || !department.matches()) {
            return Resolution.unknown(Finding.error("UNIT", "/unit/code", parentCode + "-LOCAL: the government's code,"
                    + " '-', then upper-case letters and digits; at most " + MAX_CODE_LENGTH + " characters", code,
                    "not a department code" + (code.equals(code.toUpperCase(Locale.ROOT)) ? ""
                            : ": codes are upper case, " + code.toUpperCase(Locale.ROOT))));
        }
        if (!department.group(1).equals(parentCode)) {
            return Resolution.unknown(Finding.error("UNIT", "/unit/code", parentCode + "-" + department.group(2), code,
                    "a department's code starts with the code of its government " + parentCode));
        }
        Optional<Division> parent = divisions.find(parentCode);
        if (parent.isEmpty()) {
            return Resolution.unknown(Finding.error("UNIT", "/unit/parentCode", "a code of the 2023 division table",
                    parentCode, "unknown government " + parentCode + " for department " + code));
        }
        return new Resolution(parent.get().level().government(), List.of());
    }

    /**
     * @param level    the unit's level of government, or null when the unit is not known
     * @param findings errors when unknown, warnings (such as a differing name) otherwise
     */
    public record Resolution(GovernmentLevel level, List<Finding> findings) {
        static Resolution unknown(Finding error) {
            return new Resolution(null, List.of(error));
        }

        public boolean known() {
            return level != null;
        }
    }
}
