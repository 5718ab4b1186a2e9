package org.seqcast.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.config.MissingPolicy;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.data.TimeSeries;
import org.seqcast.store.ModelFile;

class BatchRunnerTest {
    @TempDir
    Path dir;

    /** A long first series and short ones after it, so that with 2 workers they finish out of input order. */
    private List<Path> inputs() {
        List<Path> files = new ArrayList<>();
        files.add(TestSeries.write(dir.resolve("in"), "long.csv", 400, 100, 1));
        for (int i = 0; i < 4; i++) {
            files.add(TestSeries.write(dir.resolve("in"), "short" + i + ".csv", 40, 10 + i, 2 + i));
        }
        return files;
    }

    private BatchRunner.Report run(List<Path> files, Path out, BatchRunner.Settings s) {
        SeqcastConfig cfg = TestSeries.tinyConfig();
        SeriesSource src = SeriesSource.files(files, "month", List.of("value"), MissingPolicy.ERROR);
        try (BatchOutputs o = new BatchOutputs(out, src.idColumn(), List.of("month", "value"))) {
            o.start("test", s.resume());
            return new BatchRunner(cfg, src, o, s, BatchProgress.QUIET).run();
        }
    }

    private static BatchRunner.Settings workers(int n) {
        return new BatchRunner.Settings(n, false, false, false, false, null, false);
    }

    private static List<String> firstColumn(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList();
    }

    @Test
    void outputOrderIsInputOrderWithOneOrTwoWorkers() throws IOException {
        List<Path> files = inputs();
        BatchRunner.Report one = run(files, dir.resolve("w1"), workers(1));
        BatchRunner.Report two = run(files, dir.resolve("w2"), workers(2));
        List<String> ids = List.of("long", "short0", "short1", "short2", "short3");
        assertEquals(5, one.ok());
        assertEquals(5, two.ok());
        for (Path out : List.of(dir.resolve("w1"), dir.resolve("w2"))) {
            assertEquals(ids, firstColumn(out.resolve("forecasts.csv")));
            assertEquals(ids, firstColumn(out.resolve("summary.csv")));
            assertEquals(1 + 5 * 3, Files.readAllLines(out.resolve("forecasts.csv")).size());
        }
    }

    @Test
    void failFastStopsAfterTheFirstFailureAndListsTheRestAsNotRun() throws IOException {
        Path bad = dir.resolve("in/bad.csv");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "month,value\n2000-01,1\n2000-02,zz\n");
        List<Path> files = new ArrayList<>(List.of(bad));
        files.addAll(inputs().subList(1, 4));
        BatchRunner.Report r = run(files, dir.resolve("ff"), new BatchRunner.Settings(1, true, false, false, false, null, false));
        assertEquals(1, r.failed());
        assertEquals(3, r.skipped());
        assertEquals(0, r.ok());
        List<String> summary = Files.readAllLines(dir.resolve("ff/summary.csv"));
        assertTrue(summary.get(1).startsWith("bad,failed,") && summary.get(1).contains("'zz'"), summary.get(1));
        assertTrue(summary.get(2).contains("skipped") && summary.get(2).contains("--fail-fast"), summary.get(2));
    }

    @Test
    void resumeSkipsCompleteSeriesAndRunsTheOthers() throws IOException {
        List<Path> files = inputs().subList(1, 4);
        Path out = dir.resolve("res");
        run(files, out, workers(1));
        String before = Files.readString(out.resolve("forecasts.csv"));
        Files.delete(out.resolve(".parts/short1.summary.csv")); // as if killed while short1 was in flight
        BatchRunner.Report r = run(files, out, new BatchRunner.Settings(1, false, true, false, false, null, false));
        assertEquals(2, r.resumed());
        assertEquals(1, r.ran());
        assertEquals(3, r.ok());
        assertEquals(before, Files.readString(out.resolve("forecasts.csv")));
    }

    @Test
    void globalTrainsOneNetworkAndScalesEachSeriesByItsOwnStatistics() throws IOException {
        List<Path> files = List.of(TestSeries.write(dir.resolve("g"), "small.csv", 60, 1, 1),
                TestSeries.write(dir.resolve("g"), "large.csv", 80, 1000, 2));
        Path out = dir.resolve("global");
        BatchRunner.Report r = run(files, out, new BatchRunner.Settings(2, false, false, true, true, null, true));
        assertEquals(2, r.ok(), r.rows().toString());
        assertFalse(Files.exists(out.resolve("models")), "--global saves one model, not one per series");
        ModelBundle global = ModelFile.read(out.resolve(BatchOutputs.GLOBAL_MODEL));
        assertEquals(ModelBundle.Kind.GLOBAL, global.kind());
        TimeSeries[] ts = files.stream().map(f -> CsvSeriesReader.read(f.toString(), "month", List.of("value"), MissingPolicy.ERROR))
                .toArray(TimeSeries[]::new);
        ModelBundle small = org.seqcast.train.SavedModels.fitted(global, ts[0]);
        ModelBundle large = org.seqcast.train.SavedModels.fitted(global, ts[1]);
        assertEquals(small.members(), large.members(), "one network shared by all series");
        assertNotEquals(small.preprocessor().scaler(), large.preprocessor().scaler(), "each series scaled by its own statistics");
        List<String> lines = Files.readAllLines(out.resolve("forecasts.csv"));
        double smallValue = Double.parseDouble(lines.get(1).split(",")[2]);
        double largeValue = Double.parseDouble(lines.get(4).split(",")[2]);
        assertTrue(smallValue > 0.3 && smallValue < 5, lines.get(1));
        assertTrue(largeValue > 300 && largeValue < 5000, lines.get(4));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertFalse(summary.get(1).split(",")[6].isEmpty(), "holdout MAE with --evaluate: " + summary.get(1));
    }

    @Test
    void savedModelsAreAppliedWithoutTrainingAndGiveTheSameForecasts() throws IOException {
        List<Path> files = inputs().subList(1, 3);
        Path trained = dir.resolve("trained");
        run(files, trained, new BatchRunner.Settings(1, false, false, true, false, null, false));
        Path applied = dir.resolve("applied");
        BatchRunner.Report r = run(files, applied, new BatchRunner.Settings(1, false, false, false, false, trained.resolve("models"), false));
        assertEquals(2, r.ok(), r.rows().toString());
        assertEquals(Files.readString(trained.resolve("forecasts.csv")), Files.readString(applied.resolve("forecasts.csv")));
    }
}
