package io.gongkai.contracts.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** On a fresh directory, callers racing in one process and in several get one key pair, readable by its owner only. */
class LocalKeysTest {

    static final int THREADS = 8;
    static final int PROCESSES = 3;

    @TempDir
    Path data;

    @Test
    void threadsStartingAtOnceOnAFreshDirectoryAllGetTheSameKeyPair() throws Exception {
        Path dir = data.resolve("keys");

        Set<String> publicKeys = new HashSet<>(ensureFromThreads(dir, THREADS));

        assertThat(publicKeys).hasSize(1);
        assertThat(publicKeys).containsExactly(encoded(LocalKeys.load(dir)));
        assertOnlyTheKeysAndTheLockAreLeft(dir);
    }

    @Test
    void processesAndThreadsStartingAtOnceAllGetTheSameKeyPair() throws Exception {
        Path dir = data.resolve("keys");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), OtherProcess.class.getName(), dir.toString())
                    .redirectErrorStream(true).start());
        }
        Set<String> publicKeys = new HashSet<>(ensureFromThreads(dir, THREADS));
        for (Process process : processes) {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(process.exitValue()).as(output).isZero();
            output.lines().forEach(publicKeys::add);
        }

        assertThat(publicKeys).hasSize(1).containsExactly(encoded(LocalKeys.load(dir)));
        assertOnlyTheKeysAndTheLockAreLeft(dir);
    }

    @Test
    void theKeyDirectoryAndItsFilesAreTheOwnersOnly() throws Exception {
        Path dir = data.resolve("fresh").resolve("keys");

        LocalKeys.ensure(dir);

        assertThat(permissions(data.resolve("fresh"))).isEqualTo("rwx------");
        assertThat(permissions(dir)).isEqualTo("rwx------");
        for (String file : List.of(LocalKeys.PRIVATE_KEY, LocalKeys.PUBLIC_KEY, LocalKeys.LOCK)) {
            assertThat(permissions(dir.resolve(file))).as(file).isEqualTo("rw-------");
        }
    }

    @Test
    void anInstallationMadeWorldReadableIsMadePrivateAndKeepsItsKeys() throws Exception {
        Path dir = data.resolve("keys");
        KeyPair before = LocalKeys.ensure(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve(LocalKeys.PRIVATE_KEY), PosixFilePermissions.fromString("rw-r--r--"));

        KeyPair after = LocalKeys.ensure(dir);

        assertThat(encoded(after)).isEqualTo(encoded(before));
        assertThat(permissions(dir)).isEqualTo("rwx------");
        assertThat(permissions(dir.resolve(LocalKeys.PRIVATE_KEY))).isEqualTo("rw-------");
    }

    /** Calls {@link LocalKeys#ensure} from many threads released at the same instant; answers each public key. */
    static List<String> ensureFromThreads(Path dir, int threads) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> keys = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<String> caller = () -> {
                    start.await();
                    return encoded(LocalKeys.ensure(dir));
                };
                keys.add(pool.submit(caller));
            }
            List<String> publicKeys = new ArrayList<>();
            for (Future<String> key : keys) {
                publicKeys.add(key.get(60, TimeUnit.SECONDS));
            }
            return publicKeys;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOnlyTheKeysAndTheLockAreLeft(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(LocalKeys.PRIVATE_KEY, LocalKeys.PUBLIC_KEY, LocalKeys.LOCK);
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    static String encoded(KeyPair keys) {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** Another process racing for the same directory: prints the public key each of its threads got. */
    public static final class OtherProcess {

        public static void main(String[] args) throws Exception {
            ensureFromThreads(Path.of(args[0]), 4).forEach(System.out::println);
        }
    }
}
