package io.gongkai.intake.security;

import io.gongkai.contracts.security.Roles;

/**
 * Who is calling, as far as the bearer token says.
 *
 * @param principal  the token's subject (upn or sub), or null when unauthenticated
 * @param role       the Gongkai role the token carries
 * @param unitPrefix a submitter's scope: the division-code prefix it may write for
 * @param address    the client's address
 */
public record Caller(String principal, String role, String unitPrefix, String address) {

    /**
     * A submitter may write a unit whose code starts with its prefix, and a department whose government's code
     * does.
     */
    public boolean maySubmitFor(String unitCode, String parentCode) {
        if (!Roles.SUBMITTER.equals(role) || unitPrefix == null || unitPrefix.isEmpty()) {
            return false;
        }
        String governing = parentCode != null ? parentCode : unitCode;
        return governing != null && governing.startsWith(unitPrefix);
    }
}
