package io.gongkai.aggregation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Rendered answers (JSON) by resource and feed position. Totals only change when the feed moves, so while it stands
 * still every dashboard poll of the same unit is answered from memory; a new position is a new key. Bounded in
 * size and age by quarkus.cache.caffeine."answers".*.
 */
@ApplicationScoped
public class AnswerCache {

    private final Cache cache;
    private final ObjectMapper json;

    public AnswerCache(@CacheName("answers") Cache cache, ObjectMapper json) {
        this.cache = cache;
        this.json = json;
    }

    /** The answer for a resource at a position, computed (and kept) when not yet known. Failures are not kept. */
    public Buffer get(String resource, FeedPosition position, Supplier<Object> answer) {
        return cache.<Key, Buffer>get(new Key(resource, position), key -> render(answer.get())).await().indefinitely();
    }

    /** The answer for a resource at a position when it is already rendered; null otherwise. Never blocks. */
    public Buffer getIfPresent(String resource, FeedPosition position) {
        CompletableFuture<Object> known = cache.as(CaffeineCache.class).getIfPresent(new Key(resource, position));
        return known != null && known.isDone() && !known.isCompletedExceptionally() ? (Buffer) known.join() : null;
    }

    /** Rendered once into a buffer that every response writes as it is, without copying it first. */
    private Buffer render(Object answer) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render an answer", e);
        }
    }

    private record Key(String resource, FeedPosition position) {
    }
}
