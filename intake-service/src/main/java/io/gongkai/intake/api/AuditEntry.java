package io.gongkai.intake.api;

import io.gongkai.intake.model.AuditRecord;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One recorded write attempt.
 *
 * @param principal     who (the token's subject), null when no valid token was given
 * @param role          the role the token carried
 * @param scope         a submitter's unit-code prefix
 * @param clientAddress where the request came from
 * @param outcome       accepted (new version), replayed (identical to the current version) or rejected
 * @param status        the HTTP status answered
 * @param ruleIds       the rules a rejected report broke
 */
public record AuditEntry(long id, OffsetDateTime recordedAt, String principal, String role, String scope,
        String clientAddress, String unitCode, Integer year, Integer version, String contentHash,
        AuditRecord.Outcome outcome, int status, List<String> ruleIds) {
}
