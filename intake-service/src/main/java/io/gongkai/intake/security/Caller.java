package io.gongkai.intake.security;

import io.gongkai.contracts.security.Roles;

import java.util.Set;

/**
 * Who is calling, as far as the bearer token says. A caller may do what any of its roles may do; writing always
 * needs the submitter role and its scope, whatever other roles the token carries.
 *
 * @param principal  the token's subject (upn or sub), or null when unauthenticated
 * @param roles      the Gongkai roles the token carries, empty when unauthenticated
 * @param unitPrefix a submitter's scope: the division-code prefix it may write for; null for other callers
 * @param address    the client's address
 */
public record Caller(String principal, Set<String> roles, String unitPrefix, String address) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller anonymous(String address) {
        return new Caller(null, Set.of(), null, address);
    }

    public boolean authenticated() {
        return principal != null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The roles as the audit trail keeps them: comma-separated in a fixed order, or null. */
    public String role() {
        String joined = String.join(",", Roles.ALL.stream().filter(roles::contains).toList());
        return joined.isEmpty() ? null : joined;
    }

    /**
     * A submitter may write a unit whose code starts with its prefix; a department's code starts with the code of
     * its government, so the same check covers departments.
     */
    public boolean maySubmitFor(String unitCode) {
        return has(Roles.SUBMITTER) && unitPrefix != null && unitCode != null && unitCode.startsWith(unitPrefix);
    }

    /** Checking a report stores nothing: auditors may check any unit, submitters their own. */
    public boolean mayValidateFor(String unitCode) {
        return has(Roles.AUDITOR) || maySubmitFor(unitCode);
    }
}
