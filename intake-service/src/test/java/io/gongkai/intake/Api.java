package io.gongkai.intake;

import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.security.Roles;
import io.gongkai.intake.tools.MintToken;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.restassured.specification.RequestSpecification;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Set;

/** Requests carrying tokens of each role, signed with the test installation's local key pair. */
public final class Api {

    public static final String ISSUER = "https://gongkai.local";
    public static final KeyPair KEYS = LocalKeys.ensure(Path.of("target/test-data/keys"));

    private Api() {
    }

    /** A submitter for every unit in 宁夏 (64), where the tests' units are. */
    public static RequestSpecification submitter() {
        return submitter("64");
    }

    public static RequestSpecification submitter(String unitPrefix) {
        return as(token(Roles.SUBMITTER, unitPrefix));
    }

    public static RequestSpecification reader() {
        return as(token(Roles.READER, null));
    }

    public static RequestSpecification auditor() {
        return as(token(Roles.AUDITOR, null));
    }

    public static RequestSpecification admin() {
        return as(token(Roles.ADMIN, null));
    }

    public static RequestSpecification service() {
        return as(token(Roles.SERVICE, null));
    }

    public static String token(String role, String unitPrefix) {
        return MintToken.mint(KEYS, ISSUER, "test-" + role, role, unitPrefix, Duration.ofHours(1));
    }

    /** A token with these roles and this unit_prefix claim, whatever its JSON shape (null: no claim). */
    public static String token(Set<String> roles, Object unitPrefix) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).upn("test-mixed").subject("test-mixed").groups(roles)
                .expiresIn(Duration.ofHours(1));
        if (unitPrefix != null) {
            claims.claim(Roles.UNIT_PREFIX, unitPrefix);
        }
        return claims.sign(KEYS.getPrivate());
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }
}
