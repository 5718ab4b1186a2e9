package org.seqcast.cli;

import org.seqcast.SeqcastException;

/**
 * The process exit codes, in one place (the README's table is generated from the same list and a
 * test keeps them in step).
 */
public enum ExitCode {
    OK(0, "success"),
    USAGE(2, "bad command line or configuration (unknown option or key, wrong type, bad value)"),
    DATA(3, "bad input data (CSV parse error, non-numeric or missing value, missing column, series too short)"),
    MODEL(4, "bad model file (not a seqcast model, truncated, tampered, incompatible)"),
    IO(5, "a file cannot be read or written"),
    TRAINING(6, "training failed (diverged to NaN)"),
    PARTIAL(7, "batch: some series failed (see summary.csv); the others succeeded"),
    INTERNAL(70, "internal error (a bug: please report it with --stacktrace output)"),
    INTERRUPTED(130, "interrupted (Ctrl-C)");

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

    public static ExitCode of(SeqcastException.Kind kind) {
        return switch (kind) {
            case CONFIG -> USAGE;
            case DATA -> DATA;
            case MODEL -> MODEL;
            case IO -> IO;
            case NUMERIC -> TRAINING;
            case INTERNAL -> INTERNAL;
        };
    }
}
