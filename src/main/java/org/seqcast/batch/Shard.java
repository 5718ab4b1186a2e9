package org.seqcast.batch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.seqcast.SeqcastException;

/**
 * {@code --shard K/N}: shard K (0-based) of N takes the series whose id hashes to K, so N independent
 * jobs (a Kubernetes indexed job, a Slurm array, Airflow tasks) split any input between them without
 * talking to each other. The hash is SHA-256 of the id's UTF-8 bytes (first 8 bytes, unsigned, mod N):
 * the same on every machine, JVM and Java version, unlike {@code String.hashCode}.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw SeqcastException.config("Invalid --shard " + index + "/" + count + "; give K/N with N >= 1 and 0 <= K < N (e.g. 0/4 .. 3/4)");
        }
    }

    /** Parses {@code K/N}. */
    public static Shard parse(String text) {
        String[] p = text.strip().split("/", -1);
        if (p.length == 2) {
            try {
                return new Shard(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
            } catch (NumberFormatException e) {
                // the message below
            }
        }
        throw SeqcastException.config("Invalid --shard '" + text + "'; give K/N, e.g. --shard 0/4 for the first of 4 shards");
    }

    /** The shard (0 .. n-1) that takes a series id. */
    public static int of(String id, int n) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(h, 0, 8).getLong(), n);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this shard takes the series. */
    public boolean takes(String id) {
        return of(id, count) == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
