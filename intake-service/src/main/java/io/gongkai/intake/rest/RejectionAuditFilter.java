package io.gongkai.intake.rest;

import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.form.Finding;
import io.gongkai.intake.security.CallerResolver;
import io.gongkai.intake.service.AuditService;
import io.gongkai.intake.service.IntakeMetrics;
import io.gongkai.intake.service.SubmissionAttempt;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;

/**
 * Records every refused submission attempt (any 4xx or 5xx answer to POST /api/v1/submissions) of an authenticated
 * caller in the audit trail; attempts without a valid token are only counted and logged.
 */
public class RejectionAuditFilter {

    private final AuditService audit;
    private final CallerResolver callers;
    private final SubmissionAttempt attempt;
    private final IntakeMetrics metrics;

    public RejectionAuditFilter(AuditService audit, CallerResolver callers, SubmissionAttempt attempt,
            IntakeMetrics metrics) {
        this.metrics = metrics;
        this.audit = audit;
        this.callers = callers;
        this.attempt = attempt;
    }

    @ServerResponseFilter
    public void recordRejection(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!"POST".equals(request.getMethod()) || !storesSubmissions(path.replaceAll("/+$", ""), request)) {
            return;
        }
        int status = response.getStatus();
        metrics.submission(status == 201 ? "accepted" : status < 400 ? "replayed" : "rejected", status);
        if (status < 400) {
            return;
        }
        List<String> rules = response.getEntity() instanceof Problem problem && problem.violations() != null
                ? problem.violations().stream().map(Finding::rule).toList() : List.of();
        String unitCode = attempt.unitCode();
        Integer year = attempt.year();
        String address = callers.address();
        callers.deferred().subscribe().with(caller -> audit.recordRejected(caller, status, unitCode, year, rules),
                invalid -> audit.refusedWithoutToken(address, status, invalid.getMessage()));
    }

    /** A submission, or an import asked to store what it read. */
    private static boolean storesSubmissions(String path, ContainerRequestContext request) {
        return path.equals("/api/v1/submissions") || path.equals(BodyLimit.IMPORTS_PATH)
                && "true".equals(request.getUriInfo().getQueryParameters().getFirst("store"));
    }
}
