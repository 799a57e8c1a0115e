package io.gongkai.intake.service;

import io.gongkai.intake.api.AuditEntry;
import io.gongkai.intake.api.AuditPage;
import io.gongkai.intake.model.AuditRecord;
import io.gongkai.intake.repository.AuditRepository;
import io.gongkai.intake.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Semaphore;

/** The audit trail of write attempts. Records are only ever added. */
@ApplicationScoped
public class AuditService {

    private static final Logger LOG = Logger.getLogger(AuditService.class);
    static final int MAX_PENDING = 256;

    private final AuditRepository records;
    private final Clock clock;
    private final ManagedExecutor executor;
    private final IntakeMetrics metrics;
    private final Semaphore pending = new Semaphore(MAX_PENDING);

    public AuditService(AuditRepository records, Clock clock, ManagedExecutor executor, IntakeMetrics metrics) {
        this.records = records;
        this.clock = clock;
        this.executor = executor;
        this.metrics = metrics;
    }

    /**
     * Records a rejected attempt of an authenticated caller in its own transaction, off the request thread (a
     * rejection may be decided before the request reaches a worker thread). Attempts without a valid token write
     * nothing to the database: strangers must not be able to grow it; they are counted and logged. At most
     * {@link #MAX_PENDING} records wait to be stored; beyond that, and when the database is down, the attempt is
     * logged instead.
     */
    public void recordRejected(Caller caller, int status, String unitCode, Integer year, List<String> ruleIds) {
        if (!caller.authenticated()) {
            refusedWithoutToken(caller.address(), status, "no bearer token");
            return;
        }
        AuditRecord record = record(caller, AuditRecord.Outcome.REJECTED, status);
        record.unitCode = unitCode == null || unitCode.length() <= 32 ? unitCode : unitCode.substring(0, 32);
        record.year = year;
        record.ruleIds = ruleIds.isEmpty() ? null : truncate(String.join(",", ruleIds.stream().distinct().toList()));
        if (!pending.tryAcquire()) {
            metrics.auditNotStored();
            LOG.warnf("audit record of a rejected attempt not stored (%d already waiting): status %d by %s for %s",
                    MAX_PENDING, status, caller.principal(), unitCode);
            return;
        }
        executor.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> records.persist(record)))
                .whenComplete((stored, failure) -> pending.release())
                .exceptionally(failure -> {
                    metrics.auditNotStored();
                    LOG.warnf("audit record of a rejected attempt not stored (%s): status %d by %s for %s",
                            failure.getMessage(), status, caller.principal(), unitCode);
                    return null;
                });
    }

    /** A write attempt without a valid token (none, forged, expired, or with claims its roles cannot use). */
    public void refusedWithoutToken(String address, int status, String reason) {
        metrics.refusedWithoutToken();
        LOG.infof("refused a write attempt from %s without a valid token (%d): %s", address, status, reason);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditPage search(String unitCode, Instant from, Instant to, AuditRecord.Outcome outcome, int page, int size) {
        var query = records.search(unitCode, from, to, outcome, Page.of(page, size));
        return new AuditPage(query.list().stream().map(AuditService::entry).toList(), page, size, query.count());
    }

    private AuditRecord record(Caller caller, AuditRecord.Outcome outcome, int status) {
        AuditRecord record = new AuditRecord();
        record.recordedAt = clock.instant();
        record.principal = truncate(caller.principal());
        record.role = caller.role();
        record.scope = caller.unitPrefix();
        record.clientAddress = caller.address();
        record.outcome = outcome;
        record.status = status;
        return record;
    }

    private static AuditEntry entry(AuditRecord r) {
        return new AuditEntry(r.id, r.recordedAt.atOffset(ZoneOffset.UTC), r.principal, r.role, r.scope,
                r.clientAddress, r.unitCode, r.year, r.version, r.contentHash, r.outcome, r.status,
                r.ruleIds == null ? List.of() : List.of(r.ruleIds.split(",")));
    }

    static String truncate(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 200);
    }
}
