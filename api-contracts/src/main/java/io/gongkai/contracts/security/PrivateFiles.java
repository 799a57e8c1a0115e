package io.gongkai.contracts.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files only their owner may read: a local installation's data directory holds the token-signing key and the
 * embedded databases. Directories become rwx------ (0700) and files rw------- (0600). On a file system without POSIX
 * permissions nothing is changed.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final System.Logger LOG = System.getLogger(PrivateFiles.class.getName());
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** The directory, created (with any missing parents) for its owner only when absent. */
    public static Path directory(Path dir) {
        try {
            Files.createDirectories(dir, directoryAttributes());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Attributes that create a directory only its owner may use; none on a file system without POSIX permissions. */
    public static FileAttribute<?>[] directoryAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)} : new FileAttribute<?>[0];
    }

    /** Attributes that create a file only its owner may read and write. */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /**
     * Makes a directory and everything in it its owner's only, as installations made before these permissions need:
     * directories 0700, files 0600. A directory that does not exist is left alone; files that vanish meanwhile (a
     * database's temporary files) are skipped, and one this process may not change (another user's) is logged and left.
     */
    public static void restrictTree(Path root) {
        if (!POSIX || !Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                restrict(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not make everything in " + root + " private: " + e.getMessage());
        }
    }

    private static void restrict(Path path) {
        try {
            if (Files.isSymbolicLink(path)) {
                return;
            }
            Set<PosixFilePermission> wanted = Files.isDirectory(path) ? DIRECTORY : FILE;
            if (!Files.getPosixFilePermissions(path).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
            }
        } catch (NoSuchFileException e) {
            // gone since it was listed
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not make " + path + " private: " + e);
        }
    }
}
