package io.gongkai.intake.rest;

import io.gongkai.contracts.tables.Representation;
import io.gongkai.intake.api.SubmissionVersionView;
import io.gongkai.intake.mapping.VersionMapper;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.time.ZoneId;

/**
 * Answers a stored version as JSON or as the official tables (HTML, XLSX), as the client asks. A version never
 * changes, so its ETag is derived from the version, its content and the representation, and a client holding that
 * representation gets 304 without a rendering.
 */
final class VersionRepresentations {

    /** Enough of the content hash to tell a replaced database's version from the one a client holds. */
    private static final int HASH_CHARACTERS = 16;

    private VersionRepresentations() {
    }

    /** The representation asked for by {@code format=} or Accept; 400 for an unknown format, 406 for no acceptable one. */
    static Representation choose(String format, String accept) {
        return Representation.choose(format, accept).orElseThrow(() -> new NotAcceptableException(
                "a report is answered as " + MediaType.APPLICATION_JSON + ", " + Representation.HTML_MEDIA_TYPE + " or "
                        + Representation.XLSX_MEDIA_TYPE));
    }

    static Response respond(Request request, SubmissionVersionView view, Representation representation, ZoneId zone) {
        String name = view.unitCode() + "-" + view.year() + "-v" + view.version();
        EntityTag tag = new EntityTag(name + "-" + view.contentHash().substring(0, Math.min(HASH_CHARACTERS, view.contentHash().length())) + "-"
                + representation.format());
        Response.ResponseBuilder answer = request.evaluatePreconditions(tag);
        if (answer == null) {
            answer = representation == Representation.JSON ? Response.ok(view, MediaType.APPLICATION_JSON_TYPE)
                    : Response.ok(representation.render(VersionMapper.printed(view, zone)), representation.contentType());
            representation.headers(name).forEach(answer::header);
        }
        return answer.tag(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
}
