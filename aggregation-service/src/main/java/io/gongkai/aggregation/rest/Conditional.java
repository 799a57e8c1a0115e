package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.service.AnswerCache;
import io.gongkai.aggregation.service.FeedPosition;
import io.gongkai.aggregation.service.FeedPositions;
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
        byte[] body = answers.get(resource, position, () -> answer.apply(position));
        EntityTag tag = new EntityTag(position.etag(resource));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag).build();
    }
}
