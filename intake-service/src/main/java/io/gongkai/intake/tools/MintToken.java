package io.gongkai.intake.tools;

import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.security.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Set;

/**
 * Mints a bearer token for a local installation, signed with the key pair in the data directory:
 * {@code MintToken ROLE [UNIT_PREFIX] [SUBJECT]}. Production tokens come from the identity provider instead.
 */
public final class MintToken {

    private static final Set<String> ROLES = Set.of(Roles.SUBMITTER, Roles.READER, Roles.AUDITOR, Roles.ADMIN,
            Roles.SERVICE);

    private MintToken() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !ROLES.contains(args[0]) || Roles.SUBMITTER.equals(args[0]) && args.length < 2) {
            System.err.println("usage: mint-token ROLE [UNIT_PREFIX] [SUBJECT]   roles: " + ROLES
                    + "; a submitter needs a unit prefix, e.g. 640402");
            System.exit(2);
        }
        String subject = args.length > 2 ? args[2] : args[0] + (args.length > 1 ? "-" + args[1] : "");
        KeyPair keys = LocalKeys.ensure(keyDirectory());
        String unitPrefix = args.length > 1 ? args[1] : null;
        System.out.println(mint(keys, issuer(), subject, args[0], unitPrefix, Duration.ofDays(30)));
    }

    /** Where a local installation keeps its key pair: keys/ in the data directory (-Dgongkai.data-dir). */
    public static Path keyDirectory() {
        return Path.of(System.getProperty("gongkai.data-dir", "data")).resolve("keys");
    }

    /** The issuer a local installation's tokens name (-Dgongkai.jwt.issuer). */
    public static String issuer() {
        return System.getProperty("gongkai.jwt.issuer", "https://gongkai.local");
    }

    /** A signed token for one role, scoped to a unit prefix when given. */
    public static String mint(KeyPair keys, String issuer, String subject, String role, String unitPrefix,
            Duration lifetime) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer).upn(subject).subject(subject).groups(role)
                .expiresIn(lifetime);
        if (unitPrefix != null) {
            claims.claim(Roles.UNIT_PREFIX, unitPrefix);
        }
        return claims.sign(keys.getPrivate());
    }
}
