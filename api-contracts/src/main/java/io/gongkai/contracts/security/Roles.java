package io.gongkai.contracts.security;

import java.util.List;
import java.util.regex.Pattern;

/** The roles a bearer token may carry (claim {@code groups}), and the claim that scopes a submitter. */
public final class Roles {

    /** May write reports of units whose code (or whose government's code) starts with its {@link #UNIT_PREFIX}. */
    public static final String SUBMITTER = "submitter";
    /** May read totals, units and reporting rates: what dashboards need. No version history. */
    public static final String READER = "reader";
    /** May read everything, including version history, rejected attempts and the audit log. */
    public static final String AUDITOR = "auditor";
    /** May rebuild totals and change registries. */
    public static final String ADMIN = "admin";
    /** A Gongkai service reading another one, e.g. aggregation reading intake's feed. */
    public static final String SERVICE = "service";

    /** Every role, in the order the audit trail lists them. */
    public static final List<String> ALL = List.of(ADMIN, AUDITOR, SUBMITTER, READER, SERVICE);

    /** Claim holding the division-code prefix a submitter may write for, e.g. "640402". */
    public static final String UNIT_PREFIX = "unit_prefix";
    /** What a {@link #UNIT_PREFIX} must look like: a division code or a leading part of one, 2 to 9 digits. */
    public static final Pattern UNIT_PREFIX_FORMAT = Pattern.compile("\\d{2,9}");

    private Roles() {
    }
}
