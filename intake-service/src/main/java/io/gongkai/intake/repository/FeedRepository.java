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

    private static final String SIZES = "SELECT feed_seq, document_bytes FROM submission_version WHERE feed_seq > ?"
            + " ORDER BY feed_seq LIMIT ?";
    private static final String PAGE = "SELECT feed_seq, unit_code, report_year, version, form_version, content_hash,"
            + " received_at, warnings, document FROM submission_version WHERE feed_seq > ? AND feed_seq <= ?"
            + " ORDER BY feed_seq";
    /** The last position handed out, as committed: a writer holding the row's lock has not made its position visible. */
    private static final String HEAD = "SELECT last_seq FROM feed_sequencer WHERE id = 1";

    private final AgroalDataSource dataSource;

    public FeedRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Versions with a feed position after the cursor, in feed order: at most {@code limit} of them, and no more than
     * fit in {@code maxBytes} of stored reports (but always one, when there is one). The sizes are read first, so a
     * page of large reports is cut before any report is read.
     */
    public Page after(long cursor, int limit, long maxBytes) {
        try (Connection connection = dataSource.getConnection()) {
            Cut cut = cut(connection, cursor, limit, maxBytes);
            List<StoredFeedPage.Entry> entries = cut.last == cursor ? List.of() : read(connection, cursor, cut.last);
            return new Page(entries, cut.more, head(connection));
        } catch (SQLException e) {
            throw new FeedReadFailedException(e);
        }
    }

    /** The last position of the page, and whether versions after it were left out. */
    private static Cut cut(Connection connection, long cursor, int limit, long maxBytes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SIZES)) {
            statement.setLong(1, cursor);
            statement.setInt(2, limit + 1);
            try (ResultSet row = statement.executeQuery()) {
                long last = cursor;
                long bytes = 0;
                int count = 0;
                while (row.next()) {
                    bytes += row.getInt(2);
                    if (count == limit || count > 0 && bytes > maxBytes) {
                        return new Cut(last, true);
                    }
                    last = row.getLong(1);
                    count++;
                }
                return new Cut(last, false);
            }
        }
    }

    private static List<StoredFeedPage.Entry> read(Connection connection, long cursor, long last) throws SQLException {
        List<StoredFeedPage.Entry> entries = new ArrayList<>();
        Calendar utc = UtcCalendar.create();
        try (PreparedStatement statement = connection.prepareStatement(PAGE)) {
            statement.setLong(1, cursor);
            statement.setLong(2, last);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    entries.add(new StoredFeedPage.Entry(row.getLong(1), row.getString(2), row.getInt(3),
                            row.getInt(4), row.getString(5), row.getString(6),
                            row.getTimestamp(7, utc).toInstant().atOffset(ZoneOffset.UTC), row.getString(8),
                            new Utf8Json(row.getBytes(9))));
                }
            }
        }
        return entries;
    }

    private static long head(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(HEAD); ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the feed_sequencer row is missing");
            }
            return row.getLong(1);
        }
    }

    /**
     * A page's entries, and whether more versions follow it already.
     *
     * @param head the last position handed out, read after the page (so at least its last entry's)
     */
    public record Page(List<StoredFeedPage.Entry> entries, boolean more, long head) {
    }

    private record Cut(long last, boolean more) {
    }

    /** The page could not be read; the problem mapper answers 503 when the database is unreachable. */
    public static final class FeedReadFailedException extends RuntimeException {
        FeedReadFailedException(SQLException cause) {
            super("reading the feed failed: " + cause.getMessage(), cause);
        }
    }
}
