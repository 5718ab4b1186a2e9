package org.seqcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.io.Json;

/** The JSON documents on stdout keep the shapes the README documents (field names and nesting). */
class JsonShapesTest {
    private static final String[] TINY = {"--set", "training.epochs=2", "--set", "model.layers=[{units: 4}]", "--set", "window.horizon=6",
        "--set", "training.patience=0", "--set", "forecast.intervals=[80]", "-q"};

    @TempDir
    static Path dir;

    private static Path model;
    private static JsonNode train;

    private static JsonNode run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static String[] with(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of(TINY));
        return a.toArray(String[]::new);
    }

    private static List<String> fields(JsonNode n) {
        List<String> f = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            f.add(it.next());
        }
        return f;
    }

    @BeforeAll
    static void trainOnce() throws Exception {
        model = dir.resolve("air.seqcast");
        train = run(with("train", "-c", "configs/airpassengers.yaml", "-o", model.toString(), "--json"));
    }

    @Test
    void trainJson() {
        assertEquals(List.of("model", "data", "report", "forecast"), fields(train));
        assertEquals(List.of("path", "rows", "frequency", "season", "first_time", "last_time", "targets", "features"), fields(train.get("data")));
        assertEquals(List.of("network_series", "timesteps", "horizon", "inputs", "outputs", "strategy", "season_inputs", "engine", "kernel",
                "window_norm", "candidates", "members", "best_epoch", "epochs_run", "refit", "shrink", "series", "seconds", "ahead", "combine"),
                fields(train.get("report")));
        JsonNode r = train.get("report");
        assertEquals("direct", r.get("strategy").asText());
        assertEquals("true", r.get("window_norm").asText(), "the YAML spelling of the kept window normalisation");
        assertEquals("fast", r.get("engine").asText());
        assertEquals(List.of("window_norm", "validation_mae", "scaled_error", "best_epoch"), fields(r.get("candidates").get(0)));
        assertEquals(List.of("windows", "epochs"), fields(r.get("refit")));
        JsonNode s = r.get("series").get(0);
        assertEquals(List.of("id", "rows", "season", "log", "train_windows", "validation_windows", "dropped_windows", "validation"), fields(s));
        assertEquals(List.of("model", "naive", "seasonal_naive", "drift"), fields(s.get("validation")));
        assertEquals(List.of("mae", "rmse", "mape", "smape", "mase"), fields(s.get("validation").get("model")));
        assertEquals(12, s.get("season").asInt());
        JsonNode row = train.get("forecast").get(0);
        assertEquals(List.of("month", "passengers", "passengers_lo80", "passengers_hi80"), fields(row));
        assertEquals("1961-01", row.get("month").asText());
        assertEquals(6, train.get("forecast").size());
    }

    @Test
    void backtestJson() throws Exception {
        JsonNode b = run(with("backtest", "-c", "configs/airpassengers.yaml", "--folds", "2", "--json"));
        assertEquals(List.of("folds", "horizon", "season", "origins", "overall", "per_fold", "per_step", "per_target", "interval_coverage"),
                fields(b));
        assertEquals(2, b.get("folds").asInt());
        assertEquals(List.of(132, 138), List.of(b.get("origins").get(0).asInt(), b.get("origins").get(1).asInt()));
        assertEquals(List.of("model", "naive", "seasonal_naive", "drift"), fields(b.get("overall")));
        assertEquals(6, b.get("per_step").size());
        assertEquals(List.of("passengers"), fields(b.get("per_target")));
        assertEquals(List.of("80"), fields(b.get("interval_coverage")));
    }

    @Test
    void evaluateJsonHasTheBacktestShape() throws Exception {
        JsonNode e = run("evaluate", "-m", model.toString(), "-i", "data/airpassengers.csv", "--all-origins", "--json", "-q");
        assertEquals(List.of("folds", "horizon", "season", "origins", "overall", "per_fold", "per_step", "per_target", "interval_coverage"),
                fields(e));
        assertTrue(e.get("folds").asInt() > 1);
    }

    @Test
    void batchJson() throws Exception {
        JsonNode j = run(with("batch", "--input", "data/eustocks-long.csv", "--series-column", "index", "--out", dir.resolve("b").toString(),
                "--set", "training.ensemble=1", "--json"));
        assertEquals(List.of("out", "forecasts", "summary", "series", "ok", "failed", "not_run", "resumed", "workers", "seconds",
                "series_per_second", "interrupted", "exit_code", "failures", "theta"), fields(j));
        assertEquals(4, j.get("ok").asInt());
    }
}
