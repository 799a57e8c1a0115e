package io.gongkai.intake.rest;

import io.gongkai.contracts.api.FeedPage;
import io.gongkai.intake.api.StoredFeedPage;
import io.gongkai.contracts.api.Problem;
import io.gongkai.intake.service.FeedService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import io.gongkai.contracts.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/feed")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SERVICE, Roles.AUDITOR})
@Tag(name = "Feed", description = "Every accepted version, once, in one total order")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FeedResource {

    private final FeedService feed;

    public FeedResource(FeedService feed) {
        this.feed = feed;
    }

    @GET
    @Operation(summary = "Accepted versions after a cursor",
            description = "Versions in the order they became visible. A consumer that passes each page's `next` as the"
                    + " following `after` sees every accepted version exactly once, however many submissions commit"
                    + " concurrently. Positions are given shortly after commit (normally within milliseconds).")
    @APIResponse(responseCode = "200", description = "The next page; empty when the consumer is up to date",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StoredFeedPage after(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return feed.after(after, limit);
    }
}
