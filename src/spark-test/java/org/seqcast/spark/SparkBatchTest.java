package org.seqcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.cli.Main;
import org.seqcast.io.Json;

/**
 * The Spark job on {@code local[2]} against {@code seqcast batch} on the same long-format input: the same
 * forecasts and summary, value for value (training is deterministic); a failing series stays a summary row;
 * {@code --resume} skips the series done; Parquet input, saved models and {@code --global} agree too.
 */
class SparkBatchTest {
    /** Tiny networks, so each series trains in a fraction of a second; intervals on, so their columns are compared too. */
    private static final List<String> TINY = List.of("--set", "training.epochs=3", "--set", "model.layers=[{units: 4}]", "--set",
            "window.timesteps=8", "--set", "window.horizon=4", "--set", "training.batch_size=256", "--set", "training.patience=0",
            "--set", "forecast.intervals=[80]");
    private static final List<String> IDS = List.of("a1", "b2", "c3", "d4", "e5");

    private static SparkSession spark;

    @TempDir
    static Path dir;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("seqcast-spark-test").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2").config("spark.default.parallelism", "2")
                .config("spark.sql.codegen.wholeStage", "false").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** Five monthly series (40-70 rows) in long format, rows of each series out of time order; optionally a sixth, BAD, with 'abc' in it. */
    static Path longCsv(String name, boolean withBad) {
        StringBuilder sb = new StringBuilder("month,store,value\n");
        Random r = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < IDS.size(); s++) {
            int rows = 40 + 7 * s;
            double level = 50 + 30 * s;
            for (int t = 0; t < rows; t++) {
                double v = level * (1 + 0.2 * Math.sin(2 * Math.PI * t / 12.0)) + 0.3 * level * t / rows + 0.02 * level * r.nextGaussian();
                lines.add(String.format(Locale.ROOT, "%04d-%02d,%s,%.4f", 2000 + t / 12, t % 12 + 1, IDS.get(s), v));
            }
        }
        if (withBad) {
            for (int t = 0; t < 40; t++) {
                lines.add(String.format(Locale.ROOT, "%04d-%02d,BAD,%s", 2000 + t / 12, t % 12 + 1, t == 30 ? "abc" : String.valueOf(100 + t)));
            }
        }
        // Interleave the series and reverse a block, as a distributed writer might leave them; batch sorts each series by time too.
        lines.sort(Comparator.comparing((String l) -> l.substring(0, 7)).thenComparing(l -> l.substring(8)));
        java.util.Collections.reverse(lines.subList(10, 60));
        lines.forEach(l -> sb.append(l).append('\n'));
        Path f = dir.resolve(name);
        write(f, sb.toString());
        return f;
    }

    static Run batch(List<String> args) {
        List<String> a = new ArrayList<>(List.of("batch", "--workers", "2"));
        a.addAll(args);
        a.addAll(TINY);
        return execute(null, a);
    }

    static Run sparkBatch(List<String> args) {
        List<String> a = new ArrayList<>(args);
        a.addAll(TINY);
        a.add("--json");
        return execute(new SparkBatch(), a);
    }

    private static Run execute(Object command, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        String[] argv = args.toArray(String[]::new);
        int code = command == null ? Main.execute(o, e, argv) : Main.execute(command, o, e, argv);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The records of a CSV file, or of all part files of a Spark output directory in order, without headers. */
    static List<List<String>> records(Path fileOrDir) {
        List<Path> files;
        if (Files.isDirectory(fileOrDir)) {
            try (Stream<Path> s = Files.list(fileOrDir)) {
                files = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertTrue(Files.exists(fileOrDir.resolve("_SUCCESS")), fileOrDir + " not committed");
        } else {
            files = List.of(fileOrDir);
        }
        List<List<String>> out = new ArrayList<>();
        List<String> header = null;
        for (Path f : files) {
            try (CSVParser p = CSVParser.parse(f, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
                boolean first = true;
                for (CSVRecord rec : p) {
                    List<String> cells = rec.toList();
                    if (first) {
                        if (header == null) {
                            header = cells;
                            out.add(cells);
                        }
                        assertEquals(header, cells, f + ": another header");
                        first = false;
                    } else {
                        out.add(cells);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Rows sorted by series id (stable: a series' rows keep their order), header first. */
    static List<List<String>> bySeries(List<List<String>> rows) {
        List<List<String>> body = new ArrayList<>(rows.subList(1, rows.size()));
        body.sort(Comparator.comparing(r -> r.get(0)));
        List<List<String>> out = new ArrayList<>();
        out.add(rows.get(0));
        out.addAll(body);
        return out;
    }

    /** Summary rows without the seconds column (wall time) and, for failed rows, without the error's line number part. */
    static List<List<String>> comparable(List<List<String>> summary) {
        int sec = summary.get(0).indexOf("seconds");
        int err = summary.get(0).indexOf("error");
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : summary) {
            List<String> c = new ArrayList<>(r);
            c.set(sec, "");
            c.set(err, c.get(err).replaceAll("line \\d+", "line N"));
            out.add(c);
        }
        return out;
    }

    static JsonNode json(Run r) {
        try {
            return Json.MAPPER.readTree(r.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path f, String text) {
        try {
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void sameOutputsAsBatchValueForValueAFailingSeriesIsASummaryRowAndResumeSkipsTheDoneSeries() throws IOException {
        Path csv = longCsv("stores.csv", true);
        Path batchOut = dir.resolve("batch");
        Run b = batch(List.of("--input", csv.toString(), "--series-column", "store", "--out", batchOut.toString(), "--evaluate",
                "--save-models"));
        assertEquals(7, b.code(), b.err());
        Path sparkOut = dir.resolve("spark");
        Run s = sparkBatch(List.of("--input", csv.toString(), "--series-column", "store", "--out", sparkOut.toString(), "--evaluate",
                "--save-models", "--chunk", "4"));
        assertEquals(7, s.code(), s.err());
        try (Stream<Path> runs = Files.list(sparkOut.resolve(".parts"))) {
            assertEquals(2, runs.filter(p -> Files.exists(p.resolve("_SUCCESS"))).count(), "6 series in runs of 4: two committed runs");
        }

        List<List<String>> forecasts = records(sparkOut.resolve("forecasts"));
        assertEquals(List.of("store", "month", "value", "value_lo80", "value_hi80"), forecasts.get(0));
        assertEquals(1 + 5 * 4, forecasts.size());
        assertEquals(bySeries(records(batchOut.resolve("forecasts.csv"))), forecasts);
        List<List<String>> summary = records(sparkOut.resolve("summary"));
        assertEquals(comparable(bySeries(records(batchOut.resolve("summary.csv")))), comparable(summary));
        List<String> bad = summary.get(1);
        assertEquals(List.of("BAD", "failed"), bad.subList(0, 2));
        assertTrue(bad.get(10).contains("stores.csv [store=BAD]: line ") && bad.get(10).contains("column 'value': 'abc' is not a number"),
                bad.toString());
        for (String id : IDS) {
            assertTrue(Files.size(sparkOut.resolve("models").resolve(id + ".seqcast")) > 100, id);
        }
        JsonNode j = json(s);
        assertEquals(6, j.get("series").asInt());
        assertEquals(5, j.get("ok").asInt());
        assertEquals(1, j.get("failed").asInt());
        assertEquals("BAD", j.get("failures").get(0).get("series").asText());

        // Resume: the five done series are skipped (their summary rows, seconds included, stay as they were); BAD runs again
        // and, fixed, succeeds.
        write(csv, Files.readString(csv).replace(",BAD,abc", ",BAD,130"));
        Run again = sparkBatch(List.of("--input", csv.toString(), "--series-column", "store", "--out", sparkOut.toString(), "--evaluate",
                "--save-models", "--resume"));
        assertEquals(0, again.code(), again.err());
        JsonNode j2 = json(again);
        assertEquals(5, j2.get("resumed").asInt());
        assertEquals(1, j2.get("ran").asInt());
        assertEquals(6, j2.get("ok").asInt());
        List<List<String>> summary2 = records(sparkOut.resolve("summary"));
        assertEquals(summary.subList(2, 7), summary2.subList(2, 7));
        assertEquals(List.of("BAD", "ok"), summary2.get(1).subList(0, 2));
        assertEquals(1 + 6 * 4, records(sparkOut.resolve("forecasts")).size());
        assertEquals(forecasts.subList(1, forecasts.size()), records(sparkOut.resolve("forecasts")).subList(5, 25));

        // Another config is refused on resume.
        Run other = execute(new SparkBatch(), List.of("--input", csv.toString(), "--series-column", "store", "--out", sparkOut.toString(),
                "--resume", "--set", "training.epochs=4"));
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("--resume: ") && other.err().contains("another config"), other.err());

        // The saved models, applied by the job to the same table as Parquet (value typed double), forecast exactly what batch did.
        Path parquet = dir.resolve("five.parquet");
        spark.read().option("header", "true").csv(longCsv("five.csv", false).toString())
                .withColumn("value", org.apache.spark.sql.functions.col("value").cast(DataTypes.DoubleType)).write().parquet(parquet.toString());
        Path applied = dir.resolve("applied");
        Run m = sparkBatch(List.of("--input", parquet.toString(), "--series-column", "store", "--out", applied.toString(),
                "--models", batchOut.resolve("models").toString()));
        assertEquals(0, m.code(), m.err());
        assertEquals(forecasts, records(applied.resolve("forecasts")));
    }

    @Test
    void globalModeMatchesBatch() {
        Path csv = longCsv("five-g.csv", false);
        Path batchOut = dir.resolve("batch-global");
        Run b = batch(List.of("--input", csv.toString(), "--series-column", "store", "--out", batchOut.toString(), "--global",
                "--save-models"));
        assertEquals(0, b.code(), b.err());
        Path sparkOut = dir.resolve("spark-global");
        // trained once in one task, the model broadcast, every series forecast in its own task
        Run s = sparkBatch(List.of("--input", csv.toString(), "--series-column", "store", "--out", sparkOut.toString(), "--global",
                "--save-models"));
        assertEquals(0, s.code(), s.err());
        assertEquals(1 + 5 * 4, records(sparkOut.resolve("forecasts")).size());
        assertEquals(records(batchOut.resolve("forecasts.csv")), records(sparkOut.resolve("forecasts")));
        assertEquals(comparable(records(batchOut.resolve("summary.csv"))), comparable(records(sparkOut.resolve("summary"))));
        assertTrue(Files.isRegularFile(sparkOut.resolve("global.seqcast")), "--save-models writes the one global model");
        // the global model of batch applied by the Spark job to every series: the same forecasts again
        Path applied = dir.resolve("spark-applied-global");
        Run m = sparkBatch(List.of("--input", csv.toString(), "--series-column", "store", "--out", applied.toString(),
                "--models", batchOut.resolve("global.seqcast").toString()));
        assertEquals(0, m.code(), m.err());
        // the same point forecasts; the file's intervals are pooled over the series (batch --global calibrates each on its own)
        assertEquals(points(records(batchOut.resolve("forecasts.csv"))), points(records(applied.resolve("forecasts"))));
        assertEquals(records(batchOut.resolve("forecasts.csv")).get(0), records(applied.resolve("forecasts")).get(0), "interval columns too");
    }

    /** The series, time and point forecast columns of forecast records. */
    private static List<List<String>> points(List<List<String>> records) {
        return records.stream().map(r -> r.subList(0, 3)).toList();
    }
}
