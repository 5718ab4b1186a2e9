package org.seqcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.plot.Pixels;

/** The CLI through {@code CommandLine.execute}, with captured stdout and stderr. */
class CliTest {
    @TempDir
    static Path dir;

    static Path model;
    static Run trained;

    /** One captured run. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A short training run on airpassengers, shared by the tests below. */
    @BeforeAll
    static void trainSmallModel() {
        model = dir.resolve("air.seqcast");
        trained = run("train", "-c", "configs/airpassengers.yaml", "--set", "training.epochs=4", "--set", "model.layers=[{units: 8}]",
                "-o", model.toString());
        assertEquals(0, trained.code(), trained.err());
    }

    @Test
    void trainReportsWindowsBaselinesAndPrintsTheForecast() {
        assertTrue(trained.err().contains("windows: "), trained.err());
        assertTrue(trained.err().contains("seasonal naive (m=12)"), trained.err());
        List<String> lines = trained.out().lines().toList();
        assertEquals("month,passengers", lines.get(0));
        assertEquals(13, lines.size(), trained.out());
        assertTrue(lines.get(1).startsWith("1961-01,"), lines.get(1));
        assertTrue(lines.get(12).startsWith("1961-12,"), lines.get(12));
        assertTrue(Files.exists(model));
    }

    @Test
    void predictOnTheTrainingCsvReproducesTrainsForecastExactly() {
        Run p = run("predict", "-m", model.toString(), "-i", "data/airpassengers.csv");
        assertEquals(0, p.code(), p.err());
        assertEquals(trained.out(), p.out());
    }

    @Test
    void seasonInputsModelPredictsTheSameFromASuffixThatStartsInAnotherMonth() throws IOException {
        Path m = dir.resolve("air-season.seqcast");
        // the network alone: it reads the last 24 rows only (ETS, under forecast.combine, fits on all the rows it is given)
        Run t = run("train", "-c", "configs/airpassengers.yaml", "--set", "training.epochs=4", "--set", "model.layers=[{units: 8}]",
                "--set", "transform.season_inputs=true", "--set", "forecast.combine=none", "-o", m.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.err().contains("x 3 features"), t.err());
        assertTrue(t.err().contains("season inputs: "), t.err());
        List<String> rows = Files.readAllLines(Path.of("data/airpassengers.csv"));
        // the last 40 rows: from 1957-09, so row 0 is September, not January
        Path suffix = dir.resolve("air-suffix.csv");
        List<String> tail = new java.util.ArrayList<>(List.of(rows.get(0)));
        tail.addAll(rows.subList(rows.size() - 40, rows.size()));
        Files.write(suffix, tail);
        assertTrue(tail.get(1).startsWith("1957-09"), tail.get(1));
        Run p = run("predict", "-m", m.toString(), "-i", suffix.toString());
        assertEquals(0, p.code(), p.err());
        assertEquals(t.out(), p.out());
        Run s = run("summary", "-m", m.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("(batch, 24, 3)"), s.out());
        assertTrue(s.out().contains("season 12 (sin/cos"), s.out());
        Run e = run("evaluate", "-m", m.toString(), "-i", suffix.toString(), "--json", "--all-origins");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("\"folds\" : 1"), e.out());
    }

    @Test
    void predictWritesAFileAtomically() throws IOException {
        Path f = dir.resolve("fc.csv");
        Run p = run("predict", "-m", model.toString(), "-i", "data/airpassengers.csv", "-o", f.toString());
        assertEquals(0, p.code(), p.err());
        assertEquals(trained.out(), Files.readString(f));
    }

    @Test
    void predictOnCsvMissingAColumnFailsWithTheDataCode() throws IOException {
        Path csv = dir.resolve("wrong.csv");
        Files.writeString(csv, "month,value\n1960-01,1\n1960-02,2\n");
        Run p = run("predict", "-m", model.toString(), "-i", csv.toString(), "-o", dir.resolve("never.csv").toString());
        assertEquals(ExitCode.DATA.code(), p.code());
        assertTrue(p.err().contains("passengers"), p.err());
        assertTrue(p.err().contains("Try 'seqcast predict --help'"), p.err());
        assertFalse(p.err().contains("\tat "), "no stack trace: " + p.err());
        assertFalse(Files.exists(dir.resolve("never.csv")));
    }

    @Test
    void nonNumericValueNamesTheLineAndWritesNoModel() throws IOException {
        Path csv = dir.resolve("abc.csv");
        List<String> rows = Files.readAllLines(Path.of("data/airpassengers.csv"));
        rows.set(17, rows.get(17).split(",")[0] + ",abc");
        Files.write(csv, rows);
        Path out = dir.resolve("abc.seqcast");
        Run r = run("train", "-c", "configs/airpassengers.yaml", "--set", "data.path=" + csv, "-o", out.toString());
        assertEquals(ExitCode.DATA.code(), r.code(), r.err());
        assertTrue(r.err().contains("line 18"), r.err());
        assertTrue(r.err().contains("'abc'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void stacktraceOptionShowsTheTrace() throws IOException {
        Run r = run("predict", "-m", dir.resolve("missing.seqcast").toString(), "-i", "data/airpassengers.csv", "--stacktrace");
        assertEquals(ExitCode.IO.code(), r.code());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void unknownConfigKeyIsAUsageErrorWithSuggestion() {
        Run r = run("train", "-c", "configs/airpassengers.yaml", "--set", "training.epoch=3");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.err().contains("training.epoch"), r.err());
        assertTrue(r.err().contains("epochs"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("train", "--bogus");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.err().contains("Try 'seqcast train --help'"), r.err());
    }

    @Test
    void summaryOfConfigAndModel() {
        Run c = run("summary", "-c", "configs/airpassengers.yaml");
        assertEquals(0, c.code(), c.err());
        // the target and sin/cos of the month (transform.season_inputs): 4((3 + 64) 64 + 64) = 17,408 and (64 + 1) 12 = 780
        assertTrue(c.out().contains("17,408"), c.out());
        assertTrue(c.out().contains("780"), c.out());
        assertTrue(c.out().contains("Total params: 18,188"), c.out());
        assertTrue(c.out().contains("24 timesteps x 3 features -> 12 outputs"), c.out());
        Run plain = run("summary", "-c", "configs/airpassengers.yaml", "--set", "transform.season_inputs=false");
        // 4((1 + 64) 64 + 64) = 16,896
        assertTrue(plain.out().contains("16,896") && plain.out().contains("Total params: 17,676"), plain.out());
        assertTrue(plain.out().contains("24 timesteps x 1 feature -> 12 outputs"), plain.out());
        Run m = run("summary", "-m", model.toString());
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().contains("data sha256:"), m.out());
        assertTrue(m.out().contains("DL4J 1.0.0-M2.1"), m.out());
        // forecast.combine: auto combines with ETS, and both the train report and the summary say so
        assertTrue(m.out().contains("forecast:    the mean of the network's and automatic exponential smoothing's"), m.out());
        assertTrue(trained.err().contains("combine: each point forecast is the mean"), trained.err());
    }

    @Test
    void backtestHoldoutMatchesTheBaselineArithmetic() throws Exception {
        Path dir2 = dir.resolve("bt");
        Run r = run("backtest", "-c", "configs/airpassengers.yaml", "--holdout", "18", "--set", "training.epochs=2",
                "--set", "model.layers=[{units: 4}]", "--json", "--out", dir2.toString());
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        // Same protocol as R's forecast package on the public suite: seasonal naive MASE 2.3874, naive 2.1582
        assertEquals(2.3874, j.at("/overall/seasonal_naive/mase").asDouble(), 1e-4);
        assertEquals(2.1582, j.at("/overall/naive/mase").asDouble(), 1e-4);
        assertEquals(18, j.at("/per_step").size());
        List<String> rows = Files.readAllLines(dir2.resolve("forecasts.csv"));
        assertEquals(19, rows.size());
        assertTrue(rows.get(1).startsWith("1,1959-06,1959-07,1,passengers,"), rows.get(1));
    }

    @Test
    void trainPlotsTheForecastAndTheLossCurves() throws IOException {
        Files.createDirectories(dir.resolve("plots")); // seqcast does not create missing directories
        Path fc = dir.resolve("plots/train.png");
        Path loss = dir.resolve("plots/loss.png");
        Run r = run("train", "-c", "configs/airpassengers.yaml", "--set", "training.epochs=3", "--set", "model.layers=[{units: 4}]",
                "--set", "forecast.intervals=[80]", "--plot", fc.toString(), "--plot-loss", loss.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage chart = Pixels.read(fc, 1);
        assertTrue(Pixels.count(chart, Pixels::blue) > 2000, "the 80% band and the forecast line");
        assertTrue(Pixels.count(chart, Pixels::dark) > 300, "the history line");
        assertEquals(0, Pixels.count(chart, Pixels::red), "no held-out actuals in a forecast of the future");
        assertTrue(Pixels.count(Pixels.read(loss, 1), Pixels::orange) > 100, "the validation loss curve");
        assertTrue(r.err().contains("plot: " + fc), r.err());
        assertTrue(r.err().contains("loss plot: " + loss), r.err());
        assertEquals(13, r.out().lines().count(), "the forecast still goes to stdout");
    }

    @Test
    void predictAndBacktestPlot() throws IOException {
        Path p1 = dir.resolve("predict.png");
        Run p = run("predict", "-m", model.toString(), "-i", "data/airpassengers.csv", "--plot", p1.toString());
        assertEquals(0, p.code(), p.err());
        assertEquals(trained.out(), p.out(), "plotting does not change the forecast");
        BufferedImage forecast = Pixels.read(p1, 1);
        assertTrue(Pixels.count(forecast, Pixels::blue) > 200, "the forecast line");
        assertTrue(Pixels.count(forecast, Pixels::dark) > 300, "the history line");
        Path p2 = dir.resolve("backtest.png");
        Run b = run("backtest", "-c", "configs/airpassengers.yaml", "--folds", "2", "--set", "training.epochs=2",
                "--set", "model.layers=[{units: 4}]", "--set", "forecast.intervals=[80]", "--plot", p2.toString());
        assertEquals(0, b.code(), b.err());
        BufferedImage backtest = Pixels.read(p2, 1);
        assertTrue(Pixels.count(backtest, Pixels::red) > 100, "the held-out actuals of both folds");
        assertTrue(Pixels.count(backtest, Pixels::blue) > 2000, "the folds' forecasts and bands");
    }

    @Test
    void plotToAnUnwritablePathIsAnIoError() throws IOException {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        Run p = run("predict", "-m", model.toString(), "-i", "data/airpassengers.csv", "--plot", blocker.resolve("x.png").toString());
        assertEquals(ExitCode.IO.code(), p.code(), p.err());
        assertTrue(p.err().contains("x.png"), p.err());
        assertFalse(p.err().contains("\tat "), "no stack trace");
        assertEquals("", p.out(), "no forecast on stdout when the run fails");
        assertEquals(1, p.err().lines().filter(l -> l.startsWith("seqcast ")).count(), "one-line error: " + p.err());
    }

    @Test
    void evaluateScoresTheSavedModelWithoutRetraining() throws Exception {
        Run r = run("evaluate", "-m", model.toString(), "-i", "data/airpassengers.csv", "--json", "--all-origins");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        // origins 12 rows apart from row 132 back to row 24: 10 of them
        assertEquals(10, j.get("folds").asInt());
        assertEquals(10, j.get("origins").size());
        assertEquals(132, j.get("origins").get(9).asInt());
        assertTrue(j.at("/overall/model/mae").asDouble() > 0);
        assertTrue(j.at("/overall/seasonal_naive/mase").asDouble() > 0);
        assertTrue(j.at("/per_target/passengers/model/mase").asDouble() > 0);
        Run again = run("evaluate", "-m", model.toString(), "-i", "data/airpassengers.csv", "--json", "--all-origins");
        assertEquals(r.out(), again.out(), "deterministic");
        // By default only origins whose forecasts follow the training data: the model saw all of airpassengers.
        Run seen = run("evaluate", "-m", model.toString(), "-i", "data/airpassengers.csv");
        assertEquals(3, seen.code(), seen.err());
        assertTrue(seen.err().contains("none of its 10 origins") && seen.err().contains("--all-origins"), seen.err());
    }

    @Test
    void versionNamesSeqcastAndDl4j() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("seqcast "), v.out());
        assertTrue(v.out().contains("DL4J 1.0.0-M2.1"), v.out());
    }

    @Test
    void corruptModelFileHasTheModelCode() throws IOException {
        Path bad = dir.resolve("bad.seqcast");
        Files.write(bad, Files.readAllBytes(model).length > 100 ? java.util.Arrays.copyOf(Files.readAllBytes(model), 100) : new byte[0]);
        Run r = run("predict", "-m", bad.toString(), "-i", "data/airpassengers.csv");
        assertEquals(ExitCode.MODEL.code(), r.code(), r.err());
    }

    /** The README's exit-code table is exactly ExitCode's: every code, no other, in order (signals included). */
    @Test
    void exitCodeTableInReadmeMatchesTheEnum() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("| code | meaning |", readme.indexOf("## Exit codes"));
        assertTrue(start > 0, "README has an exit-code table under '## Exit codes'");
        int end = readme.indexOf("\n\n", start);
        assertEquals(ExitCode.markdownTable(), readme.substring(start, end + 1), "README exit-code table; expected:\n" + ExitCode.markdownTable());
        assertTrue(java.util.Arrays.stream(ExitCode.values()).anyMatch(c -> c.signal() && c.code() == 143), "SIGTERM is listed");
        String help = run("predict", "--help").out();
        for (ExitCode c : ExitCode.values()) {
            assertTrue(help.replaceAll("\\s+", " ").contains(c.code() + " "), "help footer lacks " + c + ": " + help);
        }
    }

    @Test
    void trainForecastsASeriesTooShortForANetworkWithThetaAndWritesAClassicalModel() throws Exception {
        java.nio.file.Path csv = dir.resolve("four-rows.csv");
        java.nio.file.Files.writeString(csv, "year,value\n1972,3600\n1973,7700\n1974,12300\n1975,30500\n");
        java.nio.file.Path model = dir.resolve("four-rows.seqcast");
        Run r = run("train", "--set", "data.path=" + csv, "--set", "window.horizon=2", "-o", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("forecast with the Theta method instead"), r.err());
        assertEquals(3, r.out().strip().split("\n").length, r.out());
        assertTrue(r.out().startsWith("year,value\n1976,"), r.out());
        assertTrue(java.nio.file.Files.exists(model), "the fallback is a classical model file");
        assertEquals(r.out(), run("predict", "-m", model.toString(), "-i", csv.toString()).out(), "predict refits Theta on the history");
        Run j = run("train", "--set", "data.path=" + csv, "--set", "window.horizon=2", "--json", "-q");
        assertTrue(j.out().contains("\"method\" : \"theta\"") || j.out().contains("\"method\":\"theta\""), j.out());
    }
}
