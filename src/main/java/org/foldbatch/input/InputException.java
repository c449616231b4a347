package org.foldbatch.input;

/**
 * A fold input that cannot be used. The message is always one line: {@code <file>: <json path>: <reason>}.
 */
public class InputException extends org.foldbatch.FoldbatchException {

    private final String jsonPath;
    private final String reason;

    public InputException(String source, String jsonPath, String reason) {
        this(source, jsonPath, reason, null);
    }

    public InputException(String source, String jsonPath, String reason, Throwable cause) {
        super(oneLine(source) + ": " + oneLine(jsonPath) + ": " + oneLine(reason), cause);
        this.jsonPath = jsonPath;
        this.reason = reason;
    }

    /** JSON path of the offending field, for example {@code $.sequences[2].protein.modifications[0].ptmPosition}. */
    public String jsonPath() {
        return jsonPath;
    }

    public String reason() {
        return reason;
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r");
    }
}
