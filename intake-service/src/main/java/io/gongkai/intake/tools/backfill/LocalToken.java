package io.gongkai.intake.tools.backfill;

import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.security.Roles;
import io.gongkai.intake.tools.MintToken;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;

/**
 * A token minted in-process for a local installation, as deploy/mint-token.sh mints one: a submitter's for a unit
 * prefix, or, for a dry run without one, an auditor's, who may read any unit's report and store nothing. No
 * single submitter token covers the country (a prefix is 2 to 9 digits), so storing always names its scope.
 */
final class LocalToken {

    /** Long enough for a backfill of every township; intake keeps a verified token at most ten minutes anyway. */
    private static final Duration LIFETIME = Duration.ofDays(1);
    private static final String SUBJECT = "import-reports";

    private LocalToken() {
    }

    /** A submitter's token for the prefix, or an auditor's when it is null. */
    static String mint(String unitPrefix) throws UsageException {
        Path directory = MintToken.keyDirectory();
        KeyPair keys;
        try {
            keys = LocalKeys.load(directory);
        } catch (IOException | GeneralSecurityException e) {
            // Generating a pair here would only sign tokens that intake, which made its own pair, refuses.
            throw new UsageException("no token given, and no local key pair in " + directory + " to mint one: start"
                    + " intake once (deploy/run-local.sh) or give --token");
        }
        String role = unitPrefix == null ? Roles.AUDITOR : Roles.SUBMITTER;
        return MintToken.mint(keys, MintToken.issuer(), SUBJECT, role, unitPrefix, LIFETIME);
    }
}
