package io.gongkai.intake.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.Finding;
import io.gongkai.intake.Reports;
import io.gongkai.intake.repository.VersionWrites.StoredVersion;
import io.gongkai.intake.security.Caller;
import io.gongkai.intake.validation.SubmissionParser;
import io.gongkai.intake.validation.SubmissionValidator;
import io.gongkai.intake.validation.UnitRegistry;
import io.gongkai.intake.validation.ValidatedSubmission;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How one batch decides versions, replays, feed positions and refusals, before anything is written. */
class WriteBatchTest {

    private static final Instant NOW = Instant.parse("2024-01-20T02:00:00Z");
    private static final Caller CALLER = new Caller("yuanzhou-office", Set.of("submitter"), "640402", "10.0.0.7");

    private final SubmissionParser parser = new SubmissionParser();
    private final SubmissionValidator validator = new SubmissionValidator(new UnitRegistry(), Clock.systemUTC());

    @Test
    void aFirstReportIsVersionOneAtTheNextFeedPosition() {
        WriteBatch batch = new WriteBatch(List.of(), 41, NOW);

        StoreOutcome outcome = add(batch, Reports.busy("640402100", "三营镇", 2023));

        assertThat(outcome.created()).isTrue();
        assertThat(outcome.receipt().version()).isEqualTo(1);
        assertThat(batch.versions()).singleElement().satisfies(v -> {
            assertThat(v.feedSeq()).isEqualTo(42);
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.receivedAt()).isEqualTo(NOW);
        });
        assertThat(batch.lastSeq()).isEqualTo(42);
        assertThat(batch.audits()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("ACCEPTED");
            assertThat(a.principal()).isEqualTo("yuanzhou-office");
            assertThat(a.version()).isEqualTo(1);
        });
    }

    @Test
    void anIdenticalBodyLaterInTheBatchReplaysTheVersionJustCreated() {
        WriteBatch batch = new WriteBatch(List.of(), 0, NOW);
        ObjectNode report = Reports.busy("640402100", "三营镇", 2023);

        StoreOutcome first = add(batch, report);
        StoreOutcome second = add(batch, report);

        assertThat(second.created()).isFalse();
        assertThat(second.receipt()).isEqualTo(first.receipt());
        assertThat(batch.versions()).hasSize(1);
        assertThat(batch.audits()).extracting(a -> a.outcome()).containsExactly("ACCEPTED", "REPLAYED");
    }

    @Test
    void correctionsInOneBatchTakeConsecutiveVersionsAndPositions() {
        WriteBatch batch = new WriteBatch(List.of(stored("640402100", 2023, 1, "a"), stored("640402100", 2023, 2, "b")), 7, NOW);

        for (int decisions = 1; decisions <= 3; decisions++) {
            ObjectNode report = Reports.busy("640402100", "三营镇", 2023);
            Reports.set(report, "activeDisclosure.licensing.decisions", decisions);
            add(batch, report);
        }

        assertThat(batch.versions()).extracting(v -> v.version()).containsExactly(3, 4, 5);
        assertThat(batch.versions()).extracting(v -> v.feedSeq()).containsExactly(8L, 9L, 10L);
        assertThat(batch.lastSeq()).isEqualTo(10);
    }

    @Test
    void aReplayOfAStoredVersionAnswersItAsStored() {
        ObjectNode report = Reports.busy("640402100", "三营镇", 2023);
        String hash = CanonicalDocument.of(validate(report)).contentHash();
        Instant storedAt = Instant.parse("2024-01-05T08:30:00.123456Z");
        WriteBatch batch = new WriteBatch(List.of(new StoredVersion("640402100", 2023, 1, hash, storedAt, "[]", "2021",
                "{}".getBytes(StandardCharsets.UTF_8))), 3, NOW);

        StoreOutcome outcome = add(batch, report);

        assertThat(outcome.created()).isFalse();
        assertThat(outcome.receipt().version()).isEqualTo(1);
        assertThat(outcome.receipt().receivedAt().toInstant()).isEqualTo(storedAt);
        assertThat(batch.versions()).isEmpty();
        assertThat(batch.lastSeq()).isEqualTo(3);
    }

    @Test
    void crossYearWarningsCompareWithTheYearBeforeEvenWhenItArrivedInTheSameBatch() {
        WriteBatch alone = new WriteBatch(List.of(), 0, NOW);
        WriteBatch withPreviousYear = new WriteBatch(List.of(), 0, NOW);
        ObjectNode thisYear = Reports.busy("640402100", "三营镇", 2024);

        List<Finding> withoutPrevious = add(alone, thisYear).receipt().warnings();
        add(withPreviousYear, Reports.busy("640402100", "三营镇", 2023));
        List<Finding> withPrevious = add(withPreviousYear, thisYear).receipt().warnings();

        assertThat(withoutPrevious).noneMatch(f -> f.rule().startsWith("X"));
        assertThat(withPrevious).anyMatch(f -> f.rule().startsWith("X"));
    }

    private StoreOutcome add(WriteBatch batch, ObjectNode report) {
        ValidatedSubmission submission = validate(report);
        return batch.add(submission, CanonicalDocument.of(submission), CALLER, SubmissionOrigin.API);
    }

    private ValidatedSubmission validate(ObjectNode report) {
        ValidatedSubmission submission = validator.validate(parser.parse(Reports.text(report).getBytes(StandardCharsets.UTF_8)));
        assertThat(submission.errors()).isEmpty();
        return submission;
    }

    private static StoredVersion stored(String unit, int year, int version, String hash) {
        return new StoredVersion(unit, year, version, hash, NOW.minusSeconds(3600), "[]", "2021", "{}".getBytes(StandardCharsets.UTF_8));
    }
}
