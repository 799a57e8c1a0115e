package io.gongkai.intake.service;

import io.gongkai.intake.api.SubmissionPage;
import io.gongkai.intake.api.SubmissionVersionView;
import io.gongkai.intake.api.VersionPage;
import io.gongkai.intake.mapping.VersionMapper;
import io.gongkai.intake.model.SubmissionVersion;
import io.gongkai.intake.repository.SubmissionVersionRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** Reads stored versions. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SubmissionQueryService {

    private final SubmissionVersionRepository versions;

    public SubmissionQueryService(SubmissionVersionRepository versions) {
        this.versions = versions;
    }

    public Optional<SubmissionVersionView> current(String unitCode, int year) {
        return versions.findCurrent(unitCode, year).map(VersionMapper::view);
    }

    public Optional<SubmissionVersionView> version(String unitCode, int year, int version) {
        return versions.findVersion(unitCode, year, version).map(VersionMapper::view);
    }

    public VersionPage history(String unitCode, int year, int page, int size) {
        PanacheQuery<SubmissionVersion> query = versions.findVersions(unitCode, year, Page.of(page, size));
        return new VersionPage(query.list().stream().map(VersionMapper::view).toList(), page, size, query.count());
    }

    public SubmissionPage list(Integer year, String unitPrefix, int page, int size) {
        PanacheQuery<SubmissionVersion> query = versions.findCurrentVersions(year, unitPrefix, Page.of(page, size));
        return new SubmissionPage(query.list().stream().map(VersionMapper::summary).toList(), page, size,
                query.count());
    }
}
