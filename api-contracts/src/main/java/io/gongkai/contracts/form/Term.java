package io.gongkai.contracts.form;

/** One cell of one report in an equation. */
public record Term(String cellKey, Period period) {

    public static Term current(String cellKey) {
        return new Term(cellKey, Period.CURRENT);
    }

    public static Term previous(String cellKey) {
        return new Term(cellKey, Period.PREVIOUS);
    }

    @Override
    public String toString() {
        return period == Period.PREVIOUS ? cellKey + "(previous year)" : cellKey;
    }
}
