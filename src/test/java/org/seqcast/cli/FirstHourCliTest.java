package org.seqcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.SeqcastConfig;

/** A new user's first commands: init, train without naming columns, the hints errors give, predict --set. */
class FirstHourCliTest {
    @TempDir
    Path dir;

    /** Tiny, fast training: the tests check plumbing, not accuracy. */
    static final String[] FAST = {"--set", "training.epochs=2", "--set", "model.layers=[{units: 4}]", "--set", "training.ensemble=1",
            "--set", "training.refit=false"};

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    /** {@code command args... FAST...}. */
    static String[] with(String[] fast, String command, String... args) {
        List<String> out = new java.util.ArrayList<>(List.of(command));
        out.addAll(List.of(args));
        out.addAll(List.of(fast));
        return out.toArray(new String[0]);
    }

    private static final String DIALECTS = "src/test/resources/dialects/";

    @Test
    void initReportsTheFileAndWritesAStarterConfigThatLoadsAndIsNotOverwritten() throws IOException {
        Path cfg = dir.resolve("air.yaml");
        CliTest.Run r = run("init", "data/airquality-1973.csv", "-o", cfg.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("data/airquality-1973.csv: 153 rows, columns date, ozone, solar_r, wind, temp"), r.err());
        assertTrue(r.err().contains("daily, season 7, 1973-05-01 .. 1973-09-30"), r.err());
        assertTrue(r.err().contains("gaps:     none"), r.err());
        assertTrue(r.err().contains("ozone 37, solar_r 7, wind 0, temp 0 cells"), r.err());
        String yaml = Files.readString(cfg);
        SeqcastConfig c = ConfigLoader.load(cfg, List.of());
        assertEquals("date", c.data().timeColumn());
        assertEquals(List.of("ozone"), c.data().target());
        assertEquals("interpolate", c.data().missing().key());
        assertTrue(yaml.contains("also numeric: solar_r, wind, temp"), yaml);
        assertTrue(yaml.contains("horizon: auto                   # 14 steps for daily data"), yaml);

        CliTest.Run again = run("init", "data/airquality-1973.csv", "-o", cfg.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("seqcast init: " + cfg + " exists; use --force to overwrite it, or -o - to print the config"),
                again.err());
        assertEquals(yaml, Files.readString(cfg));
        assertEquals(0, run("init", "data/airquality-1973.csv", "-o", cfg.toString(), "--force").code());
    }

    @Test
    void initOfAGermanExcelExportWritesItsTimeFormatAndDecimalComma() {
        CliTest.Run r = run("init", DIALECTS + "excel-de-monthly.csv", "-o", "-");
        assertEquals(0, r.code(), r.err());
        SeqcastConfig c = ConfigLoader.fromYaml(r.out(), "stdout", List.of());
        assertEquals("dd.MM.yyyy", c.data().timeFormat());
        assertEquals("comma", c.data().decimal().key());
        assertEquals("Datum", c.data().timeColumn());
        assertEquals(List.of("Umsatz"), c.data().target());
    }

    @Test
    void initOfALongFormatFileNamesTheSeriesColumnAndTheBatchCommand() {
        CliTest.Run r = run("init", "data/eustocks-long.csv", "-o", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("long format, one series per value of 'index'; use batch --series-column index"), r.err());
    }

    @Test
    void trainGuessesTheTimeColumnAndTargetAndForecastsBusinessDaysForTheAutoHorizon() {
        CliTest.Run r = run(with(FAST, "train", "--set", "data.path=" + DIALECTS + "business-days.csv"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("guessed data.time_column=date, data.target=close from"), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("date,close", lines.get(0));
        assertEquals(1 + 6, lines.size(), r.out()); // 10 business days, at most a fifth of 30 rows
        for (String l : lines.subList(1, lines.size())) {
            DayOfWeek d = LocalDate.parse(l.substring(0, 10)).getDayOfWeek();
            assertFalse(d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY, l);
        }
        assertEquals("2024-02-12", lines.get(1).substring(0, 10));
    }

    @Test
    void trainWithSeveralNumericColumnsAndNoTargetListsThemAndNamesPerColumnBatch() {
        CliTest.Run r = run(with(FAST, "train", "--set", "data.path=data/eustocks-wide.csv"));
        assertEquals(2, r.code(), r.err());
        assertEquals("seqcast train: data.target is not set and data/eustocks-wide.csv has 4 numeric columns (DAX, SMI, CAC, FTSE); set it with "
                + "--set data.target=DAX (or a list [a,b]), or forecast each column as its own series with seqcast batch --input "
                + "data/eustocks-wide.csv --per-column --out DIR (data/eustocks-wide.csv has day, DAX, SMI, CAC, FTSE)", r.err().lines().findFirst().orElse(""));
    }

    @Test
    void trainOnALongFormatFileHintsAtBatchSeriesColumn() {
        CliTest.Run r = run(with(FAST, "train", "--set", "data.path=data/eustocks-long.csv", "--set", "data.time_column=day",
                "--set", "data.target=close"));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("duplicate time 1 on lines"), r.err());
        assertTrue(r.err().strip().endsWith("use seqcast batch --input data/eustocks-long.csv --series-column index --out DIR")
                || r.err().contains("forecast each with seqcast batch --input data/eustocks-long.csv --series-column index --out DIR"), r.err());
        CliTest.Run guessed = run(with(FAST, "train", "--set", "data.path=data/eustocks-long.csv"));
        assertEquals(3, guessed.code(), guessed.err());
        assertTrue(guessed.err().contains("--series-column index"), guessed.err());
    }

    @Test
    void predictAndEvaluateTakeTheReadingKeysTheirErrorsRecommendAndOnlyThose() throws IOException {
        Path m = dir.resolve("g.seqcast");
        CliTest.Run t = run(with(FAST, "train", "--set", "data.path=data/airpassengers.csv", "--set", "window.horizon=6", "-o", m.toString()));
        assertEquals(0, t.code(), t.err());
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(Path.of("data/airpassengers.csv")));
        rows.set(rows.size() - 3, rows.get(rows.size() - 3).split(",")[0] + ",#N/A");
        Path holes = dir.resolve("holes.csv");
        Files.write(holes, rows);
        CliTest.Run refused = run("predict", "-m", m.toString(), "-i", holes.toString());
        assertEquals(3, refused.code());
        assertTrue(refused.err().contains("set data.missing to interpolate"), refused.err());
        CliTest.Run p = run("predict", "-m", m.toString(), "-i", holes.toString(), "--set", "data.missing=interpolate");
        assertEquals(0, p.code(), p.err());
        assertEquals(7, p.out().lines().count(), p.out());
        CliTest.Run e = run("evaluate", "-m", m.toString(), "-i", holes.toString(), "--set", "data.missing=ffill", "--all-origins");
        assertEquals(0, e.code(), e.err());
        CliTest.Run bad = run("predict", "-m", m.toString(), "-i", holes.toString(), "--set", "training.epochs=3");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("this command takes only data.missing, data.time_format, data.decimal"), bad.err());
    }

    @Test
    void aDashForDataPathIsStandardInputNotAList() {
        assertEquals("-", ConfigLoader.fromYaml("", "x", List.of("data.path=-")).data().path());
        assertEquals("-", ConfigLoader.fromYaml("", "x", List.of("data.path= - ")).data().path());
    }

    @Test
    void integerTimesWhoseForecastOverflowsAreADataErrorNotACrash() throws IOException {
        StringBuilder b = new StringBuilder("t,v\n");
        for (int i = 60; i >= 1; i--) {
            b.append(Long.MAX_VALUE - i).append(',').append(100 + (i % 7)).append('\n');
        }
        Path f = dir.resolve("big.csv");
        Files.writeString(f, b.toString());
        CliTest.Run r = run(with(FAST, "train", "--set", "data.path=" + f, "--set", "window.horizon=3", "--set", "data.season=1"));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("run past the largest integer time (9223372036854775807)"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void midnightStampedDailyDataStaysDaily() throws IOException {
        StringBuilder b = new StringBuilder("day,v\n");
        LocalDate d = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 10; i++) {
            b.append(d.plusDays(i)).append(" 00:00:00,").append(i).append('\n');
        }
        Path f = dir.resolve("daily.csv");
        Files.writeString(f, b.toString());
        org.seqcast.data.TimeSeries s = org.seqcast.data.CsvSeriesReader.read(f.toString(), "day", List.of("v"),
                org.seqcast.config.MissingPolicy.ERROR);
        assertEquals("daily", s.frequency().describe());
        assertEquals(List.of("2024-01-11 00:00:00", "2024-01-12 00:00:00"), s.futureTimes(2));
    }
}
