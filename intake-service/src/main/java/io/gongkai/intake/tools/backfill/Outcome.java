package io.gongkai.intake.tools.backfill;

/** What became of one report file. */
enum Outcome {
    /** Dry run: read into a draft without error findings; it would be stored. */
    DRAFTED(true),
    /** Stored as a new version (201). */
    STORED(true),
    /** Identical to the unit's current version (200): nothing new stored. */
    REPLAYED(true),
    /** Read, but the draft has error findings (cells, unit or year not read, rules broken): not stored. */
    INCOMPLETE(true),
    /** Refused by intake for who sent it or what it says (outside the token's scope, a bad mapping value, rules). */
    REJECTED(false),
    /** Not a report intake can read: over 2 MB, binary, undecodable, or of a form the importer does not read. */
    UNREADABLE(false),
    /** No answer, or one that is no verdict on the report: network, timeout, token refused, server error. */
    FAILED(false);

    private final boolean read;

    Outcome(boolean read) {
        this.read = read;
    }

    /** Whether intake read the file; a run whose every file was read exits 0. */
    boolean read() {
        return read;
    }
}
