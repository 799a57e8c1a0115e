package io.gongkai.contracts.jdbc;

import java.util.Calendar;
import java.util.TimeZone;

/**
 * The calendar plain JDBC reads and writes timestamps with: UTC, as Hibernate stores the entities' instants
 * ({@code quarkus.hibernate-orm.jdbc.timezone=UTC}), so rows written either way agree. The database session runs in
 * UTC too (each service's connection properties), so the database holds the same instants.
 */
public final class UtcCalendar {

    private UtcCalendar() {
    }

    /** A new calendar each time: a calendar is not thread-safe. */
    public static Calendar create() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
