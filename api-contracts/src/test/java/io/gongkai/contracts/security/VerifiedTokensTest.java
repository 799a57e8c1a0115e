package io.gongkai.contracts.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token is verified once, served from memory until it expires, and never remembered when it fails. */
class VerifiedTokensTest {

    private final JWTAuthContextInfo context = new JWTAuthContextInfo();

    @Test
    void theSameTokenIsVerifiedOnce() throws Exception {
        CountingVerifier verifier = new CountingVerifier(60);
        VerifiedTokens tokens = new VerifiedTokens(verifier);

        JWTCallerPrincipal first = tokens.parse("token-a", context);
        JWTCallerPrincipal second = tokens.parse("token-a", context);
        tokens.parse("token-b", context);

        assertThat(second).isSameAs(first);
        assertThat(verifier.verified).containsExactly("token-a", "token-b");
    }

    @Test
    void anExpiredTokenGoesBackToTheVerifier() throws Exception {
        CountingVerifier verifier = new CountingVerifier(1);
        VerifiedTokens tokens = new VerifiedTokens(verifier);
        tokens.parse("token-a", context);

        Thread.sleep(2_100);
        verifier.refuse = true;

        assertThatThrownBy(() -> tokens.parse("token-a", context)).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly("token-a", "token-a");
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        CountingVerifier verifier = new CountingVerifier(60);
        verifier.refuse = true;
        VerifiedTokens tokens = new VerifiedTokens(verifier);

        assertThatThrownBy(() -> tokens.parse("forged", context)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("forged", context)).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly("forged", "forged");
    }

    /** Accepts every token (unless told to refuse) with an expiry some seconds ahead, and records each call. */
    private static final class CountingVerifier extends JWTCallerPrincipalFactory {

        final List<String> verified = new ArrayList<>();
        final long lifetimeSeconds;
        boolean refuse;

        CountingVerifier(long lifetimeSeconds) {
            this.lifetimeSeconds = lifetimeSeconds;
        }

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
            verified.add(token);
            if (refuse) {
                throw new ParseException("refused");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject("test");
            claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + lifetimeSeconds));
            return new DefaultJWTCallerPrincipal(token, claims);
        }
    }
}
