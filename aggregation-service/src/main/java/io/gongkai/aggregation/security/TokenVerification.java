package io.gongkai.aggregation.security;

import io.gongkai.contracts.security.VerifiedTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** The principal factory SmallRye JWT uses here: each bearer token is verified once until it expires. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TokenVerification extends VerifiedTokens {
}
