package io.gongkai.intake.repository;

import io.agroal.api.AgroalDataSource;
import io.gongkai.contracts.jdbc.UtcCalendar;
import io.gongkai.intake.api.StoredFeedPage;
import io.gongkai.intake.api.Utf8Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * The change feed: every version by its feed position. Positions are handed out by the submission writer under the
 * lock on the feed_sequencer row, in the transaction that stores the version; so a position, once visible, is never
 * preceded by a later one. Read in plain JDBC, the stored report as its UTF-8 bytes: a page goes out as it is
 * stored, without entities or decoded text.
 */
@ApplicationScoped
public class FeedRepository {

    private static final String PAGE = "SELECT feed_seq, unit_code, report_year, version, form_version, content_hash,"
            + " received_at, warnings, document FROM submission_version WHERE feed_seq > ? ORDER BY feed_seq LIMIT ?";

    private final AgroalDataSource dataSource;

    public FeedRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Versions with a feed position after the cursor, in feed order. */
    public List<StoredFeedPage.Entry> after(long cursor, int limit) {
        List<StoredFeedPage.Entry> entries = new ArrayList<>(limit);
        Calendar utc = UtcCalendar.create();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(PAGE)) {
            statement.setLong(1, cursor);
            statement.setInt(2, limit);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    entries.add(new StoredFeedPage.Entry(row.getLong(1), row.getString(2), row.getInt(3),
                            row.getInt(4), row.getString(5), row.getString(6),
                            row.getTimestamp(7, utc).toInstant().atOffset(ZoneOffset.UTC), row.getString(8),
                            new Utf8Json(row.getBytes(9))));
                }
            }
        } catch (SQLException e) {
            throw new FeedReadFailedException(e);
        }
        return entries;
    }

    /** The page could not be read; the problem mapper answers 503 when the database is unreachable. */
    public static final class FeedReadFailedException extends RuntimeException {
        FeedReadFailedException(SQLException cause) {
            super("reading the feed failed: " + cause.getMessage(), cause);
        }
    }
}
