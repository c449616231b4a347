package org.foldbatch.cli;

/**
 * One line of {@code foldbatch doctor}: what was checked, what was found, and how to fix it when it is not fine.
 *
 * @param verdict  OK, MISSING (a run needs it) or NOTE (optional, or only needed by some runs)
 * @param subject  what was checked, e.g. {@code hmmer}
 * @param finding  what was found
 * @param fix      what to do; empty when OK
 */
record Checkup(Verdict verdict, String subject, String finding, String fix) {

    enum Verdict { OK, NOTE, MISSING }

    static Checkup ok(String subject, String finding) {
        return new Checkup(Verdict.OK, subject, finding, "");
    }

    static Checkup note(String subject, String finding, String fix) {
        return new Checkup(Verdict.NOTE, subject, finding, fix);
    }

    static Checkup missing(String subject, String finding, String fix) {
        return new Checkup(Verdict.MISSING, subject, finding, fix);
    }

    String line() {
        String head = String.format("%-7s %-13s %s", verdict, subject, finding);
        return fix.isEmpty() ? head : head + " -> fix: " + fix;
    }
}
