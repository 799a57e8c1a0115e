package io.gongkai.intake.repository;

import io.gongkai.intake.model.SubmissionVersion;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SubmissionVersionRepository implements PanacheRepository<SubmissionVersion> {

    private static final String CURRENT = "from SubmissionVersion v where v.version = (select max(w.version)"
            + " from SubmissionVersion w where w.unitCode = v.unitCode and w.year = v.year)";

    public Optional<SubmissionVersion> findCurrent(String unitCode, int year) {
        return find("unitCode = ?1 and year = ?2", Sort.descending("version"), unitCode, year)
                .range(0, 0).firstResultOptional();
    }

    public Optional<SubmissionVersion> findVersion(String unitCode, int year, int version) {
        return find("unitCode = ?1 and year = ?2 and version = ?3", unitCode, year, version).firstResultOptional();
    }

    public PanacheQuery<SubmissionVersion> findVersions(String unitCode, int year, Page page) {
        return find("unitCode = ?1 and year = ?2", Sort.ascending("version"), unitCode, year).page(page);
    }

    /** Current versions, optionally of one year and of units whose code starts with a prefix. */
    public PanacheQuery<SubmissionVersion> findCurrentVersions(Integer year, String unitPrefix, Page page) {
        StringBuilder query = new StringBuilder(CURRENT);
        Parameters parameters = new Parameters();
        if (year != null) {
            query.append(" and v.year = :year");
            parameters.and("year", year);
        }
        if (unitPrefix != null && !unitPrefix.isEmpty()) {
            query.append(" and v.unitCode like :prefix");
            parameters.and("prefix", unitPrefix + "%");
        }
        query.append(" order by v.year, v.unitCode");
        return find(query.toString(), parameters).page(page);
    }
}
