package io.gongkai.aggregation.client;

import io.gongkai.aggregation.config.FeedConfig;
import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.security.Roles;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * This service's identity towards intake: the configured token (from the identity provider, {@code gongkai.feed.token}),
 * or, on a local installation, a short-lived token with the service role signed with the local key pair.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(10);

    private final Optional<String> configured;
    private final boolean localKeys;
    private final Path keyDirectory;
    private final String issuer;
    private String minted;
    private Instant expires = Instant.EPOCH;

    public ServiceToken(FeedConfig config, @ConfigProperty(name = "gongkai.jwt.local-keys") boolean localKeys,
            @ConfigProperty(name = "gongkai.jwt.key-dir") Path keyDirectory,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.configured = config.token();
        this.localKeys = localKeys;
        this.keyDirectory = keyDirectory;
        this.issuer = issuer;
    }

    /** The Authorization header value to send, if this installation has an identity. */
    public synchronized Optional<String> authorization() {
        if (configured.isPresent()) {
            return configured.map(token -> "Bearer " + token);
        }
        if (!localKeys) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (now.isAfter(expires.minus(RENEW_BEFORE))) {
            PrivateKey key = LocalKeys.ensure(keyDirectory).getPrivate();
            expires = now.plus(LIFETIME);
            minted = Jwt.issuer(issuer).upn("aggregation-service").subject("aggregation-service").groups(Roles.SERVICE)
                    .expiresAt(expires).sign(key);
        }
        return Optional.of("Bearer " + minted);
    }
}
