package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.client.IntakeUnavailableException;
import io.gongkai.aggregation.service.InvalidRequestException;
import io.gongkai.aggregation.service.UnknownUnitException;
import io.gongkai.contracts.api.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as an RFC 9457 problem detail (application/problem+json). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response unknownUnit(UnknownUnitException e, HttpServerRequest request) {
        return problem("unknown-unit", "Unknown unit", 404, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, HttpServerRequest request) {
        return problem("invalid-request", "Invalid request", 400, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response intakeUnavailable(IntakeUnavailableException e, HttpServerRequest request) {
        return problem("intake-unavailable", "Intake unavailable", 503, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem("http-" + status.getStatusCode(), status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpServerRequest request) {
        LOG.error("unexpected failure answering " + request.path(), e);
        return problem("internal-error", "Internal error", 500, "the service failed to answer; see its log", request);
    }

    private static Response problem(String type, String title, int status, String detail, HttpServerRequest request) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, title, status, detail, request.path())).build();
    }
}
