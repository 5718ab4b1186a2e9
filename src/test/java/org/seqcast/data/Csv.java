package org.seqcast.data;

import org.seqcast.config.MissingPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.seqcast.SeqcastException;

/** Small helpers for the data tests: write a CSV into a temp dir, read it, capture a DATA error. */
public final class Csv {
    private Csv() {
    }

    /** An in-memory series of integer steps 1..n in column {@code column} (time column {@code t}), read through the CSV reader. */
    public static TimeSeries series(String column, double... values) {
        StringBuilder sb = new StringBuilder("t," + column + "\n");
        for (int i = 0; i < values.length; i++) {
            sb.append(i + 1).append(',').append(values[i]).append('\n');
        }
        try {
            Path f = Files.createTempFile("seqcast-test-", ".csv");
            try {
                Files.writeString(f, sb.toString());
                return CsvSeriesReader.read(f.toString(), "t", List.of(column), MissingPolicy.ERROR);
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} (exact bytes, UTF-8) to {@code dir/name} and returns the path as a string. */
    static String write(Path dir, String name, String content) {
        Path p = dir.resolve(name);
        try {
            Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.toString();
    }

    static TimeSeries read(Path dir, String content, String time, List<String> columns, MissingPolicy missing) {
        return CsvSeriesReader.read(write(dir, "in.csv", content), time, columns, missing);
    }

    static TimeSeries read(Path dir, String content, String time, String column) {
        return read(dir, content, time, List.of(column), MissingPolicy.ERROR);
    }

    /** Runs {@code r}, asserts it throws a DATA SeqcastException, and returns the message. */
    static String dataError(Executable r) {
        SeqcastException e = assertThrows(SeqcastException.class, r);
        assertEquals(SeqcastException.Kind.DATA, e.kind(), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one-line message: " + e.getMessage());
        return e.getMessage();
    }

    static List<String> labels(TimeSeries s) {
        return java.util.stream.IntStream.range(0, s.length()).mapToObj(i -> s.index().label(i)).toList();
    }

    /** A one-value series ("t,v") whose time column holds {@code times}, values 0, 1, 2, ... */
    static TimeSeries times(Path dir, String... times) {
        StringBuilder sb = new StringBuilder("t,v\n");
        for (int i = 0; i < times.length; i++) {
            sb.append(times[i]).append(',').append(i).append('\n');
        }
        return read(dir, sb.toString(), "t", "v");
    }
}
