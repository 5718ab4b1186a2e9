package org.seqcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seqcast batch} end to end, with tiny networks. */
class BatchCommandTest {
    /** Tiny training so that each series takes well under a second. */
    private static final String[] TINY = {"--set", "training.epochs=1", "--set", "model.layers=[{units: 4}]", "--set", "window.timesteps=8",
        "--set", "window.horizon=4", "--set", "training.batch_size=256", "--set", "training.patience=0"};

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args.toArray(String[]::new));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> batch(String... args) {
        List<String> a = new ArrayList<>(List.of("batch"));
        a.addAll(List.of(args));
        a.addAll(List.of(TINY));
        return a;
    }

    /** The four eustocks series in long format plus a fifth, 'BAD', with a non-numeric close. */
    private Path eustocksPlusBroken() throws IOException {
        StringBuilder sb = new StringBuilder(Files.readString(Path.of("data/eustocks-long.csv")));
        for (int day = 1; day <= 60; day++) {
            sb.append(day).append(",BAD,").append(day == 30 ? "abc" : String.valueOf(1000 + day)).append('\n');
        }
        Path f = dir.resolve("eustocks5.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void fourSeriesForecastTheBrokenOneListedPartialExitAndResumeSkipsTheFour() throws IOException {
        Path csv = eustocksPlusBroken();
        Path out = dir.resolve("out");
        Run r = run(batch("--input", csv.toString(), "--series-column", "index", "--out", out.toString(), "--workers", "2"));
        assertEquals(ExitCode.PARTIAL.code(), r.code(), r.err());

        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(6, summary.size(), summary.toString());
        for (int i = 1; i <= 4; i++) {
            assertTrue(summary.get(i).startsWith(List.of("DAX", "SMI", "CAC", "FTSE").get(i - 1) + ",ok,1860,"), summary.get(i));
        }
        assertTrue(summary.get(5).startsWith("BAD,failed,"), summary.get(5));
        assertTrue(summary.get(5).contains("'abc' is not a number"), summary.get(5));

        List<String> forecasts = Files.readAllLines(out.resolve("forecasts.csv"));
        assertEquals("index,day,close", forecasts.get(0));
        assertEquals(1 + 4 * 4, forecasts.size());
        assertTrue(forecasts.get(1).startsWith("DAX,1861,"), forecasts.get(1));
        assertTrue(forecasts.stream().noneMatch(l -> l.startsWith("BAD")));

        FileTime daxPart = Files.getLastModifiedTime(out.resolve(".parts/DAX.forecast.csv"));
        Run again = run(batch("--input", csv.toString(), "--series-column", "index", "--out", out.toString(), "--resume", "--json"));
        assertEquals(ExitCode.PARTIAL.code(), again.code(), again.err());
        JsonNode j = new ObjectMapper().readTree(again.out());
        assertEquals(4, j.get("resumed").asInt());
        assertEquals(4, j.get("ok").asInt());
        assertEquals(1, j.get("failed").asInt());
        assertEquals("BAD", j.get("failures").get(0).get("series").asText());
        assertTrue(again.err().contains("resume: 4 of 5 series already complete"), again.err());
        assertEquals(daxPart, Files.getLastModifiedTime(out.resolve(".parts/DAX.forecast.csv")), "DAX was not run again");
        assertEquals(forecasts, Files.readAllLines(out.resolve("forecasts.csv")));
    }

    private Path seriesFile(Path d, String name, int rows, double level) throws IOException {
        StringBuilder sb = new StringBuilder("month,sales\n");
        for (int t = 0; t < rows; t++) {
            sb.append(String.format(Locale.ROOT, "%04d-%02d,%.3f%n", 2010 + t / 12, t % 12 + 1, level * (1 + 0.3 * Math.sin(t * Math.PI / 6)) + t));
        }
        Files.createDirectories(d);
        Path f = d.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void manyFilesFromADirectoryAGlobAndStdinWithEvaluationAndSavedModels() throws IOException {
        seriesFile(dir.resolve("stores"), "north.csv", 60, 100);
        seriesFile(dir.resolve("stores"), "south.csv", 72, 300);
        Path east = seriesFile(dir.resolve("more"), "east.csv", 50, 50);
        seriesFile(dir.resolve("more"), "west.csv", 50, 70);
        Path out = dir.resolve("files-out");
        InputStream old = System.in;
        Run r;
        try {
            System.setIn(new ByteArrayInputStream((east + "\n").getBytes(StandardCharsets.UTF_8)));
            r = run(batch("--input", dir.resolve("stores").toString(), "--input", dir + "/more/w*.csv", "--input", "-", "--out", out.toString(),
                    "--evaluate", "--save-models", "--workers", "2", "--quiet"));
        } finally {
            System.setIn(old);
        }
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        List<String> ids = summary.stream().skip(1).map(l -> l.split(",")[0]).toList();
        assertEquals(List.of("north", "south", "west", "east"), ids);
        String[] north = summary.get(1).split(",", -1);
        assertTrue(!north[6].isEmpty() && !north[7].isEmpty() && !north[8].isEmpty(), "holdout, naive, seasonal naive: " + summary.get(1));
        assertEquals("series,month,sales", Files.readAllLines(out.resolve("forecasts.csv")).get(0));
        for (String id : ids) {
            assertTrue(Files.exists(out.resolve("models/" + id + ".seqcast")), id);
        }

        Run applied = run(List.of("batch", "--input", dir.resolve("stores").toString(), "--models", out.resolve("models").toString(),
                "--out", dir.resolve("applied").toString(), "--quiet"));
        assertEquals(0, applied.code(), applied.err());
        List<String> original = Files.readAllLines(out.resolve("forecasts.csv"));
        assertEquals(original.subList(0, 1 + 2 * 4), Files.readAllLines(dir.resolve("applied/forecasts.csv")));
    }

    @Test
    void failFastStopsAtTheFirstFailure() throws IOException {
        Path bad = dir.resolve("in/a-bad.csv");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "month,sales\n2000-01,1\n2000-02,n/a?\n");
        seriesFile(dir.resolve("in"), "b.csv", 60, 100);
        seriesFile(dir.resolve("in"), "c.csv", 60, 100);
        Run r = run(batch("--input", dir.resolve("in").toString(), "--out", dir.resolve("ff").toString(), "--workers", "1", "--fail-fast"));
        assertEquals(ExitCode.PARTIAL.code(), r.code(), r.err());
        List<String> summary = Files.readAllLines(dir.resolve("ff/summary.csv"));
        assertTrue(summary.get(1).startsWith("a-bad,failed,"), summary.get(1));
        assertTrue(summary.get(2).startsWith("b,skipped,") && summary.get(3).startsWith("c,skipped,"), summary.toString());
    }

    @Test
    void incompatibleOptionsAreUsageErrors() {
        Run r = run(List.of("batch", "--input", "data/eustocks-long.csv", "--series-column", "index", "--out", dir.resolve("x").toString(),
                "--global", "--resume"));
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.err().contains("--global") && r.err().contains("Try 'seqcast batch --help'"), r.err());
    }

    /** The mode options (BatchModeMixin, shared with the Spark job) refuse combinations before any work: exit 2, one line. */
    @Test
    void refusesModeCombinationsBeforeAnyWork() {
        Path out = dir.resolve("out");
        Run models = run(batch("-i", "data/eustocks-long.csv", "--series-column", "index", "-o", out.toString(), "--models",
                dir.toString(), "--global"));
        assertEquals(ExitCode.USAGE.code(), models.code(), models.err());
        assertTrue(models.err().contains("--models applies saved models without training; it cannot be combined with --global"), models.err());
        Run resume = run(batch("-i", "data/eustocks-long.csv", "--series-column", "index", "-o", out.toString(), "--global", "--resume"));
        assertEquals(ExitCode.USAGE.code(), resume.code(), resume.err());
        assertTrue(resume.err().contains("run --global again without --resume"), resume.err());
        assertTrue(!Files.exists(out), "nothing written");
    }
}
