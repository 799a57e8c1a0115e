package io.gongkai.contracts.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** A data directory made before its files were private becomes its owner's only, all the way down. */
class PrivateFilesTest {

    @TempDir
    Path parent;

    @Test
    void aFreshDirectoryIsCreatedForItsOwnerOnly() throws Exception {
        Path data = PrivateFiles.directory(parent.resolve("data").resolve("nested"));

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(data.getParent())).isEqualTo("rwx------");
    }

    @Test
    void everyDirectoryAndFileInATreeIsMadePrivate() throws Exception {
        Path data = Files.createDirectory(parent.resolve("data"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path database = Files.writeString(data.resolve("aggregation.mv.db"), "rows");
        Path keys = Files.createDirectory(data.resolve("keys"));
        Path key = Files.writeString(keys.resolve("private.pem"), "key");
        for (Path file : new Path[] {database, key}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxrwxrwx"));

        PrivateFiles.restrictTree(data);

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(keys)).isEqualTo("rwx------");
        assertThat(permissions(database)).isEqualTo("rw-------");
        assertThat(permissions(key)).isEqualTo("rw-------");
        assertThat(Files.readString(database)).isEqualTo("rows");
    }

    @Test
    void aDirectoryThatDoesNotExistIsLeftAlone() {
        PrivateFiles.restrictTree(parent.resolve("absent"));

        assertThat(parent.resolve("absent")).doesNotExist();
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
