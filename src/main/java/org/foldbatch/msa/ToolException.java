package org.foldbatch.msa;

/** An external tool failed or timed out; the message is one line, the stream tails are kept for diagnosis. */
public class ToolException extends org.foldbatch.FoldbatchException {

    private final String label;
    private final int exitCode;
    private final boolean timedOut;
    private final String stdoutTail;
    private final String stderrTail;

    public ToolException(String label, int exitCode, boolean timedOut, String message, String stdoutTail,
            String stderrTail) {
        super(message);
        this.label = label;
        this.exitCode = exitCode;
        this.timedOut = timedOut;
        this.stdoutTail = stdoutTail;
        this.stderrTail = stderrTail;
    }

    static ToolException failed(String label, int exitCode, String stdoutTail, String stderrTail) {
        return new ToolException(label, exitCode, false,
                label + " failed with exit code " + exitCode + ": " + lastLine(stderrTail), stdoutTail, stderrTail);
    }

    static ToolException timedOut(String label, double seconds, String stdoutTail, String stderrTail) {
        return new ToolException(label, -1, true,
                label + " timed out after " + String.format(java.util.Locale.ROOT, "%.1f", seconds)
                        + " s and was killed: " + lastLine(stderrTail), stdoutTail, stderrTail);
    }

    /** The tool name with the database basename, e.g. {@code jackhmmer (uniref90.fasta)}. */
    public String label() {
        return label;
    }

    /** The exit code, or -1 when the tool was killed on timeout. */
    public int exitCode() {
        return exitCode;
    }

    public boolean isTimeout() {
        return timedOut;
    }

    public String stdoutTail() {
        return stdoutTail;
    }

    public String stderrTail() {
        return stderrTail;
    }

    static String lastLine(String text) {
        String[] lines = text.split("\r?\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "(no stderr output)";
    }
}
