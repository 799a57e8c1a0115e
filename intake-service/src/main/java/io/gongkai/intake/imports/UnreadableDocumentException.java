package io.gongkai.intake.imports;

/**
 * A body that is no published report the importer can read: empty, binary, not text or HTML, too large, or
 * not decodable. Answered with the given status as a problem of the given type; nothing is stored.
 */
public class UnreadableDocumentException extends RuntimeException {

    private final int status;
    private final String problemType;

    public UnreadableDocumentException(int status, String problemType, String message) {
        super(message);
        this.status = status;
        this.problemType = problemType;
    }

    public int status() {
        return status;
    }

    public String problemType() {
        return problemType;
    }
}
