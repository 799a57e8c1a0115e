package io.gongkai.aggregation.security;

import io.gongkai.aggregation.support.IntakeStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A local installation started on a fresh data directory with the embedded file database: the directory, the key
 * files and the database files are its owner's only. (On the mysql test profile there is no database file.)
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestProfile(DataDirectoryPermissionsTest.FreshDataDirectory.class)
@DisabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*mysql.*")
class DataDirectoryPermissionsTest {

    static final Path DATA = Path.of("target", "fresh-data-" + ProcessHandle.current().pid());

    public static class FreshDataDirectory implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gongkai.data-dir", DATA.toString(),
                    "quarkus.datasource.jdbc.url", "jdbc:h2:file:" + DATA.toAbsolutePath() + "/aggregation;MODE=MySQL;"
                            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        }
    }

    @Test
    void theDataDirectoryItsKeysAndItsDatabaseAreTheOwnersOnly() throws IOException {
        assertThat(permissions(DATA)).isEqualTo("rwx------");
        assertThat(permissions(DATA.resolve("keys"))).isEqualTo("rwx------");
        assertThat(DATA.resolve("aggregation.mv.db")).exists();
        try (Stream<Path> files = Files.walk(DATA)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).extracting(p -> p.getFileName().toString())
                    .contains("aggregation.mv.db", "private.pem", "public.pem");
            for (Path file : regular) {
                assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
            }
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
