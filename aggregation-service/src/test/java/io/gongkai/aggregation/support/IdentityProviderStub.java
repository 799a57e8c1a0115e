package io.gongkai.aggregation.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gongkai.contracts.security.Roles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in OpenID Connect provider for the dashboard's sign-in: {@code /authorize} signs the browser in at once and
 * sends it back with a one-time code bound to the PKCE challenge; {@code /token} redeems that code only with the
 * matching code verifier and redirect URI, answering a reader token signed with the test installation's keys, and
 * allows the page's origin (CORS) as a real provider configured with the page's web origin does.
 */
public class IdentityProviderStub implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "gongkai-dashboard";

    /** Codes handed out and not yet redeemed, with what they were issued for. */
    private static final Map<String, Grant> GRANTS = new ConcurrentHashMap<>();
    private static final AtomicInteger REDEEMED = new AtomicInteger();
    private static volatile Map<String, String> lastAuthorization = Map.of();

    private HttpServer server;

    record Grant(String challenge, String redirectUri) {
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        tokenEndpoint = base + "/token";
        return Map.of("gongkai.dashboard.oidc.authorization-endpoint", base + "/authorize",
                "gongkai.dashboard.oidc.token-endpoint", base + "/token",
                "gongkai.dashboard.oidc.client-id", CLIENT_ID);
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private static volatile String tokenEndpoint;

    /** Where the page redeems codes. */
    public static String tokenEndpoint() {
        return tokenEndpoint;
    }

    /** The query of the last authorization request, as the page sent it. */
    public static Map<String, String> lastAuthorization() {
        return lastAuthorization;
    }

    /** How many codes were redeemed for a token. */
    public static int redeemed() {
        return REDEEMED.get();
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        lastAuthorization = query;
        if (!"code".equals(query.get("response_type")) || !CLIENT_ID.equals(query.get("client_id"))
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null
                || query.get("redirect_uri") == null || query.get("state") == null) {
            respond(exchange, 400, "text/plain", "bad authorization request", null);
            return;
        }
        String code = UUID.randomUUID().toString();
        GRANTS.put(code, new Grant(query.get("code_challenge"), query.get("redirect_uri")));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = GRANTS.remove(Optional.ofNullable(form.get("code")).orElse(""));
        boolean valid = "POST".equals(exchange.getRequestMethod()) && grant != null
                && "authorization_code".equals(form.get("grant_type")) && CLIENT_ID.equals(form.get("client_id"))
                && grant.redirectUri().equals(form.get("redirect_uri"))
                && grant.challenge().equals(challenge(Optional.ofNullable(form.get("code_verifier")).orElse("")));
        if (!valid) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}", origin);
            return;
        }
        REDEEMED.incrementAndGet();
        respond(exchange, 200, "application/json", "{\"access_token\":\"" + Tokens.of(Roles.READER)
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}", origin);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body, String origin) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        if (origin != null) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : encoded.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }
}
