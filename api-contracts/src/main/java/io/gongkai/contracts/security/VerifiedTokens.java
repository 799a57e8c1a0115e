package io.gongkai.contracts.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

import java.time.Duration;
import java.time.Instant;

/**
 * Verifies each bearer token once and remembers the result until the token expires (at most ten minutes): a
 * system that submits or polls many times a second presents the same token each time, and checking its RSA
 * signature and claims again would cost more than the request itself. Only the exact token string that was
 * verified is recognised; a token is never served after its expiry, and failures are not remembered. Each service
 * makes it the principal factory SmallRye JWT uses with a CDI alternative that extends it.
 */
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final JWTCallerPrincipalFactory verifier;
    private final Cache<String, JWTCallerPrincipal> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfter(Expiry.creating((String token, JWTCallerPrincipal principal) -> lifetime(principal)))
            .build();

    public VerifiedTokens() {
        this(new DefaultJWTCallerPrincipalFactory());
    }

    protected VerifiedTokens(JWTCallerPrincipalFactory verifier) {
        this.verifier = verifier;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JWTCallerPrincipal known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JWTCallerPrincipal principal;
        try {
            principal = verifier.parse(token, context);
        } catch (RuntimeException claimsOfTheWrongShape) {
            // A signed token whose standard claims have the wrong JSON type (groups as a number or an object) fails
            // inside the library with a cast error; it is an invalid token (401), not a server error.
            throw new ParseException("the token's claims have the wrong shape: " + claimsOfTheWrongShape.getMessage(),
                    claimsOfTheWrongShape);
        }
        verified.put(token, principal);
        return principal;
    }

    /** Until the token expires, bounded; a token without an expiry is verified every time. */
    private static Duration lifetime(JWTCallerPrincipal principal) {
        long expiresAt = principal.getExpirationTime();
        if (expiresAt <= 0) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(expiresAt));
        return left.isNegative() ? Duration.ZERO : left.compareTo(MAX_AGE) < 0 ? left : MAX_AGE;
    }
}
