package org.seqcast;

/**
 * A failure the user can act on: a one-line message naming the file, line/column or config key and
 * what to do. The {@link Kind} decides the process exit code (see {@code org.seqcast.cli.ExitCode}).
 */
public class SeqcastException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, coarse enough to map to one exit code each. */
    public enum Kind {
        /** Bad command line or configuration (YAML keys, types, values, --set). */
        CONFIG,
        /** Bad input data: CSV parse errors, missing columns, series too short. */
        DATA,
        /** A model file that is truncated, tampered, foreign or incompatible. */
        MODEL,
        /** A file that cannot be read or written. */
        IO,
        /** Training diverged (NaN loss) or another numeric failure of the model itself. */
        NUMERIC,
        /** A resource another seqcast process holds (a batch --out directory that is locked). */
        BUSY,
        /** The input or model needs more memory than the Java heap has. */
        MEMORY,
        /** A bug: should never reach the user. */
        INTERNAL
    }

    private final Kind kind;

    public SeqcastException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SeqcastException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static SeqcastException config(String message) {
        return new SeqcastException(Kind.CONFIG, message);
    }

    public static SeqcastException data(String message) {
        return new SeqcastException(Kind.DATA, message);
    }

    public static SeqcastException model(String message) {
        return new SeqcastException(Kind.MODEL, message);
    }

    public static SeqcastException io(String message, Throwable cause) {
        return new SeqcastException(Kind.IO, message, cause);
    }
}
