package org.foldbatch.cli;

/** The exit codes of every foldbatch command, as the README documents them. */
final class ExitCodes {

    /** Everything asked for is done. */
    static final int DONE = 0;
    /** Bad input or settings (a one-line {@code error:} says which), or a fold that failed. */
    static final int BAD_INPUT = 1;
    /** Usage: unknown or refused flag, missing argument (picocli's own code for these). */
    static final int USAGE = 2;
    /** A bug: the stack trace is printed. */
    static final int INTERNAL = 3;
    /** A campaign ran but did not complete: some of its candidates failed ({@code foldbatch report} says which). */
    static final int CANDIDATES_FAILED = 4;

    private ExitCodes() {
    }
}
