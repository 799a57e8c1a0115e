package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.api.RebuildResult;
import io.gongkai.aggregation.service.FeedFollower;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "Admin")
public class AdminResource {

    private final FeedFollower follower;

    public AdminResource(FeedFollower follower) {
        this.follower = follower;
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "Recompute every total from intake's feed",
            description = "Forgets every report and total (registered departments stay), re-reads the feed from the "
                    + "start and answers when it is caught up. The result equals the incrementally maintained one. "
                    + "While it runs, totals are partial.")
    @APIResponse(responseCode = "200", description = "Rebuilt")
    @APIResponse(responseCode = "503", description = "Intake's feed could not be read; the rebuild stopped and the "
            + "follower continues from where it got to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RebuildResult rebuild() {
        return follower.rebuild();
    }
}
