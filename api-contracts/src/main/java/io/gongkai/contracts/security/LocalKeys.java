package io.gongkai.contracts.security;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * The token-signing key pair of a local installation: generated on first run into the data directory and never
 * shipped; the directory is its owner's only (0700) and so are the key files (0600). Production installations verify
 * tokens of their identity provider instead.
 */
public final class LocalKeys {

    public static final String PRIVATE_KEY = "private.pem";
    public static final String PUBLIC_KEY = "public.pem";
    static final String LOCK = ".lock";

    /** Generating a key takes well under a second; a lock held far longer than this is a stuck process. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(60);
    private static final long RETRY_MILLIS = 10;

    private LocalKeys() {
    }

    /**
     * The key pair in {@code dir}, generating it when absent. Safe when several processes, and several threads of one
     * process, start at once on a fresh directory: one of them generates the pair, all of them read the same one.
     */
    public static KeyPair ensure(Path dir) {
        try {
            if (!generated(dir)) {
                PrivateFiles.directory(dir);
                try (FileChannel channel = FileChannel.open(dir.resolve(LOCK),
                        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), PrivateFiles.fileAttributes());
                        FileLock lock = lock(channel)) {
                    if (!generated(dir)) {
                        generate(dir);
                    }
                }
            }
            PrivateFiles.restrictTree(dir);
            return load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair in {@code dir}; fails when it has not been generated. */
    public static KeyPair load(Path dir) throws IOException, GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(read(dir.resolve(PRIVATE_KEY))));
        PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(read(dir.resolve(PUBLIC_KEY))));
        return new KeyPair(publicKey, privateKey);
    }

    /** Both files are written whole (each moved into place complete), the public one last. */
    private static boolean generated(Path dir) {
        return Files.exists(dir.resolve(PUBLIC_KEY)) && Files.exists(dir.resolve(PRIVATE_KEY));
    }

    /**
     * The file lock keeps other processes out. Within one JVM a file lock is held for the whole process, not the
     * thread, so a second thread asking for it gets {@link OverlappingFileLockException} rather than waiting: it
     * waits here instead, until the first one's generation is done.
     */
    private static FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the key-file lock was held for over " + LOCK_WAIT, e);
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted waiting for the key-file lock");
                }
            }
        }
    }

    private static void generate(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        write(dir.resolve(PRIVATE_KEY), "PRIVATE KEY", pair.getPrivate().getEncoded());
        write(dir.resolve(PUBLIC_KEY), "PUBLIC KEY", pair.getPublic().getEncoded());
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                PrivateFiles.fileAttributes());
        Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] read(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
