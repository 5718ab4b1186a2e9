package org.seqcast.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;
import org.seqcast.SeqcastException;

/**
 * The documented size limits of everything seqcast reads whole (README, "Limits"), and the one bounded
 * read that enforces them: an input larger than its limit, /dev/zero or an endless pipe is refused with
 * a one-line error after reading at most limit + 1 bytes, never an OutOfMemoryError.
 */
public final class Limits {
    /** A config file ({@code -c}), and the config stored in a model: 1 MiB. */
    public static final long CONFIG_BYTES = 1L << 20;
    /** A model's metadata entry ({@code seqcast.json}): 16 MiB. */
    public static final long MODEL_META_BYTES = 16L << 20;
    /** A model's parameters ({@code params.bin}, as its metadata declares them): 1 GiB. */
    public static final long MODEL_PARAMS_BYTES = 1L << 30;
    /** The list of paths read from stdin by {@code batch --input -}: 64 MiB. */
    public static final long PATH_LIST_BYTES = 64L << 20;
    /** The default limit of one CSV input; {@code -Dseqcast.max_csv_bytes=N} changes it. */
    public static final long DEFAULT_CSV_BYTES = 512L << 20;

    private Limits() {
    }

    /** The limit of one CSV input: {@value #DEFAULT_CSV_BYTES} bytes unless the system property {@code seqcast.max_csv_bytes} says otherwise. */
    public static long csvBytes() {
        String p = System.getProperty("seqcast.max_csv_bytes");
        if (p != null) {
            try {
                long v = Long.parseLong(p.strip());
                if (v > 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // fall back to the default
            }
        }
        return DEFAULT_CSV_BYTES;
    }

    /**
     * Reads the whole stream, refusing more than {@code max} bytes: {@code tooBig} makes the error (given
     * the limit). I/O errors propagate for the caller to name the file.
     */
    public static byte[] readAll(InputStream in, long max, LongFunction<SeqcastException> tooBig) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf, 0, (int) Math.min(buf.length, max + 1 - total))) > 0) {
            total += n;
            if (total > max) {
                throw tooBig.apply(max);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** "1 MiB", "512 MiB", "1 GiB", or bytes. */
    public static String describe(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes + " bytes";
    }
}
