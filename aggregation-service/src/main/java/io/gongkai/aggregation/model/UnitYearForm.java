package io.gongkai.aggregation.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** A unit, a report year and a form version: the key of totals, which never mix cells of different forms. */
@Embeddable
public class UnitYearForm implements Serializable {

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "report_year")
    public int reportYear;

    @Column(name = "form_version")
    public String formVersion;

    public UnitYearForm() {
    }

    public UnitYearForm(String unitCode, int reportYear, String formVersion) {
        this.unitCode = unitCode;
        this.reportYear = reportYear;
        this.formVersion = formVersion;
    }

    public UnitYear unitYear() {
        return new UnitYear(unitCode, reportYear);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitYearForm other && reportYear == other.reportYear && unitCode.equals(other.unitCode)
                && formVersion.equals(other.formVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unitCode, reportYear, formVersion);
    }

    @Override
    public String toString() {
        return unitCode + "/" + reportYear + "/" + formVersion;
    }
}
