package io.gongkai.aggregation.client;

import io.gongkai.contracts.api.FeedPage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Intake's change feed, as its contract (api-contracts openapi/intake-api.yaml) describes it; a test checks
 * this interface against that document. Only {@link IntakeFeedClient} uses it.
 */
@RegisterRestClient(configKey = "intake")
@Path("/api/v1/feed")
public interface IntakeFeedApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    FeedPage page(@QueryParam("after") long after, @QueryParam("limit") int limit,
            @HeaderParam("Authorization") String authorization);
}
