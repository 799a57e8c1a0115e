package io.gongkai.intake.repository;

import io.gongkai.intake.model.AuditRecord;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditRecord> {

    /** Records matching the filters that are given, newest first. */
    public PanacheQuery<AuditRecord> search(String unitCode, Instant from, Instant to, AuditRecord.Outcome outcome,
            Page page) {
        StringBuilder query = new StringBuilder("from AuditRecord a where 1 = 1");
        Parameters parameters = new Parameters();
        if (unitCode != null) {
            query.append(" and a.unitCode = :unit");
            parameters.and("unit", unitCode);
        }
        if (from != null) {
            query.append(" and a.recordedAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and a.recordedAt < :to");
            parameters.and("to", to);
        }
        if (outcome != null) {
            query.append(" and a.outcome = :outcome");
            parameters.and("outcome", outcome);
        }
        query.append(" order by a.id desc");
        return find(query.toString(), parameters).page(page);
    }
}
