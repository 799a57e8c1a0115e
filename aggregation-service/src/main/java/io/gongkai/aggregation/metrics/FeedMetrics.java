package io.gongkai.aggregation.metrics;

import io.gongkai.aggregation.service.AnswerCache;
import io.gongkai.aggregation.service.FeedProgress;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

import java.util.function.ToDoubleFunction;

/**
 * The follower's progress and the answer cache's weight, served with the JVM's and HTTP's metrics at /q/metrics
 * (Prometheus text). Each value is read when scraped.
 */
@Singleton
public class FeedMetrics implements MeterBinder {

    private final FeedProgress progress;
    private final AnswerCache answers;

    public FeedMetrics(FeedProgress progress, AnswerCache answers) {
        this.progress = progress;
        this.answers = answers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "gongkai.feed.cursor", "The feed position applied to the totals", null, FeedProgress.Snapshot::cursor);
        gauge(registry, "gongkai.feed.head", "The last feed position intake had handed out at its last answer", null,
                FeedProgress.Snapshot::head);
        gauge(registry, "gongkai.feed.lag", "Feed positions intake has handed out that the totals do not hold yet", null,
                s -> s.head() - s.cursor());
        gauge(registry, "gongkai.feed.behind", "How old the totals are against intake's feed, as far as known", "seconds",
                FeedProgress.Snapshot::secondsBehind);
        gauge(registry, "gongkai.feed.apply.failures", "Consecutive failed attempts to apply the same feed page", null,
                FeedProgress.Snapshot::consecutiveFailures);
        gauge(registry, "gongkai.feed.intake.unreachable", "1 while intake's feed cannot be read", null,
                s -> s.intakeUnreachableSince() == null ? 0 : 1);
        FunctionCounter.builder("gongkai.feed.entries.applied", progress, p -> p.snapshot().entriesApplied())
                .description("Feed versions applied to the totals since start").register(registry);
        Gauge.builder("gongkai.answers.cache", answers, AnswerCache::bytes).baseUnit("bytes")
                .description("Memory held by rendered answers kept for reuse").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, String unit,
            ToDoubleFunction<FeedProgress.Snapshot> value) {
        Gauge.builder(name, progress, p -> value.applyAsDouble(p.snapshot())).description(description).baseUnit(unit)
                .register(registry);
    }
}
