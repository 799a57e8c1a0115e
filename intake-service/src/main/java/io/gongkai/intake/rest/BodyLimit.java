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
 * may be (or, for an import, a published report) is refused with a 413 problem; the HTTP layer's own limit
 * (quarkus.http.limits.max-body-size, the import size) cuts off bodies sent without a length. At most
 * {@code gongkai.intake.max-bodies-in-flight} requests with an announced submission-sized body, and
 * {@code gongkai.intake.max-large-bodies-in-flight} imports or bodies sent in chunks, are read or handled at once;
 * one more is answered 503 with Retry-After at once. However many connections clients open, the bodies held stay
 * under those counts times their limits.
 */
@ApplicationScoped
public class BodyLimit {

    /** Published reports are larger than submissions; only this path may send them. */
    static final String IMPORTS_PATH = "/api/v1/imports";

    private final long maxBodyBytes;
    private final long maxImportBytes;
    private final int maxBodiesInFlight;
    private final int maxLargeBodiesInFlight;
    private final ObjectMapper json;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger largeInFlight = new AtomicInteger();

    public BodyLimit(IntakeConfig config, ObjectMapper json) {
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxImportBytes = config.maxImportBytes();
        this.maxBodiesInFlight = config.maxBodiesInFlight();
        this.maxLargeBodiesInFlight = config.maxLargeBodiesInFlight();
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
        boolean isImport = context.request().path().startsWith(IMPORTS_PATH);
        long limit = isImport ? maxImportBytes : maxBodyBytes;
        if (length > limit) {
            refuse(context, 413, "Body too large", "the body has " + (length == Long.MAX_VALUE ? "an unreadable length"
                    : length + " bytes") + "; a " + (isImport ? "published report" : "request") + " may have at most " + limit);
            return;
        }
        boolean chunked = length == 0 && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (length == 0 && !chunked) {
            context.next();
            return;
        }
        boolean large = isImport || chunked;
        AtomicInteger counter = large ? largeInFlight : inFlight;
        int most = large ? maxLargeBodiesInFlight : maxBodiesInFlight;
        if (counter.incrementAndGet() > most) {
            counter.decrementAndGet();
            refuse(context, 503, "Service Unavailable", most + (large ? " imports or bodies without a length" : " requests with a body")
                    + " are being handled; nothing was stored, retry later");
            return;
        }
        context.addEndHandler(ended -> counter.decrementAndGet());
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
