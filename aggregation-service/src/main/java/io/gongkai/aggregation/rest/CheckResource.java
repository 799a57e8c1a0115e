package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.api.Checks;
import io.gongkai.aggregation.service.AnswerCache;
import io.gongkai.aggregation.service.FeedPositions;
import io.gongkai.aggregation.service.CheckService;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/checks/{code}/{year: \\d{4}}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.AUDITOR, Roles.ADMIN})
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "Checks", description = "What auditors look at in a subtree")
public class CheckResource {

    private final CheckService checks;
    private final FeedPositions positions;
    private final AnswerCache answers;

    public CheckResource(CheckService checks, FeedPositions positions, AnswerCache answers) {
        this.checks = checks;
        this.positions = positions;
        this.answers = answers;
    }

    @GET
    @Operation(summary = "Findings over a unit's subtree for a year",
            description = "Warnings carried by the current reports, cross-year breaks (X1, X2) against each unit's "
                    + "current report of the year before, and missing reports.")
    @APIResponse(responseCode = "200", description = "The findings",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING),
                    description = "Changes when the findings may have"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Checks.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "A year no report form covers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No unit with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checks(@Parameter(example = "640402") @PathParam("code") String code,
            @Parameter(example = "2023") @PathParam("year") int year, @Context Request request) {
        return Conditional.respond(request, positions, answers, code + "-y" + year + "-checks",
                position -> checks.checks(code, year, position));
    }
}
