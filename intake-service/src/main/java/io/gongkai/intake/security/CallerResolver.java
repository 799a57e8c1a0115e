package io.gongkai.intake.security;

import io.gongkai.contracts.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the caller of the current request from its verified token and connection. A token whose claims do not fit
 * its roles is refused ({@link InvalidClaimsException}), never read as a lesser caller.
 */
@RequestScoped
public class CallerResolver {

    private final CurrentIdentityAssociation identities;
    private final HttpServerRequest request;

    public CallerResolver(CurrentIdentityAssociation identities, HttpServerRequest request) {
        this.identities = identities;
        this.request = request;
    }

    /** The caller; blocks while the token is verified, so only for worker threads. */
    public Caller current() {
        return of(identities.getIdentity(), address());
    }

    /** The caller once the token is verified. Never blocks; fails as verifying the token or reading its claims does. */
    public Uni<Caller> deferred() {
        String address = address();
        return identities.getDeferredIdentity().map(identity -> of(identity, address));
    }

    public String address() {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static Caller of(SecurityIdentity identity, String address) {
        if (identity.isAnonymous()) {
            return Caller.anonymous(address);
        }
        Set<String> roles = Roles.ALL.stream().filter(identity::hasRole).collect(Collectors.toSet());
        String prefix = roles.contains(Roles.SUBMITTER) ? unitPrefix(identity) : null;
        return new Caller(identity.getPrincipal().getName(), roles, prefix, address);
    }

    /** A submitter's scope: the claim must be a string of 2 to 9 digits, whatever other roles the token has. */
    private static String unitPrefix(SecurityIdentity identity) {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(Roles.UNIT_PREFIX) : null;
        String prefix = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        if (prefix == null || !Roles.UNIT_PREFIX_FORMAT.matcher(prefix).matches()) {
            throw new InvalidClaimsException("a submitter's token needs a " + Roles.UNIT_PREFIX
                    + " claim holding a string of 2 to 9 digits (a division code or its leading part); this one has "
                    + describe(claim));
        }
        return prefix;
    }

    private static String describe(Object claim) {
        if (claim == null) {
            return "none";
        }
        if (claim instanceof JsonValue json && !(claim instanceof JsonString)) {
            return "a JSON " + json.getValueType().name().toLowerCase(Locale.ROOT);
        }
        if (claim instanceof String || claim instanceof JsonString) {
            return "a string that is not 2 to 9 digits";
        }
        return "a " + claim.getClass().getSimpleName();
    }

    /** The token is genuine but its claims are not what its roles need: refused with 403, never downgraded. */
    public static final class InvalidClaimsException extends RuntimeException {
        InvalidClaimsException(String message) {
            super(message);
        }
    }
}
