package io.gongkai.intake.security;

import io.gongkai.contracts.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/** Reads the caller of the current request from its verified token and connection. */
@RequestScoped
public class CallerResolver {

    private static final List<String> ROLES = List.of(Roles.ADMIN, Roles.AUDITOR, Roles.SUBMITTER, Roles.READER,
            Roles.SERVICE);

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

    /** The caller once the token is verified; an invalid token makes an anonymous caller. Never blocks. */
    public Uni<Caller> deferred() {
        String address = address();
        return identities.getDeferredIdentity().map(identity -> of(identity, address))
                .onFailure().recoverWithItem(() -> new Caller(null, null, null, address));
    }

    private String address() {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static Caller of(SecurityIdentity identity, String address) {
        if (identity.isAnonymous()) {
            return new Caller(null, null, null, address);
        }
        String role = ROLES.stream().filter(identity::hasRole).findFirst().orElse(null);
        String prefix = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(Roles.UNIT_PREFIX) : null;
        return new Caller(identity.getPrincipal().getName(), role, prefix, address);
    }
}
