package io.gongkai.aggregation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the dashboard page (GET /) signs readers in and how often it asks whether the totals changed. The page reads
 * these from /dashboard/config.json; nothing here is secret (the page is a public OAuth client).
 */
@ConfigMapping(prefix = "gongkai.dashboard")
public interface DashboardConfig {

    /** Whether the page offers a box to paste a bearer token (locally: one from deploy/mint-token.sh reader). */
    @WithDefault("true")
    boolean localSignIn();

    /** How often an open page asks, with If-None-Match, whether its totals changed. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Years the trend chart shows, ending with the year shown (at most the trend endpoint's ten). */
    @WithDefault("5")
    int trendYears();

    Oidc oidc();

    /**
     * The identity provider's OpenID Connect endpoints for the Authorization Code flow with PKCE, run by the page
     * itself as a public client (no client secret). Sign-in with the provider is offered when all three of the
     * authorization endpoint, the token endpoint and the client id are set.
     */
    interface Oidc {

        Optional<URI> authorizationEndpoint();

        /** Also allowed in the page's Content-Security-Policy (connect-src), since the page posts to it. */
        Optional<URI> tokenEndpoint();

        Optional<String> clientId();

        @WithDefault("openid")
        String scope();
    }
}
