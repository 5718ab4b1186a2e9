package org.seqcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A global model saves, predicts and is applied like any other, from the command line: {@code train --series-column},
 * {@code batch --global --save-models}, {@code predict -m global} on a long or a single-series CSV, {@code batch --models
 * FILE}; and the Theta fallback of {@code train -o} is a model file too.
 */
class GlobalModelCliTest {
    private static final String[] TINY = {"--set", "training.epochs=2", "--set", "model.layers=[{units: 4}]", "--set", "window.timesteps=6",
        "--set", "window.horizon=3", "--set", "training.batch_size=64", "--set", "training.patience=0", "--set", "data.time_column=month",
        "--set", "data.target=sales"};

    @TempDir
    Path dir;

    private static BatchCommandTest.Run run(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!List.of("predict", "summary").contains(args[0])) {
            a.addAll(List.of(TINY));
        }
        return BatchCommandTest.run(a);
    }

    /** Monthly sales of stores: long-format rows {store, month, sales}; lengths 50, 40, 8 (shorter than a validation window) and 60. */
    private Path longCsv() throws IOException {
        StringBuilder sb = new StringBuilder("store,month,sales\n");
        int[] rows = {50, 40, 8, 60};
        for (int s = 0; s < rows.length; s++) {
            java.util.Random r = new java.util.Random(s);
            double level = 100 * (s + 1) * (s + 1);
            for (int t = 0; t < rows[s]; t++) {
                double v = level * (1 + 0.2 * Math.sin(2 * Math.PI * t / 12.0)) + level * 0.01 * t + 0.03 * level * r.nextGaussian();
                sb.append(String.format(Locale.ROOT, "S%d,%04d-%02d,%.3f%n", s, 2010 + t / 12, t % 12 + 1, v));
            }
        }
        Path f = dir.resolve("stores.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void trainSaveAndApplyAGlobalModelEverywayWithTheSameForecasts() throws IOException {
        Path csv = longCsv();
        Path model = dir.resolve("stores.seqcast");
        BatchCommandTest.Run train = run("train", "--set", "data.path=" + csv, "--series-column", "store", "-o", model.toString());
        assertEquals(0, train.code(), train.err());
        List<String> lines = train.out().lines().toList();
        assertEquals("store,month,sales", lines.get(0));
        assertEquals(1 + 4 * 3, lines.size(), train.out());
        assertTrue(train.err().contains("global: one network over 4 series"), train.err());

        BatchCommandTest.Run predict = run("predict", "-m", model.toString(), "-i", csv.toString(), "--series-column", "store");
        assertEquals(0, predict.code(), predict.err());
        assertEquals(train.out(), predict.out(), "the model file forecasts every series as the training run did");

        Path out = dir.resolve("out");
        BatchCommandTest.Run batch = run("batch", "-i", csv.toString(), "--series-column", "store", "--global", "--save-models", "-o",
                out.toString());
        assertEquals(0, batch.code(), batch.err());
        assertTrue(Files.isRegularFile(out.resolve("global.seqcast")));
        assertFalse(Files.exists(out.resolve("models")), "one model, not one per series");
        assertEquals(train.out(), Files.readString(out.resolve("forecasts.csv")), "train --series-column is batch --global");

        Path applied = dir.resolve("applied");
        BatchCommandTest.Run apply = run("batch", "-i", csv.toString(), "--series-column", "store", "--models",
                out.resolve("global.seqcast").toString(), "-o", applied.toString());
        assertEquals(0, apply.code(), apply.err());
        assertEquals(train.out(), Files.readString(applied.resolve("forecasts.csv")));

        // one series of the file as its own CSV: the same forecast
        Path one = dir.resolve("s1.csv");
        List<String> s1 = new ArrayList<>(List.of("month,sales"));
        Files.readAllLines(csv).stream().filter(l -> l.startsWith("S1,")).forEach(l -> s1.add(l.substring(3)));
        Files.write(one, s1);
        BatchCommandTest.Run single = run("predict", "-m", model.toString(), "-i", one.toString());
        assertEquals(0, single.code(), single.err());
        List<String> expected = new ArrayList<>(List.of("month,sales"));
        lines.stream().filter(l -> l.startsWith("S1,")).forEach(l -> expected.add(l.substring(3)));
        assertEquals(expected, single.out().lines().toList());

        BatchCommandTest.Run trainJson = run("train", "--set", "data.path=" + csv, "--series-column", "store", "--json", "-q");
        assertEquals(0, trainJson.code(), trainJson.err());
        JsonNode tj = new ObjectMapper().readTree(trainJson.out());
        assertEquals(4, tj.get("ok").asInt());
        assertEquals(12, tj.get("forecast").size());
        assertEquals("S0", tj.at("/forecast/0/store").asText());
        assertEquals(4, tj.at("/report/series").size());
        BatchCommandTest.Run predictJson = run("predict", "-m", model.toString(), "-i", csv.toString(), "--series-column", "store", "--json");
        JsonNode pj = new ObjectMapper().readTree(predictJson.out());
        assertEquals("global", pj.get("kind").asText());
        assertEquals(tj.get("forecast"), pj.get("forecast"), "the same rows as train's JSON");

        BatchCommandTest.Run summary = run("summary", "-m", model.toString(), "--json");
        assertEquals(0, summary.code(), summary.err());
        JsonNode j = new ObjectMapper().readTree(summary.out());
        assertEquals("global", j.get("kind").asText());
        assertEquals(4, j.at("/provenance/training/series").asInt());
        assertEquals("S2", j.at("/provenance/training/ids/2").asText());
        assertEquals(csv.toString(), j.at("/provenance/data_path").asText(), "the input file of all the series");
        assertEquals(64, j.at("/provenance/data_sha256").asText().length());
    }

    @Test
    void backtestOverEverySeriesOfALongCsvTrainsOnceWithNoRetrain() throws IOException {
        Path csv = longCsv();
        Path out = dir.resolve("bt");
        BatchCommandTest.Run bt = run("backtest", "--set", "data.path=" + csv, "--series-column", "store", "--folds", "2", "--no-retrain",
                "--json", "-o", out.toString());
        assertEquals(0, bt.code(), bt.err());
        JsonNode j = new ObjectMapper().readTree(bt.out());
        assertEquals(4, j.get("series").asInt());
        assertEquals("once", j.get("refit").asText());
        assertEquals(2, j.get("per_fold").size());
        assertEquals(4, j.get("per_series").size());
        assertEquals(8, j.get("forecasts").asInt(), "every series at both origins");
        assertTrue(j.at("/overall/model/mase").isNumber(), bt.out());
        assertEquals(1, bt.err().lines().filter(l -> l.contains("trained on 4 series")).count(), "trained once: " + bt.err());
        List<String> rows = Files.readAllLines(out.resolve("forecasts.csv"));
        assertEquals("store,fold,origin,month,step,target,actual,forecast", rows.get(0));
        assertEquals(1 + 4 * 2 * 3, rows.size());
    }

    @Test
    void mismatchedInputsAreOneLineErrors() throws IOException {
        Path csv = longCsv();
        Path model = dir.resolve("stores.seqcast");
        assertEquals(0, run("train", "--set", "data.path=" + csv, "--series-column", "store", "-o", model.toString()).code());

        BatchCommandTest.Run noColumn = run("predict", "-m", model.toString(), "-i", csv.toString(), "--series-column", "shop");
        assertEquals(ExitCode.DATA.code(), noColumn.code(), noColumn.err());
        assertTrue(noColumn.err().contains("missing column shop"), noColumn.err());
        assertTrue(noColumn.err().strip().lines().count() <= 2, "the error and the help hint: " + noColumn.err());

        Path quarterly = dir.resolve("q.csv");
        Files.writeString(quarterly, "store,month,sales\nA,2010-01,5\nA,2010-04,6\nA,2010-07,7\nA,2010-10,8\nA,2011-01,9\n");
        BatchCommandTest.Run freq = run("predict", "-m", model.toString(), "-i", quarterly.toString(), "--series-column", "store");
        assertEquals(ExitCode.DATA.code(), freq.code(), freq.err());
        assertTrue(freq.err().contains("quarterly") && freq.err().contains("monthly"), freq.err());
        assertTrue(freq.err().strip().lines().findFirst().get().contains("quarterly"), freq.err());
        assertTrue(freq.err().strip().lines().count() <= 2, "the error and the help hint: " + freq.err());

        BatchCommandTest.Run plot = run("train", "--set", "data.path=" + csv, "--series-column", "store", "--plot", dir.resolve("p.png").toString());
        assertEquals(ExitCode.USAGE.code(), plot.code(), plot.err());
    }

    @Test
    void theThetaFallbackOfTrainIsAModelFileThatPredictRefits() throws IOException {
        Path csv = dir.resolve("short.csv");
        StringBuilder sb = new StringBuilder("month,sales\n");
        for (int t = 0; t < 10; t++) {
            sb.append(String.format(Locale.ROOT, "2020-%02d,%d%n", t + 1, 100 + 3 * t));
        }
        Files.writeString(csv, sb.toString());
        Path model = dir.resolve("short.seqcast");
        BatchCommandTest.Run train = run("train", "--set", "data.path=" + csv, "-o", model.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(Files.isRegularFile(model), "the fallback is a model too");
        BatchCommandTest.Run predict = run("predict", "-m", model.toString(), "-i", csv.toString());
        assertEquals(0, predict.code(), predict.err());
        assertEquals(train.out(), predict.out());
        BatchCommandTest.Run summary = run("summary", "-m", model.toString(), "--json");
        JsonNode j = new ObjectMapper().readTree(summary.out());
        assertEquals("classical", j.get("kind").asText());
        assertEquals("theta", j.at("/provenance/method").asText());
        assertTrue(j.at("/provenance/reason").asText().contains("too short"), summary.out());
    }
}
