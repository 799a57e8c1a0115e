package io.gongkai.intake.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.contracts.api.Problem;
import io.gongkai.intake.config.IntakeConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the request bodies held in memory, before any of them is read. A body announced larger than a submission
 * may be is refused with a 413 problem; the HTTP layer's own limit (quarkus.http.limits.max-body-size, the same size)
 * cuts off bodies sent without a length. And at most {@code gongkai.intake.max-bodies-in-flight} requests with a
 * body are read or handled at once; one more is answered 503 with Retry-After at once, so however many connections
 * clients open, the bodies held stay under that many times the limit.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBodyBytes;
    private final int maxBodiesInFlight;
    private final ObjectMapper json;
    private final AtomicInteger inFlight = new AtomicInteger();

    public BodyLimit(IntakeConfig config, ObjectMapper json) {
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxBodiesInFlight = config.maxBodiesInFlight();
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
        if (length > maxBodyBytes) {
            refuse(context, 413, "Body too large", "the body has " + (length == Long.MAX_VALUE ? "an unreadable length"
                    : length + " bytes") + "; a request may have at most " + maxBodyBytes);
            return;
        }
        boolean hasBody = length > 0 || context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (!hasBody) {
            context.next();
            return;
        }
        if (inFlight.incrementAndGet() > maxBodiesInFlight) {
            inFlight.decrementAndGet();
            refuse(context, 503, "Service Unavailable", maxBodiesInFlight + " requests with a body are being handled;"
                    + " nothing was stored, retry later");
            return;
        }
        context.addEndHandler(ended -> inFlight.decrementAndGet());
        context.next();
    }

    private void refuse(RoutingContext context, int status, String title, String detail) {
        Problem problem = Problem.of(status == 413 ? "body-too-large" : "busy", title, status, detail,
                context.request().path());
        HttpServerResponse response = context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).putHeader(HttpHeaders.CONNECTION, "close");
        if (status == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        try {
            response.end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(status, e);
        }
    }
}
