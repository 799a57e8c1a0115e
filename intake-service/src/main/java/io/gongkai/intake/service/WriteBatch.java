package io.gongkai.intake.service;

import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.intake.api.SubmissionReceipt;
import io.gongkai.intake.mapping.VersionMapper;
import io.gongkai.intake.model.AuditRecord;
import io.gongkai.intake.repository.VersionWrites.NewVersion;
import io.gongkai.intake.repository.VersionWrites.StoredAudit;
import io.gongkai.intake.repository.VersionWrites.StoredVersion;
import io.gongkai.intake.security.Caller;
import io.gongkai.intake.validation.ValidatedSubmission;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides, in arrival order, what each submission of a batch becomes: a replay of the current version or the next
 * version (with its feed position and cross-year warnings). Later submissions
 * see the versions earlier ones in the same batch create. Pure: the rows to write come out, nothing is written here.
 */
final class WriteBatch {

    private final Instant now;
    private final Map<Key, Latest> latest = new HashMap<>();
    private long lastSeq;
    private final List<NewVersion> versions = new ArrayList<>();
    private final List<StoredAudit> audits = new ArrayList<>();

    /**
     * @param stored  the current versions of the batch's units in the batch's years and the years before them
     * @param lastSeq the last feed position handed out
     */
    WriteBatch(List<StoredVersion> stored, long lastSeq, Instant now) {
        this.lastSeq = lastSeq;
        this.now = now;
        for (StoredVersion v : stored) {
            latest.merge(new Key(v.unitCode(), v.year()), Latest.of(v), (a, b) -> a.version >= b.version ? a : b);
        }
    }

    /** What the submission becomes. */
    StoreOutcome add(ValidatedSubmission submission, CanonicalDocument document, Caller caller, SubmissionOrigin origin) {
        Key key = new Key(submission.unitCode(), submission.year());
        Latest current = latest.get(key);
        if (current != null && current.contentHash.equals(document.contentHash())) {
            audits.add(audit(caller, key, current.version, current.contentHash, AuditRecord.Outcome.REPLAYED, 200));
            return new StoreOutcome(current.receipt(key), false);
        }
        List<Finding> warnings = new ArrayList<>(origin.warnings());
        warnings.addAll(warnings(submission));
        int version = current == null ? 1 : current.version + 1;
        String formVersion = submission.form().version();
        versions.add(new NewVersion(key.unitCode, key.year, version, submission.unitName(), submission.parentCode(),
                formVersion, document.contentHash(), now, document.utf8(), VersionMapper.writeWarnings(warnings),
                ++lastSeq, origin.kind(), origin.document(), origin.mediaType()));
        Latest created = new Latest(version, document.contentHash(), now, () -> warnings, formVersion,
                submission::values);
        latest.put(key, created);
        audits.add(audit(caller, key, version, document.contentHash(), AuditRecord.Outcome.ACCEPTED, 201));
        return new StoreOutcome(created.receipt(key), true);
    }

    List<NewVersion> versions() {
        return versions;
    }

    List<StoredAudit> audits() {
        return audits;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** The submission's own warnings and the cross-year ones against the unit's current report of the year before. */
    private List<Finding> warnings(ValidatedSubmission submission) {
        Latest previous = latest.get(new Key(submission.unitCode(), submission.year() - 1));
        return previous == null ? AcceptanceWarnings.of(submission, null, null)
                : AcceptanceWarnings.of(submission, previous.formVersion, previous.values);
    }

    private StoredAudit audit(Caller caller, Key key, int version, String contentHash, AuditRecord.Outcome outcome,
            int status) {
        return new StoredAudit(now, AuditService.truncate(caller.principal()), caller.role(), caller.unitPrefix(),
                caller.address(), key.unitCode, key.year, version, contentHash, outcome.name(), status);
    }

    private record Key(String unitCode, int year) {
    }

    /** The current version of a unit's report for a year, its figures read only when a cross-year check needs them. */
    private record Latest(int version, String contentHash, Instant receivedAt, Supplier<List<Finding>> warnings,
            String formVersion, Supplier<CellValues> values) {

        static Latest of(StoredVersion v) {
            return new Latest(v.version(), v.contentHash(), v.receivedAt(),
                    () -> VersionMapper.readWarnings(v.warnings()), v.formVersion(),
                    () -> StatisticsJson.read(Forms.byVersion(v.formVersion()).orElseThrow(),
                            VersionMapper.readDocument(v.document())));
        }

        SubmissionReceipt receipt(Key key) {
            return new SubmissionReceipt(key.unitCode, key.year, version, receivedAt.atOffset(ZoneOffset.UTC),
                    contentHash, warnings.get());
        }
    }
}
