package io.gongkai.intake.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** What an operator watches on intake (Prometheus at /q/metrics): outcomes, the writer's load, refused strangers. */
@ApplicationScoped
public class IntakeMetrics {

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Counter refusedWithoutToken;
    private final Counter auditNotStored;
    private final Counter shed;
    private final DistributionSummary batchSizes;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.refusedWithoutToken = Counter.builder("gongkai.intake.refused.without.token")
                .description("Write attempts without a valid bearer token (not written to the audit trail)")
                .register(registry);
        this.auditNotStored = Counter.builder("gongkai.intake.audit.not.stored")
                .description("Audit records of rejected attempts only logged: too many waiting, or the database down")
                .register(registry);
        this.shed = Counter.builder("gongkai.intake.writer.shed")
                .description("Submissions answered 503 because the writer's queue was full; none of them was stored")
                .register(registry);
        this.batchSizes = DistributionSummary.builder("gongkai.intake.writer.batch.size")
                .description("Submissions stored per transaction").register(registry);
    }

    /** A submission answered: accepted, replayed or rejected, with its HTTP status. */
    public void submission(String outcome, int status) {
        outcomes.computeIfAbsent(outcome + status, key -> Counter.builder("gongkai.intake.submissions")
                .description("Submissions by outcome and HTTP status")
                .tag("outcome", outcome).tag("status", Integer.toString(status)).register(registry)).increment();
    }

    public void refusedWithoutToken() {
        refusedWithoutToken.increment();
    }

    public void auditNotStored() {
        auditNotStored.increment();
    }

    public void shed() {
        shed.increment();
    }

    public void batch(int size) {
        batchSizes.record(size);
    }

    /** The writer's queue depth, read when scraped. */
    public void queueDepth(java.util.function.Supplier<Number> depth) {
        registry.gauge("gongkai.intake.writer.queue.depth", java.util.List.of(), depth, s -> s.get().doubleValue());
    }
}
