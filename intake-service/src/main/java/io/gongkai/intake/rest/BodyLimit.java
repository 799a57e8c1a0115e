package io.gongkai.intake.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.contracts.api.Problem;
import io.gongkai.intake.config.IntakeConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body announced larger than a submission may be before any of it is read, with a 413 problem. The HTTP
 * layer's own limit (quarkus.http.limits.max-body-size, the same size) cuts off bodies sent without a length, so no
 * request body larger than the limit is ever held in memory.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBodyBytes;
    private final ObjectMapper json;

    public BodyLimit(IntakeConfig config, ObjectMapper json) {
        this.maxBodyBytes = config.maxBodyBytes();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = announced == null ? 0 : Long.parseLong(announced.trim());
        } catch (NumberFormatException e) {
            length = Long.MAX_VALUE;
        }
        if (length <= maxBodyBytes) {
            context.next();
            return;
        }
        Problem problem = Problem.of("body-too-large", "Body too large", 413, "the body has " + (announced.length() > 20
                ? "an unreadable length" : announced + " bytes") + "; a request may have at most " + maxBodyBytes,
                context.request().path());
        try {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(413, e);
        }
    }
}
