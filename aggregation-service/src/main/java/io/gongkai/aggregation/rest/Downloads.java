package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.service.Export;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Exports as file downloads: attachments named after their unit, year and content. */
final class Downloads {

    private Downloads() {
    }

    /** A small export, written into the answer before it is sent. */
    static Response whole(Export export) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            export.writeTo(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return attachment(Response.ok(body.toByteArray(), export.format().mediaType()), export);
    }

    /**
     * A large export, written while it is sent, on the worker thread that answers the request. The end of the exchange
     * (also a client going away mid-file, or before the body began) is told to the export, which then stops writing
     * and gives back its slot.
     */
    static Response streamed(Export export, RoutingContext exchange) {
        exchange.addEndHandler(ended -> export.close());
        StreamingOutput body = export::writeTo;
        return attachment(Response.ok(body, export.format().mediaType()), export);
    }

    private static Response attachment(Response.ResponseBuilder answer, Export export) {
        return answer.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"").build();
    }
}
