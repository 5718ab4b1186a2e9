package org.seqcast.data;

import org.seqcast.config.MissingPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqcast.data.Csv.dataError;
import static org.seqcast.data.Csv.labels;
import static org.seqcast.data.Csv.write;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.SeqcastException;

/** Long-format files: one series per id, in order of first appearance; a bad series does not stop the others. */
class ReadLongTest {
    @TempDir
    Path dir;

    @Test
    void seriesComeInOrderOfFirstAppearance() {
        String f = write(dir, "long.csv", "id,t,v\nb,1,10\na,1,1\nb,2,20\na,2,2\nc,1,100\n");
        List<CsvSeriesReader.Entry> e = CsvSeriesReader.readLong(f, "id", "t", List.of("v"), MissingPolicy.ERROR);
        assertEquals(List.of("b", "a", "c"), e.stream().map(CsvSeriesReader.Entry::id).toList());
        assertArrayEquals(new double[] {10, 20}, e.get(0).series().column("v"));
        assertArrayEquals(new double[] {1, 2}, e.get(1).series().column("v"));
        assertEquals(List.of("1", "2"), labels(e.get(1).series()));
        assertEquals(1, e.get(2).series().length());
        assertEquals(f + " [id=b]", e.get(0).series().source());
    }

    @Test
    void aSeriesWithABadValueComesBackWithItsErrorWhileTheOthersLoad() {
        String f = write(dir, "long.csv", "id,t,v\na,1,1\nb,1,x\na,2,2\nb,2,3\n");
        List<CsvSeriesReader.Entry> e = CsvSeriesReader.readLong(f, "id", "t", List.of("v"), MissingPolicy.ERROR);
        assertEquals(2, e.size());
        assertNull(e.get(0).error());
        assertArrayEquals(new double[] {1, 2}, e.get(0).series().column("v"));
        assertNull(e.get(1).series());
        assertEquals(SeqcastException.Kind.DATA, e.get(1).error().kind());
        assertEquals(f + " [id=b]: line 3, column 'v': 'x' is not a number", e.get(1).error().getMessage());
    }

    @Test
    void aDuplicateTimeInOneSeriesNamesItsLines() {
        String f = write(dir, "long.csv", "id,t,v\na,1,1\nb,1,1\na,1,2\n");
        List<CsvSeriesReader.Entry> e = CsvSeriesReader.readLong(f, "id", "t", List.of("v"), MissingPolicy.ERROR);
        assertTrue(e.get(0).error().getMessage().contains("lines 2 and 4"), e.get(0).error().getMessage());
        assertEquals(1, e.get(1).series().length());
    }

    @Test
    void missingSeriesColumnIsAFileLevelError() {
        String f = write(dir, "long.csv", "id,t,v\na,1,1\n");
        String msg = dataError(() -> CsvSeriesReader.readLong(f, "ids", "t", List.of("v"), MissingPolicy.ERROR));
        assertEquals(f + ": missing column 'ids' (did you mean 'id'?); the file has id, t, v", msg);
    }

    @Test
    void wrongFieldCountIsAFileLevelError() {
        String f = write(dir, "long.csv", "id,t,v\na,1,1\nb,1\n");
        String msg = dataError(() -> CsvSeriesReader.readLong(f, "id", "t", List.of("v"), MissingPolicy.ERROR));
        assertTrue(msg.startsWith(f + ": line 3 has 2 fields"), msg);
    }
}
