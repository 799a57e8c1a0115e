package io.gongkai.contracts.form;

/** The level of government a reporting unit belongs to; a department has the level of its government. */
public enum GovernmentLevel {
    NATIONAL, PROVINCE, CITY, COUNTY, TOWNSHIP
}
