package io.gongkai.contracts.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens of every shape a hostile or confused identity provider could send: claims of the wrong JSON type,
 * role mixes, expired, foreign, unsigned and forged ones. Built by hand (header, claims, RS256 signature) so that
 * no claim is normalised on the way.
 */
public final class ForgedTokens {

    public static final String SUBMITTER = "submitter";
    public static final String READER = "reader";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object ABSENT = new Object();

    private ForgedTokens() {
    }

    /**
     * One token and what it certainly is.
     *
     * @param verifiable signed with the installation's key, by its issuer, not expired: it authenticates someone
     * @param roles      the roles it certainly carries (an array of known role names in groups)
     * @param scope      its unit_prefix when that is a non-empty string, else null
     * @param clean      every claim has the shape its roles need; false for odd shapes whose reading is open
     *                   (a bad unit_prefix, groups that are not an array of strings)
     */
    public record Forged(String name, String token, boolean verifiable, Set<String> roles, String scope,
            boolean clean) {

        /** Whether it may write a unit whose government code is {@code governmentCode}: the submitter scope. */
        public boolean mayWrite(String governmentCode) {
            return verifiable && roles.contains(SUBMITTER) && scope != null && governmentCode.startsWith(scope);
        }

        /** Whether any of its roles is one of {@code allowed}: permissions are the union of the roles. */
        public boolean hasAnyOf(Set<String> allowed) {
            return verifiable && roles.stream().anyMatch(allowed::contains);
        }
    }

    /** A token of one role and scope, signed with the installation's key. */
    public static String valid(KeyPair keys, String issuer, List<String> roles, String scope) {
        return sign(keys, claims(issuer, roles, scope == null ? ABSENT : scope, 3600));
    }

    /**
     * The catalogue: tokens with every odd claim shape and role mix, for a submitter scope {@code scope} and a
     * scope {@code foreign} that covers none of the test's units.
     */
    public static List<Forged> catalogue(KeyPair keys, String issuer, String scope, String foreign) {
        List<Forged> tokens = new ArrayList<>();
        tokens.add(ok("submitter", keys, issuer, List.of(SUBMITTER), scope));
        tokens.add(ok("submitter of a foreign scope", keys, issuer, List.of(SUBMITTER), foreign));
        tokens.add(ok("reader", keys, issuer, List.of(READER), null));
        tokens.add(ok("auditor", keys, issuer, List.of(AUDITOR), null));
        tokens.add(ok("admin", keys, issuer, List.of(ADMIN), null));
        tokens.add(ok("service", keys, issuer, List.of(SERVICE), null));
        tokens.add(ok("submitter+auditor", keys, issuer, List.of(SUBMITTER, AUDITOR), scope));
        tokens.add(ok("submitter+auditor of a foreign scope", keys, issuer, List.of(SUBMITTER, AUDITOR), foreign));
        tokens.add(ok("auditor+submitter of a foreign scope", keys, issuer, List.of(AUDITOR, SUBMITTER), foreign));
        tokens.add(ok("submitter+admin", keys, issuer, List.of(SUBMITTER, ADMIN), scope));
        tokens.add(ok("submitter+admin of a foreign scope", keys, issuer, List.of(SUBMITTER, ADMIN), foreign));
        tokens.add(ok("reader+submitter", keys, issuer, List.of(READER, SUBMITTER), scope));
        tokens.add(ok("service+submitter of a foreign scope", keys, issuer, List.of(SERVICE, SUBMITTER), foreign));
        tokens.add(ok("auditor with a scope", keys, issuer, List.of(AUDITOR), scope));
        tokens.add(ok("unknown roles", keys, issuer, List.of("root", "superuser"), scope));
        tokens.add(ok("no roles", keys, issuer, List.of(), scope));

        for (Map.Entry<String, Object> shape : oddScopes().entrySet()) {
            tokens.add(odd("submitter, unit_prefix " + shape.getKey(), keys,
                    claims(issuer, List.of(SUBMITTER), shape.getValue(), 3600), Set.of(SUBMITTER)));
            tokens.add(odd("submitter+auditor, unit_prefix " + shape.getKey(), keys,
                    claims(issuer, List.of(SUBMITTER, AUDITOR), shape.getValue(), 3600), Set.of(SUBMITTER, AUDITOR)));
        }
        tokens.add(odd("submitter+admin without unit_prefix", keys,
                claims(issuer, List.of(SUBMITTER, ADMIN), ABSENT, 3600), Set.of(SUBMITTER, ADMIN)));
        // SmallRye JWT reads a single string in groups as one group: such a token holds that role, no more.
        tokens.add(new Forged("groups as a string \"submitter\"", sign(keys, withGroups(issuer, SUBMITTER, scope)),
                true, Set.of(SUBMITTER), scope, true));
        tokens.add(new Forged("groups as a string \"auditor\"", sign(keys, withGroups(issuer, AUDITOR, null)), true,
                Set.of(AUDITOR), null, true));
        tokens.add(odd("groups as an object", keys, withGroups(issuer, Map.of("role", SUBMITTER), scope), Set.of()));
        tokens.add(odd("groups as a number", keys, withGroups(issuer, 7, scope), Set.of()));
        tokens.add(odd("groups nested in an array", keys, withGroups(issuer, List.of(List.of(SUBMITTER)), scope),
                Set.of()));
        tokens.add(odd("groups missing", keys, withGroups(issuer, ABSENT, scope), Set.of()));
        tokens.add(odd("groups in upper case", keys, withGroups(issuer, List.of("SUBMITTER", "AUDITOR"), scope),
                Set.of()));

        tokens.add(invalid("expired submitter", sign(keys, claims(issuer, List.of(SUBMITTER), scope, -3600))));
        tokens.add(invalid("expired auditor", sign(keys, claims(issuer, List.of(AUDITOR), ABSENT, -60))));
        tokens.add(invalid("wrong issuer", sign(keys, claims("https://issuer.example.org", List.of(AUDITOR), ABSENT,
                3600))));
        tokens.add(invalid("alg none", unsigned(claims(issuer, List.of(AUDITOR, SUBMITTER), scope, 3600))));
        tokens.add(invalid("alg none with a signature", unsigned(claims(issuer, List.of(ADMIN), ABSENT, 3600))
                + "c2lnbmF0dXJl"));
        tokens.add(invalid("HS256 keyed with the public key", hmacWithPublicKey(keys,
                claims(issuer, List.of(AUDITOR, SUBMITTER), scope, 3600))));
        tokens.add(invalid("signed by another key", sign(otherKeys(), claims(issuer, List.of(AUDITOR, SUBMITTER), scope,
                3600))));
        tokens.add(invalid("exp as a string", sign(keys, withExp(issuer, "tomorrow", scope))));
        tokens.add(invalid("garbage in three parts", "abc.def.ghi"));
        tokens.add(invalid("not a JWT", "not-a-jwt"));
        tokens.add(invalid("a JSON object", "{\"groups\":[\"admin\"]}"));
        tokens.add(invalid("10 KB of base64", "eyJ" + "A".repeat(10_000)));
        tokens.add(invalid("truncated", valid(keys, issuer, List.of(AUDITOR), null).substring(0, 60)));
        return tokens;
    }

    private static Map<String, Object> oddScopes() {
        Map<String, Object> shapes = new LinkedHashMap<>();
        shapes.put("as a number", 640402);
        shapes.put("as an array", List.of("64"));
        shapes.put("as an object", Map.of("prefix", "64"));
        shapes.put("as a boolean", true);
        shapes.put("as null", null);
        shapes.put("empty", "");
        shapes.put("missing", ABSENT);
        return shapes;
    }

    private static Forged ok(String name, KeyPair keys, String issuer, List<String> roles, String scope) {
        return new Forged(name, valid(keys, issuer, roles, scope), true, Set.copyOf(roles), scope, true);
    }

    private static Forged odd(String name, KeyPair keys, Map<String, Object> claims, Set<String> roles) {
        return new Forged(name, sign(keys, claims), true, roles, null, false);
    }

    private static Forged invalid(String name, String token) {
        return new Forged(name, token, false, Set.of(), null, false);
    }

    private static Map<String, Object> claims(String issuer, Object groups, Object scope, long lifetimeSeconds) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", "hostile");
        claims.put("upn", "hostile");
        claims.put("iat", now - 5);
        claims.put("exp", now + lifetimeSeconds);
        if (groups != ABSENT) {
            claims.put("groups", groups);
        }
        if (scope != ABSENT) {
            claims.put("unit_prefix", scope);
        }
        return claims;
    }

    private static Map<String, Object> withGroups(String issuer, Object groups, String scope) {
        return claims(issuer, groups, scope == null ? ABSENT : scope, 3600);
    }

    private static Map<String, Object> withExp(String issuer, Object exp, String scope) {
        Map<String, Object> claims = claims(issuer, List.of(SUBMITTER), scope, 3600);
        claims.put("exp", exp);
        return claims;
    }

    private static String sign(KeyPair keys, Map<String, Object> claims) {
        String content = part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(content.getBytes(StandardCharsets.US_ASCII));
            return content + "." + base64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(Map<String, Object> claims) {
        return part(Map.of("alg", "none", "typ", "JWT")) + "." + part(claims) + ".";
    }

    private static String hmacWithPublicKey(KeyPair keys, Map<String, Object> claims) {
        String content = part(Map.of("alg", "HS256", "typ", "JWT")) + "." + part(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.getPublic().getEncoded(), "HmacSHA256"));
            return content + "." + base64(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair otherKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Object json) {
        try {
            return base64(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
