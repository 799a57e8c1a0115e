package io.gongkai.aggregation.model;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The sum of every current report in a unit's subtree for one year that was made in one form version. */
@Entity
@Table(name = "aggregate")
public class Aggregate {

    @EmbeddedId
    public UnitYearForm id;

    /** The summed cells as a compact JSON array of exact decimals, in the form's cell order. */
    public String cells;

    /** Reports summed, governments' own reports included. */
    public int reports;

    /** Townships and departments of the subtree whose report is in this form. */
    public int received;

    @Column(name = "on_time")
    public int onTime;

    public int late;
}
