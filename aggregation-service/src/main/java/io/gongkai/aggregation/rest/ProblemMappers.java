package io.gongkai.aggregation.rest;

import io.agroal.api.AgroalDataSource;
import io.gongkai.aggregation.client.IntakeUnavailableException;
import io.gongkai.aggregation.service.ExportsBusyException;
import io.gongkai.aggregation.service.InvalidRequestException;
import io.gongkai.aggregation.service.UnknownUnitException;
import io.gongkai.contracts.api.InvalidParameterException;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.faults.DatabaseFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as an RFC 9457 problem detail (application/problem+json). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final DatabaseFailures databases;

    public ProblemMappers(AgroalDataSource dataSource) {
        this.databases = new DatabaseFailures(dataSource);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
        return Response.fromResponse(problem("unauthenticated", "Unauthorized", 401,
                "a valid bearer token (JWT) is required", request)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return problem("forbidden", "Forbidden", 403, "the token's role may not do this", request);
    }

    @ServerExceptionMapper
    public Response unknownUnit(UnknownUnitException e, HttpServerRequest request) {
        return problem("unknown-unit", "Unknown unit", 404, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, HttpServerRequest request) {
        return problem("invalid-request", "Invalid request", 400, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, HttpServerRequest request) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(e.problem(request.path())).build();
    }

    @ServerExceptionMapper
    public Response intakeUnavailable(IntakeUnavailableException e, HttpServerRequest request) {
        return problem("intake-unavailable", "Intake unavailable", 503, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response exportsBusy(ExportsBusyException e, HttpServerRequest request) {
        return Response.fromResponse(problem("exports-busy", "Service Unavailable", 503, e.getMessage(), request))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds())).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem("http-" + status.getStatusCode(), status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpServerRequest request) {
        if (databases.isUnavailable()) {
            LOG.warnf("database unavailable answering %s: %s", request.path(), e.getMessage());
            return Response.fromResponse(problem("database-unavailable", "Service Unavailable", 503,
                    "the database cannot be reached; retry later", request))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected failure answering " + request.path(), e);
        return problem("internal-error", "Internal error", 500, "the service failed to answer; see its log", request);
    }

    private static Response problem(String type, String title, int status, String detail, HttpServerRequest request) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, title, status, detail, request.path())).build();
    }
}
