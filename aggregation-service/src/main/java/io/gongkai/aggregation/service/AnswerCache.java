package io.gongkai.aggregation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gongkai.aggregation.config.ReadsConfig;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Rendered answers (JSON, or the official tables as HTML or XLSX) by resource and feed position. Totals only change when the feed moves, so while it stands
 * still every dashboard poll of the same unit is answered from memory; a new position is a new key. Bounded in bytes
 * ({@code gongkai.reads.answer-cache-bytes}) and age, whatever readers ask for; an answer over
 * {@code gongkai.reads.answer-max-bytes} is served but not kept.
 */
@ApplicationScoped
public class AnswerCache {

    /** What an entry costs besides its body: the key, its strings and the cache's node, roughly. */
    static final int ENTRY_OVERHEAD_BYTES = 256;

    private final AsyncCache<Key, Buffer> cache;
    private final ObjectMapper json;
    private final long maxAnswerBytes;

    @Inject
    public AnswerCache(ObjectMapper json, ReadsConfig config) {
        this(json, config.answerCacheBytes().asLongValue(), config.answerMaxBytes().asLongValue(), config.answerTtl());
    }

    AnswerCache(ObjectMapper json, long cacheBytes, long maxAnswerBytes, Duration ttl) {
        this.json = json;
        this.maxAnswerBytes = maxAnswerBytes;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .weigher((Key key, Buffer body) -> body.length() + ENTRY_OVERHEAD_BYTES)
                .expireAfterWrite(ttl)
                .buildAsync();
    }

    /**
     * The answer for a resource at a position, computed (and kept) when not yet known. Concurrent requests for the
     * same answer wait for one rendering, done on the first caller's thread. Failures are not kept: when the rendering
     * fails, the readers that waited for it try again themselves, so each sees its own outcome.
     */
    public Buffer get(String resource, FeedPosition position, Supplier<Object> answer) {
        return getRendered(resource, position, () -> toJson(answer.get()));
    }

    /**
     * The same for an answer a renderer turns into bytes itself (a document of the official tables); the resource
     * names the representation, so each is kept apart.
     */
    public Buffer getRendered(String resource, FeedPosition position, Supplier<byte[]> rendered) {
        Key key = new Key(resource, position);
        while (true) {
            CompletableFuture<Buffer> rendering = new CompletableFuture<>();
            CompletableFuture<Buffer> known = cache.get(key, (k, executor) -> rendering);
            if (known == rendering) {
                return render(key, rendering, rendered);
            }
            try {
                return known.join();
            } catch (CancellationException e) {
                // the rendering this reader waited for failed; it renders (or waits) anew
            }
        }
    }

    private Buffer render(Key key, CompletableFuture<Buffer> rendering, Supplier<byte[]> rendered) {
        try {
            Buffer body = Buffer.buffer(rendered.get());
            rendering.complete(body);
            if (body.length() > maxAnswerBytes) {
                cache.asMap().remove(key, rendering);
            }
            return body;
        } catch (Throwable e) {
            // Cancelled rather than failed: the cache logs every failed entry, and an unknown unit is no news.
            cache.asMap().remove(key, rendering);
            rendering.cancel(false);
            throw e;
        }
    }

    /** The answer for a resource at a position when it is already rendered; null otherwise. Never blocks. */
    public Buffer getIfPresent(String resource, FeedPosition position) {
        CompletableFuture<Buffer> known = cache.getIfPresent(new Key(resource, position));
        return known != null && known.isDone() && !known.isCompletedExceptionally() ? known.join() : null;
    }

    /** The bytes the kept answers weigh now, after any eviction due. */
    public long bytes() {
        cache.synchronous().cleanUp();
        return cache.synchronous().policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** Rendered once into a buffer that every response writes as it is, without copying it first. */
    private byte[] toJson(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render an answer", e);
        }
    }

    private record Key(String resource, FeedPosition position) {
    }
}
