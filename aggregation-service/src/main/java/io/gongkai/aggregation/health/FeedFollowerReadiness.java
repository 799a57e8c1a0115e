package io.gongkai.aggregation.health;

import io.gongkai.aggregation.config.FeedConfig;
import io.gongkai.aggregation.service.FeedProgress;
import io.gongkai.aggregation.service.FeedProgress.State;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a feed page has kept failing to apply (gongkai.feed.stuck-attempts times in a row, or for
 * gongkai.feed.stuck-after): the totals would be served as current while they no longer follow the feed. Intake being
 * unreachable leaves the service ready, since its totals are still right as of their asOf, but says so.
 */
@Readiness
@ApplicationScoped
public class FeedFollowerReadiness implements HealthCheck {

    private final FeedProgress progress;
    private final boolean following;

    public FeedFollowerReadiness(FeedProgress progress, FeedConfig config) {
        this.progress = progress;
        this.following = config.enabled();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Feed follower");
        if (!following) {
            return response.up().withData("state", "DISABLED").build();
        }
        FeedProgress.Snapshot now = progress.snapshot();
        response.status(now.state() != State.STUCK)
                .withData("state", now.state().name())
                .withData("cursor", now.cursor())
                .withData("head", now.head())
                .withData("lag", now.head() - now.cursor())
                .withData("secondsBehind", now.secondsBehind());
        if (now.failingPosition() != null) {
            response.withData("failingPosition", now.failingPosition())
                    .withData("consecutiveFailures", now.consecutiveFailures())
                    .withData("failingSince", now.failingSince().toString())
                    .withData("error", now.error());
        }
        if (now.intakeUnreachableSince() != null) {
            response.withData("intakeUnreachableSince", now.intakeUnreachableSince().toString())
                    .withData("intakeError", now.intakeError());
        }
        return response.build();
    }
}
