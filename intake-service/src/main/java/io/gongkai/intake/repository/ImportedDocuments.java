package io.gongkai.intake.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The published documents imported versions were read from, stored with them by the writer (VersionWrites). */
@ApplicationScoped
public class ImportedDocuments {

    private static final String FIND = "SELECT media_type, document FROM imported_document"
            + " WHERE unit_code = ? AND report_year = ? AND version = ?";

    private final AgroalDataSource dataSource;

    public ImportedDocuments(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A document as received, with the media type and charset it was read in. */
    public record Stored(String mediaType, byte[] bytes) {
    }

    public Optional<Stored> find(String unitCode, int year, int version) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, unitCode);
            statement.setInt(2, year);
            statement.setInt(3, version);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new Stored(row.getString(1), row.getBytes(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the imported document could not be read", e);
        }
    }
}
