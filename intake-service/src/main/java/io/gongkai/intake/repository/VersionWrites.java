package io.gongkai.intake.repository;

import io.gongkai.contracts.jdbc.InList;
import io.gongkai.contracts.jdbc.UtcCalendar;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The statements that store a batch of submissions, in plain JDBC on the batch's connection: a handful of
 * multi-row statements per batch instead of several per submission.
 */
@ApplicationScoped
public class VersionWrites {

    private static final String INSERT_VERSION = "INSERT INTO submission_version (unit_code, report_year, version,"
            + " unit_name, parent_code, form_version, content_hash, received_at, document, document_bytes, warnings,"
            + " feed_seq, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_IMPORTED = "INSERT INTO imported_document (unit_code, report_year, version,"
            + " media_type, document) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_AUDIT = "INSERT INTO audit_record (recorded_at, principal, role, scope,"
            + " client_address, unit_code, report_year, version, content_hash, outcome, status)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Locks the feed for the rest of the transaction and answers the last position handed out. Every writer of
     * every instance takes this lock first, so batches are stored one after the other and their positions become
     * visible in increasing order.
     */
    public long lockFeed(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT last_seq FROM feed_sequencer WHERE id = 1 FOR UPDATE");
                ResultSet result = statement.executeQuery()) {
            if (!result.next()) {
                throw new SQLException("the feed_sequencer row is missing");
            }
            return result.getLong(1);
        }
    }

    public void advanceFeed(Connection connection, long lastSeq) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE feed_sequencer SET last_seq = ? WHERE id = 1")) {
            statement.setLong(1, lastSeq);
            statement.executeUpdate();
        }
    }

    /**
     * The current (highest) version of each of the units in the given years, as they are when read under the feed
     * lock. Only the current row of each unit and year is read in full, however many corrections it has.
     */
    public List<StoredVersion> currentVersions(Connection connection, Collection<String> unitCodes,
            Collection<Integer> years) throws SQLException {
        InList<String> codes = InList.of(unitCodes);
        InList<Integer> yearList = InList.of(years);
        String sql = "SELECT v.unit_code, v.report_year, v.version, v.content_hash, v.received_at, v.warnings,"
                + " v.form_version, v.document FROM submission_version v JOIN (SELECT unit_code, report_year,"
                + " MAX(version) AS version FROM submission_version WHERE unit_code IN (" + codes.placeholders()
                + ") AND report_year IN (" + yearList.placeholders() + ") GROUP BY unit_code, report_year) c"
                + " ON v.unit_code = c.unit_code AND v.report_year = c.report_year AND v.version = c.version";
        List<StoredVersion> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (String code : codes.values()) {
                statement.setString(parameter++, code);
            }
            for (Integer year : yearList.values()) {
                statement.setInt(parameter++, year);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    found.add(new StoredVersion(result.getString(1), result.getInt(2), result.getInt(3),
                            result.getString(4), result.getTimestamp(5, UtcCalendar.create()).toInstant(), result.getString(6),
                            result.getString(7), result.getBytes(8)));
                }
            }
        }
        return found;
    }

    /** Whether the version with this feed position and content is stored (committed). */
    public boolean isStored(Connection connection, long feedSeq, String contentHash) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM submission_version WHERE feed_seq = ? AND content_hash = ?")) {
            statement.setLong(1, feedSeq);
            statement.setString(2, contentHash);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    public void insertVersions(Connection connection, List<NewVersion> versions) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_VERSION)) {
            for (NewVersion v : versions) {
                statement.setString(1, v.unitCode());
                statement.setInt(2, v.year());
                statement.setInt(3, v.version());
                statement.setString(4, v.unitName());
                statement.setString(5, v.parentCode());
                statement.setString(6, v.formVersion());
                statement.setString(7, v.contentHash());
                statement.setTimestamp(8, Timestamp.from(v.receivedAt()), UtcCalendar.create());
                statement.setBytes(9, v.document());
                statement.setInt(10, v.document().length);
                statement.setString(11, v.warnings());
                statement.setLong(12, v.feedSeq());
                statement.setString(13, v.origin());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        if (versions.stream().anyMatch(v -> v.importedDocument() != null)) {
            insertImported(connection, versions);
        }
    }

    private static void insertImported(Connection connection, List<NewVersion> versions) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_IMPORTED)) {
            for (NewVersion v : versions) {
                if (v.importedDocument() != null) {
                    statement.setString(1, v.unitCode());
                    statement.setInt(2, v.year());
                    statement.setInt(3, v.version());
                    statement.setString(4, v.importedMediaType());
                    statement.setBytes(5, v.importedDocument());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    public void insertAudits(Connection connection, List<StoredAudit> records) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_AUDIT)) {
            for (StoredAudit r : records) {
                statement.setTimestamp(1, Timestamp.from(r.recordedAt()), UtcCalendar.create());
                statement.setString(2, r.principal());
                statement.setString(3, r.role());
                statement.setString(4, r.scope());
                statement.setString(5, r.clientAddress());
                statement.setString(6, r.unitCode());
                statement.setInt(7, r.year());
                statement.setInt(8, r.version());
                statement.setString(9, r.contentHash());
                statement.setString(10, r.outcome());
                statement.setInt(11, r.status());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }


    /** A version as stored, with what a batch needs to tell replays, next version numbers and cross-year checks. */
    public record StoredVersion(String unitCode, int year, int version, String contentHash, Instant receivedAt,
            String warnings, String formVersion, byte[] document) {
    }

    /**
     * A version to store; an imported one carries the published document it was read from.
     *
     * @param origin            API or IMPORT
     * @param importedDocument  the published document as received, or null
     * @param importedMediaType its media type with the charset it was read in, or null
     */
    public record NewVersion(String unitCode, int year, int version, String unitName, String parentCode,
            String formVersion, String contentHash, Instant receivedAt, byte[] document, String warnings, long feedSeq,
            String origin, byte[] importedDocument, String importedMediaType) {
    }

    /** An audit record of an accepted or replayed submission. */
    public record StoredAudit(Instant recordedAt, String principal, String role, String scope, String clientAddress,
            String unitCode, int year, int version, String contentHash, String outcome, int status) {
    }
}
