package io.gongkai.contracts.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The token-signing key pair of a local installation: generated on first run into the data directory and never
 * shipped. Production installations verify tokens of their identity provider instead.
 */
public final class LocalKeys {

    public static final String PRIVATE_KEY = "private.pem";
    public static final String PUBLIC_KEY = "public.pem";

    private LocalKeys() {
    }

    /** The key pair in {@code dir}, generating it when absent. Safe when several processes start at once. */
    public static KeyPair ensure(Path dir) {
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (!Files.exists(dir.resolve(PUBLIC_KEY)) || !Files.exists(dir.resolve(PRIVATE_KEY))) {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    KeyPair pair = generator.generateKeyPair();
                    write(dir.resolve(PRIVATE_KEY), "PRIVATE KEY", pair.getPrivate().getEncoded());
                    write(dir.resolve(PUBLIC_KEY), "PUBLIC KEY", pair.getPublic().getEncoded());
                }
                return load(dir);
            }
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

    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] read(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
