package io.gongkai.aggregation.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the dashboard page needs before anyone signs in: how to sign in, which years to offer and how often to poll.
 *
 * @param signIn       the ways to sign in
 * @param firstYear    the first report year any form covers
 * @param defaultYear  the year being reported on now: last year, in the reporting zone
 * @param lastYear     the latest year offered: this year
 * @param pollSeconds  seconds between the page's conditional requests for its totals
 * @param trendYears   years the trend chart shows
 * @param forms        the forms and the first year each is used for, so that the page asks for a year's figures at once
 */
public record DashboardSettings(SignIn signIn, int firstYear, int defaultYear, int lastYear, long pollSeconds,
        int trendYears, List<Form> forms) {

    public record Form(String version, int firstYear) {
    }

    /**
     * @param local whether a pasted token is accepted (local installations)
     * @param oidc  the identity provider's endpoints; absent when none is configured
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SignIn(boolean local, Oidc oidc) {
    }

    public record Oidc(String authorizationEndpoint, String tokenEndpoint, String clientId, String scope) {
    }
}
