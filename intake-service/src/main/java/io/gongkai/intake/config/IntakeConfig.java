package io.gongkai.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "gongkai.intake")
public interface IntakeConfig {

    /** The largest submission body accepted, in bytes. */
    @WithDefault("262144")
    int maxBodyBytes();

    /** The most requests with a body read or handled at once; one more is answered 503 before its body is read. */
    @WithDefault("128")
    int maxBodiesInFlight();

    /** The largest published report an import accepts, in bytes (pages exported from Word run to hundreds of KB). */
    @WithDefault("2097152")
    int maxImportBytes();

    /**
     * The most large bodies read or handled at once: imports, and bodies sent in chunks without a length (which may
     * run to the HTTP layer's limit, the import size). One more is answered 503 before its body is read.
     */
    @WithDefault("8")
    int maxLargeBodiesInFlight();

    /** The most submissions stored in one transaction. */
    @WithDefault("200")
    int batchSize();

    /** The most bytes of stored reports in one feed page (at least one report is always given). */
    @WithDefault("4194304")
    long feedPageBytes();

    /** The most submissions waiting for the writer; beyond it submissions are shed with 503. */
    @WithDefault("2000")
    int queueCapacity();

    /** The most bytes of canonical reports waiting for the writer; beyond it submissions are shed with 503. */
    @WithDefault("16777216")
    long queueBytes();

    /** How long a submission may wait for the writer to take it before it is withdrawn and answered 503. */
    @WithDefault("30s")
    java.time.Duration writeTimeout();
}
