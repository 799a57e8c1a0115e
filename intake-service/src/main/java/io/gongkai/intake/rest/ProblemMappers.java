package io.gongkai.intake.rest;

import io.agroal.api.AgroalDataSource;
import io.gongkai.contracts.api.InvalidParameterException;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.faults.DatabaseFailures;
import io.gongkai.contracts.form.Finding;
import io.gongkai.intake.imports.UnreadableDocumentException;
import io.gongkai.intake.security.CallerResolver;
import io.gongkai.intake.service.SubmissionWriter;
import io.gongkai.intake.service.WriterBusyException;
import io.gongkai.intake.validation.SubmissionRejectedException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Every error leaves as an RFC 9457 problem (application/problem+json). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final DatabaseFailures databases;

    public ProblemMappers(AgroalDataSource dataSource) {
        this.databases = new DatabaseFailures(dataSource);
    }

    @ServerExceptionMapper
    public Response rejected(SubmissionRejectedException e, UriInfo uri) {
        String title = switch (e.status()) {
            case 403 -> "Outside the submitter's scope";
            case 409 -> "Conflict with the registered unit";
            case 413 -> "Body too large";
            case 422 -> "The figures break the form's rules";
            default -> "Malformed submission";
        };
        return problem(new Problem(Problem.TYPE_PREFIX + e.problemType(), title, e.status(), e.getMessage(),
                uri.getPath(), e.findings()));
    }

    @ServerExceptionMapper
    public Response invalidParameter(ConstraintViolationException e, UriInfo uri) {
        List<Finding> findings = e.getConstraintViolations().stream().map(ProblemMappers::finding).toList();
        return problem(new Problem(Problem.TYPE_PREFIX + "invalid-parameter", "Invalid request parameter", 400,
                findings.size() + " invalid parameter(s)", uri.getPath(), findings));
    }

    @ServerExceptionMapper
    public Response unreadableDocument(UnreadableDocumentException e, UriInfo uri) {
        String title = switch (e.status()) {
            case 413 -> "Document too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Report not readable";
            default -> "Not a published report";
        };
        return problem(Problem.of(e.problemType(), title, e.status(), e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unreadableParameter(InvalidParameterException e, UriInfo uri) {
        return problem(e.problem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e instanceof NotFoundException && e.getCause() instanceof IllegalArgumentException unreadable) {
            // JAX-RS answers a parameter it cannot convert (a number that is not one) with 404; it is a bad request.
            return problem(Problem.of("invalid-parameter", "Invalid request parameter", 400,
                    "a parameter could not be read: " + unreadable.getMessage(), uri.getPath()));
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return problem(Problem.of("http-" + status, title, status, e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(Problem.of("unauthenticated", "Unauthorized", 401,
                        "a valid bearer token (JWT) is required", uri.getPath())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(Problem.of("forbidden", "Forbidden", 403, "the token's role may not do this", uri.getPath()));
    }

    @ServerExceptionMapper({WriterBusyException.class, SubmissionWriter.CommitOutcomeUnknownException.class})
    public Response busy(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(Problem.of("busy", "Service Unavailable", 503, e.getMessage(),
                uri.getPath()))).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response invalidClaims(CallerResolver.InvalidClaimsException e, UriInfo uri) {
        return problem(Problem.of("invalid-token-claims", "Forbidden", 403, e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (databases.isUnavailable()) {
            LOG.warnf("database unavailable on %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(problem(Problem.of("database-unavailable", "Service Unavailable", 503,
                            "the database cannot be reached; nothing was stored, retry later", uri.getPath())))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return problem(Problem.of("internal-error", "Internal error", 500,
                "the request could not be completed; nothing was stored", uri.getPath()));
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Finding finding(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String parameter = path.substring(path.lastIndexOf('.') + 1);
        return Finding.error("PARAMETER", parameter, violation.getMessage(), String.valueOf(violation.getInvalidValue()),
                parameter + " " + violation.getMessage());
    }
}
