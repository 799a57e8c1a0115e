package io.gongkai.aggregation.client;

import io.gongkai.contracts.api.FeedPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one way into intake. Timeouts are configured on the client ({@code quarkus.rest-client.intake.*}), the
 * bearer token comes from {@link ServiceToken}; every failure (401/403 included) becomes
 * {@link IntakeUnavailableException}, so callers handle one kind of failure.
 */
@ApplicationScoped
public class IntakeFeedClient {

    private final IntakeFeedApi api;
    private final ServiceToken identity;

    public IntakeFeedClient(@RestClient IntakeFeedApi api, ServiceToken identity) {
        this.api = api;
        this.identity = identity;
    }

    /** The feed entries after a cursor, in feed order. */
    public FeedPage page(long after, int limit) {
        try {
            FeedPage page = api.page(after, limit, identity.authorization().orElse(null));
            if (page == null || page.entries() == null) {
                throw new IntakeUnavailableException("intake answered the feed request without a page", null);
            }
            return page;
        } catch (WebApplicationException | ProcessingException e) {
            throw new IntakeUnavailableException("intake's feed is unavailable: " + e.getMessage(), e);
        }
    }
}
