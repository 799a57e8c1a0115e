package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.service.AnswerCache;
import io.gongkai.aggregation.service.FeedPosition;
import io.gongkai.aggregation.service.FeedPositions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.util.function.Function;

/** Answers 304 when the client's ETag names the current feed position, else the (cached) answer. */
final class Conditional {

    private Conditional() {
    }

    /**
     * The answer is looked up (or computed) first, so an unknown unit is a 404 and never a 304; then a client that
     * already holds it gets 304.
     */
    static Response respond(Request request, FeedPositions positions, AnswerCache answers, String resource,
            Function<FeedPosition, Object> answer) {
        FeedPosition position = positions.current();
        Buffer body = answers.get(resource, position, () -> answer.apply(position));
        return respond(request, resource, position, body);
    }

    /**
     * The same answer without leaving the I/O thread when the position is fresh and the answer already rendered: a
     * dashboard's repeated poll costs no thread switch. Anything that needs the database runs on a worker thread.
     */
    static Uni<Response> respondQuickly(Request request, FeedPositions positions, AnswerCache answers, String resource,
            Function<FeedPosition, Object> answer) {
        FeedPosition position = positions.currentIfFresh();
        Buffer body = position == null ? null : answers.getIfPresent(resource, position);
        if (body != null) {
            return Uni.createFrom().item(respond(request, resource, position, body));
        }
        return Uni.createFrom().item(() -> respond(request, positions, answers, resource, answer))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response respond(Request request, String resource, FeedPosition position, Buffer body) {
        EntityTag tag = new EntityTag(position.etag(resource));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag).build();
    }
}
