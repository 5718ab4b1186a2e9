package org.seqcast.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.SeqcastException;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.config.MissingPolicy;

/** The output directory of a batch is shared and may be hostile: links inside it, other files, a second run, changed inputs. */
class BatchSafetyTest {
    @TempDir
    Path dir;

    private static SeriesResult ok(String id, double v) {
        return BatchOutputsTest.ok(id, v);
    }

    private List<String> names(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPartsLinkToAnotherDirectoryIsRefusedAndNothingThereIsDeleted() throws IOException {
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("thesis.tex"), "years of work");
        Files.writeString(victim.resolve("a.summary.csv"), "not seqcast's either");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve(BatchOutputs.PARTS), victim);
        try (BatchOutputs o = new BatchOutputs(out, "id", List.of("t", "y"))) {
            SeqcastException e = assertThrows(SeqcastException.class, () -> o.start("fp", false));
            assertEquals(SeqcastException.Kind.IO, e.kind());
            assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        }
        assertEquals(List.of("a.summary.csv", "thesis.tex"), names(victim));
    }

    @Test
    void aModelsLinkIsRefusedAndNoModelIsWrittenThrough() throws IOException {
        Path victim = Files.createDirectories(dir.resolve("victim-models"));
        Files.writeString(victim.resolve("a.seqcast"), "someone else's file");
        Path out = Files.createDirectories(dir.resolve("out2"));
        Files.createSymbolicLink(out.resolve("models"), victim);
        SeriesSource src = SeriesSource.files(List.of(TestSeries.write(dir.resolve("in"), "a.csv", 40, 10, 1)), "month", List.of("value"),
                MissingPolicy.ERROR);
        SeqcastConfig cfg = TestSeries.tinyConfig();
        try (BatchOutputs o = new BatchOutputs(out, src.idColumn(), List.of("month", "value"))) {
            o.start("fp", false);
            BatchRunner.Report r = new BatchRunner(cfg, src, o, new BatchRunner.Settings(1, false, false, true, false, null, false),
                    BatchProgress.QUIET).run();
            assertEquals(1, r.failed(), "the series cannot be recorded through the link");
            assertTrue(r.rows().get(0).error().contains("symbolic link"), r.rows().get(0).error());
        }
        assertEquals("someone else's file", Files.readString(victim.resolve("a.seqcast")));
        assertEquals(List.of("a.seqcast"), names(victim));
    }

    @Test
    void startDeletesOnlyFilesSeqcastMadeInParts() throws IOException {
        Path out = dir.resolve("out3");
        try (BatchOutputs o = new BatchOutputs(out, "id", List.of("t", "y"))) {
            o.start("fp", false);
            o.write(ok("a", 1), "h");
        }
        Path parts = out.resolve(BatchOutputs.PARTS);
        Files.writeString(parts.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve(".forecasts.csv.abc.tmp"), "left by kill -9");
        try (BatchOutputs o = new BatchOutputs(out, "id", List.of("t", "y"))) {
            o.start("fp", false);
        }
        assertEquals(List.of("notes.txt", "run.txt"), names(parts));
        assertTrue(names(out).stream().noneMatch(n -> n.endsWith(".tmp")), names(out).toString());
    }

    @Test
    void aSecondBatchOnTheSameDirectoryIsRefusedUntilTheFirstEnds() {
        Path out = dir.resolve("out4");
        BatchOutputs first = new BatchOutputs(out, "id", List.of("t", "y"));
        first.start("fp", false);
        first.write(ok("a", 1), "h");
        BatchOutputs second = new BatchOutputs(out, "id", List.of("t", "y"));
        SeqcastException e = assertThrows(SeqcastException.class, () -> second.start("fp", false));
        assertEquals(SeqcastException.Kind.BUSY, e.kind());
        assertTrue(e.getMessage().contains("another seqcast batch"), e.getMessage());
        assertTrue(first.completed("a", "h", false) != null, "the first run's results are untouched");
        first.close();
        second.start("fp", true);
        assertTrue(second.completed("a", "h", false) != null);
        second.close();
    }

    @Test
    void resumeRunsASeriesAgainWhenItsDataChanged() throws IOException {
        Path in = dir.resolve("series");
        List<Path> files = new ArrayList<>(List.of(TestSeries.write(in, "a.csv", 40, 10, 1), TestSeries.write(in, "b.csv", 40, 20, 2)));
        Path out = dir.resolve("out5");
        SeqcastConfig cfg = TestSeries.tinyConfig();
        BatchRunner.Settings resume = new BatchRunner.Settings(1, false, true, false, false, null, false);
        BatchRunner.Report first = run(cfg, files, out, resume);
        assertEquals(2, first.ok());
        String before = Files.readString(out.resolve("forecasts.csv"));
        TestSeries.write(in, "b.csv", 40, 500, 3); // new data for b, same name
        BatchRunner.Report again = run(cfg, files, out, resume);
        assertEquals(1, again.resumed(), "a is reused, b is run again on its new data");
        assertEquals(2, again.ok());
        String after = Files.readString(out.resolve("forecasts.csv"));
        assertEquals(before.lines().filter(l -> l.startsWith("a,")).toList(), after.lines().filter(l -> l.startsWith("a,")).toList());
        assertNotEquals(before.lines().filter(l -> l.startsWith("b,")).toList(), after.lines().filter(l -> l.startsWith("b,")).toList());
    }

    private static BatchRunner.Report run(SeqcastConfig cfg, List<Path> files, Path out, BatchRunner.Settings s) {
        SeriesSource src = SeriesSource.files(files, "month", List.of("value"), MissingPolicy.ERROR);
        try (BatchOutputs o = new BatchOutputs(out, src.idColumn(), List.of("month", "value"))) {
            o.start("fp", s.resume());
            return new BatchRunner(cfg, src, o, s, BatchProgress.QUIET).run();
        }
    }

    @Test
    void aPathListWithANulOrAnEndlessLineIsAConfigError() {
        SeqcastException nul = assertThrows(SeqcastException.class,
                () -> SeriesSource.expand(List.of("-"), new BufferedReader(new StringReader("a.csv\nb\0.csv\n"))));
        assertEquals(SeqcastException.Kind.CONFIG, nul.kind());
        assertTrue(nul.getMessage().contains("line 2"), nul.getMessage());
        SeqcastException endless = assertThrows(SeqcastException.class,
                () -> SeriesSource.expand(List.of("-"), new BufferedReader(new StringReader("x".repeat(1 << 20)))));
        assertEquals(SeqcastException.Kind.CONFIG, endless.kind());
    }
}
