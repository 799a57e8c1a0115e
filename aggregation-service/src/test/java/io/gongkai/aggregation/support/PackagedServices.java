package io.gongkai.aggregation.support;

import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.testing.ForgedTokens;
import io.gongkai.contracts.testing.PackagedService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

/**
 * Both packaged services with the production JVM options (deploy/jvm-options), each on its own fresh database in a
 * temporary directory: intake, and aggregation following intake's feed over real HTTP. The installation's key
 * pair is made first, so tests can sign tokens with it.
 */
public final class PackagedServices implements AutoCloseable {

    public static final String ISSUER = "https://gongkai.local";
    public static final Path INTAKE_JAR = Path.of(System.getProperty("gongkai.e2e.intake-jar",
            "../intake-service/target/quarkus-app/quarkus-run.jar"));
    private static final Path AGGREGATION_JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    public final Path work;
    public final KeyPair keys;
    public final PackagedService intake;
    public final PackagedService aggregation;

    private PackagedServices(Path work, KeyPair keys, PackagedService intake, PackagedService aggregation) {
        this.work = work;
        this.keys = keys;
        this.intake = intake;
        this.aggregation = aggregation;
    }

    public static PackagedServices start(String name) throws Exception {
        Path work = Files.createTempDirectory(name);
        Path keyDir = work.resolve("intake/keys");
        KeyPair keys = LocalKeys.ensure(keyDir);
        String suffix = name.replaceAll("\\W", "_") + System.currentTimeMillis();
        PackagedService intake = new PackagedService("intake", INTAKE_JAR, work.resolve("intake"), PackagedService.JVM_OPTIONS,
                List.of("-Dintake.mysql.database=gongkai_intake_" + suffix));
        intake.start();
        PackagedService aggregation = new PackagedService("aggregation", AGGREGATION_JAR, work.resolve("aggregation"),
                PackagedService.JVM_OPTIONS, List.of("-Daggregation.mysql.database=gongkai_aggregation_" + suffix,
                "-Dquarkus.rest-client.intake.url=" + intake.url(),
                // Trusts, and signs its own service identity with, the installation's key pair (intake's).
                "-Dgongkai.jwt.key-dir=" + keyDir.toAbsolutePath()));
        try {
            aggregation.start();
        } catch (Exception e) {
            intake.stop();
            throw e;
        }
        return new PackagedServices(work, keys, intake, aggregation);
    }

    /** A token of these roles (and submitter scope, or null), signed with the installation's key. */
    public String token(String scope, String... roles) {
        return ForgedTokens.valid(keys, ISSUER, List.of(roles), scope);
    }

    @Override
    public void close() throws InterruptedException {
        System.out.println("service logs: " + aggregation.log() + ", " + intake.log());
        aggregation.stop();
        intake.stop();
    }
}
