package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.service.FeedPosition;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.util.function.Function;

/** Answers 304 when the client's ETag names the current feed position, else computes the answer. */
final class Conditional {

    private Conditional() {
    }

    static Response respond(Request request, FeedPosition position, String resource, Function<FeedPosition, Object> answer) {
        EntityTag tag = new EntityTag(position.etag(resource));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(answer.apply(position)).tag(tag).build();
    }
}
