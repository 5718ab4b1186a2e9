package org.seqcast.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.SeqcastException;
import org.seqcast.config.MissingPolicy;

class SeriesSourceTest {
    @TempDir
    Path dir;

    private static BufferedReader stdin(String text) {
        return new BufferedReader(new StringReader(text));
    }

    @Test
    void directoriesGiveTheirCsvFilesSortedAndIdsAreFileNames() throws IOException {
        TestSeries.write(dir.resolve("d"), "b.csv", 30, 10, 1);
        TestSeries.write(dir.resolve("d"), "a.csv", 30, 10, 2);
        Files.writeString(dir.resolve("d/notes.txt"), "not a series");
        List<Path> files = SeriesSource.expand(List.of(dir.resolve("d").toString()), stdin(""));
        assertEquals(List.of("a.csv", "b.csv"), files.stream().map(p -> p.getFileName().toString()).toList());
        SeriesSource s = SeriesSource.files(files, "month", List.of("value"), MissingPolicy.ERROR);
        assertEquals(List.of("a", "b"), s.ids());
        assertEquals("series", s.idColumn());
        assertEquals(30, s.load(1).series().length());
    }

    @Test
    void globsStdinListsAndPlainFilesKeepArgumentOrder() {
        Path x = TestSeries.write(dir.resolve("g"), "x1.csv", 30, 10, 1);
        TestSeries.write(dir.resolve("g"), "x2.csv", 30, 10, 2);
        TestSeries.write(dir.resolve("g"), "y.csv", 30, 10, 3);
        Path z = TestSeries.write(dir, "z.csv", 30, 10, 4);
        List<Path> files = SeriesSource.expand(List.of(z.toString(), dir + "/g/x*.csv", "-"),
                stdin("# listed\n\n" + dir.resolve("g/y.csv") + "\n"));
        assertEquals(List.of(z, x, dir.resolve("g/x2.csv"), dir.resolve("g/y.csv")), files);
    }

    @Test
    void aGlobMatchingNothingIsAConfigError() {
        SeqcastException e = assertThrows(SeqcastException.class, () -> SeriesSource.expand(List.of(dir + "/*.nothing"), stdin("")));
        assertEquals(SeqcastException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains("no file matches"), e.getMessage());
    }

    @Test
    void duplicateIdsAreRefusedNamingBothFiles() {
        Path a = TestSeries.write(dir.resolve("one"), "s.csv", 30, 10, 1);
        Path b = TestSeries.write(dir.resolve("two"), "s.csv", 30, 10, 1);
        SeqcastException e = assertThrows(SeqcastException.class,
                () -> SeriesSource.files(List.of(a, b), "month", List.of("value"), MissingPolicy.ERROR));
        assertTrue(e.getMessage().contains(a.toString()) && e.getMessage().contains(b.toString()), e.getMessage());
    }

    @Test
    void aBrokenFileIsLoadedAsAnErrorNotThrown() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "month,value\n2000-01,1\n2000-02,x\n");
        SeriesSource.Loaded l = SeriesSource.files(List.of(bad), "month", List.of("value"), MissingPolicy.ERROR).load(0);
        assertNull(l.series());
        assertNotNull(l.error());
        assertTrue(l.error().getMessage().contains("'x'"), l.error().getMessage());
    }

    @Test
    void longFormatKeepsFirstAppearanceOrderAndIsolatesTheBrokenSeries() throws IOException {
        Path f = dir.resolve("long.csv");
        Files.writeString(f, "t,id,v\n1,B,1\n1,A,1\n2,B,2\n2,A,oops\n3,B,3\n");
        SeriesSource s = SeriesSource.longFormat(f.toString(), "id", "t", List.of("v"), MissingPolicy.ERROR);
        assertEquals(List.of("B", "A"), s.ids());
        assertEquals("id", s.idColumn());
        assertEquals(3, s.load(0).series().length());
        assertTrue(s.load(1).error().getMessage().contains("oops"), s.load(1).error().getMessage());
    }
}
