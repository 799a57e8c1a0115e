package io.gongkai.aggregation.support;

import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.security.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;

/** Real bearer tokens signed with the test installation's local key pair (or another one, to forge). */
public final class Tokens {

    public static final String ISSUER = "https://gongkai.local";
    public static final KeyPair KEYS = LocalKeys.ensure(Path.of("target/test-data/keys"));

    private Tokens() {
    }

    public static String of(String role) {
        return sign(KEYS, ISSUER, role, null, Duration.ofHours(1));
    }

    public static String submitter(String unitPrefix) {
        return sign(KEYS, ISSUER, Roles.SUBMITTER, unitPrefix, Duration.ofHours(1));
    }

    public static String sign(KeyPair keys, String issuer, String role, String unitPrefix, Duration lifetime) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer).upn("test-" + role).subject("test-" + role).groups(role)
                .expiresIn(lifetime);
        if (unitPrefix != null) {
            claims.claim(Roles.UNIT_PREFIX, unitPrefix);
        }
        return claims.sign(keys.getPrivate());
    }
}
