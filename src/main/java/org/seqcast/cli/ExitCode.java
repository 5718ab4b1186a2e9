package org.seqcast.cli;

import org.seqcast.SeqcastException;

/**
 * Every exit status seqcast can end with, in one place: the codes the program returns, and the
 * statuses a signal gives it ({@link #signal()}: 128 + the signal number, set by the JVM or the shell).
 * The README's table is checked against this list in both directions by a test, and the help footer
 * is generated from it.
 */
public enum ExitCode {
    OK(0, "success"),
    USAGE(2, "bad command line or configuration (unknown option or key, wrong type, bad value, output path equal to an input)"),
    DATA(3, "bad input data (CSV parse error, non-numeric or missing value, missing column, series too short, frequency unlike the model's)"),
    MODEL(4, "bad model file (not a seqcast model, truncated, tampered, inconsistent, incompatible, over the size limits)"),
    IO(5, "a file or standard output cannot be read or written (missing directory, permission, disk full, closed stdout)"),
    TRAINING(6, "training failed (diverged to NaN)"),
    PARTIAL(7, "batch, or train/predict/backtest over a long CSV: some series failed (see summary.csv or stderr); the others succeeded"),
    MEMORY(8, "out of memory: the input or model needs more than the Java heap (raise -Xmx in SEQCAST_JAVA_OPTS)"),
    BUSY(9, "batch: another seqcast batch is running on the same --out directory (nothing was changed)"),
    INTERNAL(70, "internal error (a bug: please report it with --stacktrace output)"),
    HANGUP(129, "signal SIGHUP (terminal closed): stopped like Ctrl-C"),
    INTERRUPTED(130, "interrupted (Ctrl-C, SIGINT): no partial file or temp file is left; batch writes what is done"),
    KILLED(137, "signal SIGKILL (kill -9, or the kernel's out-of-memory killer): no cleanup; batch --resume continues"),
    TERMINATED(143, "signal SIGTERM (kill): stopped like Ctrl-C");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** True for a status that a signal gives the process (128 + signal number), not one seqcast returns itself. */
    public boolean signal() {
        return code > 128;
    }

    public static ExitCode of(SeqcastException.Kind kind) {
        return switch (kind) {
            case CONFIG -> USAGE;
            case DATA -> DATA;
            case MODEL -> MODEL;
            case IO -> IO;
            case NUMERIC -> TRAINING;
            case BUSY -> BUSY;
            case MEMORY -> MEMORY;
            case INTERNAL -> INTERNAL;
        };
    }

    /** The README table: one row per code. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| code | meaning |\n|---|---|\n");
        for (ExitCode c : values()) {
            b.append("| ").append(c.code).append(" | ").append(c.meaning).append(" |\n");
        }
        return b.toString();
    }

    /** The help footer: every code with the first words of its meaning. */
    static String[] footer() {
        StringBuilder b = new StringBuilder();
        for (ExitCode c : values()) {
            String m = c.meaning;
            int cut = m.indexOf(" (");
            b.append(b.length() == 0 ? "" : ", ").append(c.code).append(' ').append(cut > 0 ? m.substring(0, cut) : m);
        }
        return new String[] {"", "Exit codes: " + b + ". See README.md."};
    }
}
