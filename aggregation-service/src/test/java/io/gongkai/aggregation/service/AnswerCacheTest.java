package io.gongkai.aggregation.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The answer cache holds at most its bytes, keeps no oversized answer and renders each answer once. */
class AnswerCacheTest {

    static final long CACHE_BYTES = 64 * 1024;
    static final long MAX_ANSWER_BYTES = 16 * 1024;
    static final FeedPosition POSITION = new FeedPosition(1, 42, Instant.parse("2024-02-01T00:00:00Z"));

    final AnswerCache answers = new AnswerCache(new ObjectMapper(), CACHE_BYTES, MAX_ANSWER_BYTES, Duration.ofMinutes(10));

    @Test
    void manyAnswersTogetherNeverWeighMoreThanTheBound() {
        for (int i = 0; i < 500; i++) {
            Buffer body = answers.get("unit-" + i, POSITION, () -> "x".repeat(2_000));
            assertThat(body.length()).isEqualTo(2_002);
        }

        assertThat(answers.bytes()).isPositive().isLessThanOrEqualTo(CACHE_BYTES);
        long kept = 0;
        for (int i = 0; i < 500; i++) {
            kept += answers.getIfPresent("unit-" + i, POSITION) == null ? 0 : 1;
        }
        assertThat(kept).isBetween(1L, CACHE_BYTES / 2_002);
    }

    @Test
    void anAnswerOverThePerAnswerCapIsServedButNotKept() {
        AtomicInteger renderings = new AtomicInteger();
        String big = "y".repeat((int) MAX_ANSWER_BYTES + 1);

        Buffer first = answers.get("big", POSITION, () -> count(renderings, big));
        Buffer second = answers.get("big", POSITION, () -> count(renderings, big));

        assertThat(first.toString()).isEqualTo('"' + big + '"');
        assertThat(second).isEqualTo(first);
        assertThat(renderings).hasValue(2);
        assertThat(answers.getIfPresent("big", POSITION)).isNull();
        assertThat(answers.bytes()).isZero();
    }

    @Test
    void aKeptAnswerIsRenderedOnceAndANewPositionIsANewAnswer() {
        AtomicInteger renderings = new AtomicInteger();

        answers.get("CN-y2023", POSITION, () -> count(renderings, "a"));
        answers.get("CN-y2023", POSITION, () -> count(renderings, "b"));
        Buffer moved = answers.get("CN-y2023", new FeedPosition(1, 43, POSITION.time()), () -> count(renderings, "c"));

        assertThat(renderings).hasValue(2);
        assertThat(answers.getIfPresent("CN-y2023", POSITION).toString()).isEqualTo("\"a\"");
        assertThat(moved.toString()).isEqualTo("\"c\"");
        assertThat(answers.bytes()).isEqualTo(2L * (3 + AnswerCache.ENTRY_OVERHEAD_BYTES));
    }

    @Test
    void aFailureIsThrownAndNotKept() {
        assertThatThrownBy(() -> answers.get("failing", POSITION, () -> {
            throw new UnknownUnitException("failing");
        })).isInstanceOf(UnknownUnitException.class);

        assertThat(answers.getIfPresent("failing", POSITION)).isNull();
        assertThat(answers.get("failing", POSITION, () -> "now").toString()).isEqualTo("\"now\"");
    }

    @Test
    void aReaderThatWaitedForAFailedRenderingRendersItself() throws Exception {
        CountDownLatch rendering = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            Future<Buffer> failing = readers.submit(() -> answers.get("flaky", POSITION, () -> {
                rendering.countDown();
                sleep(300);
                throw new IllegalStateException("the database went away");
            }));
            rendering.await();
            Future<Buffer> waiting = readers.submit(() -> answers.get("flaky", POSITION, () -> "second try"));

            assertThat(waiting.get(10, TimeUnit.SECONDS).toString()).isEqualTo("\"second try\"");
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the database went away");
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void concurrentReadersOfOneAnswerWaitForOneRendering() throws Exception {
        AtomicInteger renderings = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Buffer>> bodies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                bodies.add(readers.submit(() -> {
                    start.await();
                    return answers.get("CN-y2024", POSITION, () -> {
                        sleep(200);
                        return count(renderings, "nation");
                    });
                }));
            }
            start.countDown();
            for (Future<Buffer> body : bodies) {
                assertThat(body.get(10, TimeUnit.SECONDS).toString()).isEqualTo("\"nation\"");
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(renderings).hasValue(1);
    }

    private static String count(AtomicInteger renderings, String answer) {
        renderings.incrementAndGet();
        return answer;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
