package io.gongkai.aggregation.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** A unit and a report year: the key of reports and totals. */
@Embeddable
public class UnitYear implements Serializable {

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "report_year")
    public int reportYear;

    public UnitYear() {
    }

    public UnitYear(String unitCode, int reportYear) {
        this.unitCode = unitCode;
        this.reportYear = reportYear;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitYear other && reportYear == other.reportYear && unitCode.equals(other.unitCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unitCode, reportYear);
    }

    @Override
    public String toString() {
        return unitCode + "/" + reportYear;
    }
}
