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
        return respond(request, resource, position, MediaType.APPLICATION_JSON, body);
    }

    /**
     * The same answer without leaving the I/O thread when the position is fresh and the answer already rendered: a
     * dashboard's repeated poll costs no thread switch. Anything that needs the database runs on a worker thread.
     */
    static Uni<Response> respondQuickly(Request request, FeedPositions positions, AnswerCache answers, String resource,
            Function<FeedPosition, Object> answer) {
        return respondQuickly(request, positions, answers, resource, MediaType.APPLICATION_JSON,
                position -> answers.get(resource, position, () -> answer.apply(position)));
    }

    /**
     * The same for an answer a renderer turns into bytes of another media type (the official tables). The resource
     * must name the representation, as its ETag is derived from it: each representation has its own.
     */
    static Uni<Response> respondRenderedQuickly(Request request, FeedPositions positions, AnswerCache answers,
            String resource, String mediaType, Function<FeedPosition, byte[]> rendered) {
        return respondQuickly(request, positions, answers, resource, mediaType,
                position -> answers.getRendered(resource, position, () -> rendered.apply(position)));
    }

    private static Uni<Response> respondQuickly(Request request, FeedPositions positions, AnswerCache answers,
            String resource, String mediaType, Function<FeedPosition, Buffer> answer) {
        FeedPosition position = positions.currentIfFresh();
        Buffer body = position == null ? null : answers.getIfPresent(resource, position);
        if (body != null) {
            return Uni.createFrom().item(respond(request, resource, position, mediaType, body));
        }
        return Uni.createFrom().item(() -> {
            FeedPosition current = positions.current();
            return respond(request, resource, current, mediaType, answer.apply(current));
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response respond(Request request, String resource, FeedPosition position, String mediaType,
            Buffer body) {
        EntityTag tag = new EntityTag(position.etag(resource));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(body, mediaType).tag(tag).build();
    }
}
