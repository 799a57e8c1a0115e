package io.gongkai.intake.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.openapi.FormSchemaFilter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A published report read into a submission, nothing stored.
 *
 * @param unit        whose report it is, as given or read from the title (code null when it could not be settled)
 * @param year        the report year, as given or read from the title
 * @param formVersion the form the figures were read against
 * @param submission  exactly what a client would POST to /api/v1/submissions, null for every cell not read
 * @param findings    everything the reader could not settle and every rule the printed figures break
 * @param sources     where each cell was read in the document
 * @param document    what the body was taken to be
 */
@Schema(description = "A published report read into a submission: the draft, what could not be read, and where each cell was read.")
public record ImportDraft(
        @Schema(required = true) Unit unit,
        @Schema(description = "Report year; null when neither given nor in the title") Integer year,
        @Schema(required = true, example = "2021") String formVersion,
        @Schema(ref = FormSchemaFilter.SUBMISSION, required = true) ObjectNode submission,
        @Schema(required = true) List<Finding> findings,
        @Schema(required = true) List<CellSource> sources,
        @Schema(required = true) Document document) {

    @Schema(name = "ImportedUnit", description = "The unit a published report is of")
    public record Unit(
            @Schema(description = "Unit code; null when it could not be settled") String code,
            @Schema(description = "The name as in the division table or the title") String name,
            @Schema(description = "A department's government") String parentCode) {
    }

    @Schema(description = "Where one cell was read")
    public record CellSource(
            @Schema(description = "JSON pointer of the cell in the submission", required = true, example = "/applications/newReceived/total") String pointer,
            @Schema(description = "Line of the document's text, from 1 (an HTML table row is one line)", required = true) int line,
            @Schema(description = "The text the cell was read from, as printed", required = true) String printed) {
    }

    @Schema(name = "ImportedDocument", description = "What the body was taken to be")
    public record Document(
            @Schema(description = "TEXT or HTML", required = true) String kind,
            @Schema(description = "The character set it was decoded with", required = true, example = "GB18030") String charset,
            @Schema(description = "The report's title line, if found") String title,
            @Schema(description = "Lines of text read", required = true) int lines) {
    }
}
