package io.gongkai.intake.service;

import io.gongkai.contracts.form.Finding;

import java.util.List;

/**
 * Where a submission came from: a client's JSON, or an import of a published report, whose original document is
 * kept with the version for auditors and whose reading notes become warnings of the version.
 *
 * @param kind      API or IMPORT
 * @param document  the published document as received (IMPORT only)
 * @param mediaType its media type with the charset it was read in, e.g. text/html; charset=GB18030 (IMPORT only)
 * @param warnings  what the import noticed and the version should keep (repairs, cells assumed zero)
 */
public record SubmissionOrigin(String kind, byte[] document, String mediaType, List<Finding> warnings) {

    public static final String API_KIND = "API";
    public static final String IMPORT_KIND = "IMPORT";
    public static final SubmissionOrigin API = new SubmissionOrigin(API_KIND, null, null, List.of());

    public SubmissionOrigin {
        warnings = List.copyOf(warnings);
    }

    public static SubmissionOrigin imported(byte[] document, String mediaType, List<Finding> warnings) {
        return new SubmissionOrigin(IMPORT_KIND, document, mediaType, warnings);
    }

    /** Bytes it adds to a queued submission. */
    long bytes() {
        return document == null ? 0 : document.length;
    }
}
