package org.seqcast.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seqcast.SeqcastException;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.AutoDefaults;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.data.Frequency;
import org.seqcast.data.ReadOptions;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.Forecaster;

/**
 * Half-hourly data with a daily and a weekly season and inputs known in advance: several seasons, the lookback that
 * stays short whatever the longest season, and known inputs fed for the forecast steps.
 */
class SeveralSeasonsTest {
    private static final int H = 48;
    private static TimeSeries series;
    private static SeqcastConfig cfg;
    private static TrainJob.Outcome outcome;

    static String csv(int rows, int future) {
        return SeveralSeasonsTestData.csv(rows, future);
    }

    static TimeSeries read(String csv, List<String> known) {
        List<String> cols = new ArrayList<>(List.of("demand"));
        cols.addAll(known);
        ReadOptions o = new ReadOptions(org.seqcast.config.MissingPolicy.ERROR, null, org.seqcast.config.DecimalMark.AUTO, known.isEmpty() ? 0 : 1);
        return CsvSeriesReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv", "time", cols, o);
    }

    static SeqcastConfig config(TimeSeries s, String... sets) {
        List<String> all = new ArrayList<>(List.of("data.path=test.csv", "data.time_column=time", "data.target=demand", "training.epochs=3",
                "training.patience=0", "model.layers.0.units=8", "training.ensemble=1"));
        all.addAll(List.of(sets));
        SeqcastConfig c = ConfigLoader.fromYaml("", "test", all);
        return AutoDefaults.resolve(c, s.frequency(), s.length());
    }

    @BeforeAll
    static void trainOnce() {
        series = read(csv(1200, H + 5), List.of("temperature", "holiday"));
        cfg = config(series, "data.known=[temperature, holiday]");
        outcome = TrainJob.run(cfg, series, 1, ProgressSink.QUIET);
    }

    @Test
    void halfHourlyDataGetADailyAndAWeeklySeasonAndAShortLookback() {
        TimeSeries long12 = read(csv(4032, 0), List.of());
        Plan plan = Plan.of(config(long12), List.of(long12));
        assertEquals(48, plan.horizon());
        assertEquals(List.of(48, 336), plan.seasons(long12));
        assertEquals(24, plan.timesteps(), "not two weekly seasons (672 rows)");
        assertEquals(24 + 48, plan.network().timesteps(), "the lookback and the forecast rows");
        SeqcastConfig defaults = AutoDefaults.resolve(ConfigLoader.fromYaml("", "test", List.of("data.path=x", "data.time_column=time",
                "data.target=demand")), long12.frequency(), long12.length());
        assertEquals(32, Plan.of(defaults, List.of(long12)).network().layers().get(0).units(), "auto units for windows into the forecast period");
        assertTrue(plan.lags() && plan.residual());
        assertEquals(List.of(48, 336), plan.schema(long12).lags());
    }

    @Test
    void autoSeasonsAreADayAndAWeekForHourlyAndFinerData() {
        assertEquals(List.of(24, 168), new Frequency(Frequency.Unit.HOUR, 1).defaultSeasons());
        assertEquals(List.of(48, 336), new Frequency(Frequency.Unit.MINUTE, 30).defaultSeasons());
        assertEquals(List.of(96, 672), new Frequency(Frequency.Unit.MINUTE, 15).defaultSeasons());
        assertEquals(List.of(288), new Frequency(Frequency.Unit.MINUTE, 5).defaultSeasons());
        assertEquals(List.of(12), new Frequency(Frequency.Unit.MONTH, 1).defaultSeasons());
        assertEquals(List.of(7), new Frequency(Frequency.Unit.DAY, 1).defaultSeasons());
        assertEquals(48, new Frequency(Frequency.Unit.MINUTE, 30).defaultSeason(), "the first period, which scales MASE");
    }

    @Test
    void theLookbackDoesNotGrowWithTheLongestSeason() {
        TimeSeries s = read(csv(8000, 0), List.of());
        Plan plan = Plan.of(config(s, "data.season=[48, 3360]"), List.of(s));
        assertEquals(24, plan.timesteps());
        assertEquals(72, plan.network().timesteps());
        assertEquals(List.of(48, 3360), plan.schema(s).lags());
    }

    @Test
    void monthlyDataKeepOneSeasonAndNoLags() {
        TimeSeries air = CsvSeriesReader.read("data/airpassengers.csv", "month", List.of("passengers"), org.seqcast.config.MissingPolicy.ERROR);
        SeqcastConfig c = AutoDefaults.resolve(ConfigLoader.fromYaml("", "test", List.of("data.path=x", "data.time_column=month",
                "data.target=passengers")), air.frequency(), air.length());
        Plan plan = Plan.of(c, List.of(air));
        assertEquals(24, plan.timesteps());
        assertFalse(plan.ahead());
        assertEquals(24, plan.network().timesteps());
        assertEquals(3, plan.network().inputs(), "passengers and one sin/cos pair, as before");
        assertEquals(64, plan.network().layers().get(0).units());
    }

    @Test
    void theForecasterReadsWhatTheValidationWindowsHold() {
        Plan plan = Plan.of(cfg, List.of(series));
        PreparedSeries p = PreparedSeries.of(plan, "s", series, org.seqcast.config.WindowNorm.RELATIVE);
        int need = plan.timesteps() + p.pre().ahead().history();
        for (int k : new int[] {0, p.validation().size() - 1}) {
            int cut = p.validationCuts()[k];
            double[][] raw = org.seqcast.forecast.SeriesColumns.ahead(series.slice(cut - need, cut), series.slice(cut, cut + H),
                    plan.schema(series));
            org.seqcast.transform.Preprocessor.Input in = p.pre().aheadInput(p.pre().apply(raw, "test"), need, plan.timesteps());
            float[][] w = p.validation().input(k);
            assertEquals(w.length, in.x().length);
            for (int r = 0; r < w.length; r++) {
                assertArrayEquals(w[r], in.x()[r], 1e-5f, "window " + k + " input row " + r);
            }
        }
    }

    @Test
    void trailingRowsWithEmptyTargetsAreTheFuture() {
        assertEquals(1200, series.length());
        assertNotNull(series.future());
        assertEquals(H + 5, series.future().length());
        assertEquals(series.index().positionAt(1200), series.future().index().position(0));
    }

    @Test
    void theReportAndSchemaNameSeasonsLagsAndKnownColumns() {
        TrainReport.Ahead a = outcome.report().ahead();
        assertNotNull(a);
        assertEquals(List.of(48, 336), a.seasons());
        assertEquals(List.of("temperature", "holiday"), a.known());
        assertTrue(a.baseLag() == 48 || a.baseLag() == 336, "a period of the season: " + a.baseLag());
        assertEquals(List.of("temperature", "holiday"), outcome.bundle().schema().known());
        assertNull(TrainJob.run(config(read(csv(600, 0), List.of()), "data.season=12"), read(csv(600, 0), List.of()), 1, ProgressSink.QUIET)
                .report().ahead(), "a short season: ordinary windows");
    }

    @Test
    void knownValuesOfTheForecastStepsReachTheForecast() {
        Forecaster f = new Forecaster(outcome.bundle());
        Forecast base = f.forecast(series);
        assertEquals(H, base.horizon());
        assertEquals(series.futureTimes(H), base.times());
        TimeSeries hot = read(csv(1200, H + 5).replaceAll("(?m)^([^,]+),,([0-9.]+),", "$1,,39.5,"), List.of("temperature", "holiday"));
        Forecast warmer = f.forecast(hot);
        assertFalse(java.util.Arrays.deepEquals(base.values(), warmer.values()), "other temperatures, another forecast");
        // Only the horizon's rows of the future are read: the same forecast from exactly 48 future rows.
        TimeSeries exact = series.withFuture(series.future().slice(0, H));
        assertArrayEquals(base.values()[H - 1], f.forecast(exact).values()[H - 1]);
    }

    @Test
    void aMissingOrShortFutureNamesTheColumnsAndTheRowsNeeded() {
        Forecaster f = new Forecaster(outcome.bundle());
        SeqcastException none = assertThrows(SeqcastException.class, () -> f.forecast(series.withFuture(null)));
        assertTrue(none.getMessage().contains("temperature, holiday") && none.getMessage().contains("48 steps")
                && none.getMessage().contains(series.futureTimes(H).get(0)) && none.getMessage().contains("--future FILE"), none.getMessage());
        SeqcastException shortOne = assertThrows(SeqcastException.class, () -> f.forecast(series.withFuture(series.future().slice(0, 10))));
        assertTrue(shortOne.getMessage().contains("38 more rows") && shortOne.getMessage().contains(series.futureTimes(H).get(H - 1)),
                shortOne.getMessage());
        SeqcastException late = assertThrows(SeqcastException.class, () -> f.forecast(series.withFuture(series.future().slice(1, H + 5))));
        assertTrue(late.getMessage().contains("future row 1 is " + series.futureTimes(2).get(1) + ", but the step there is "
                + series.futureTimes(1).get(0)), late.getMessage());
        TimeSeries gap = read(csv(1200, H + 5).replaceAll("(?m)^(2014-01-31T12:00),,[0-9.]+,", "$1,,,"), List.of("temperature", "holiday"));
        SeqcastException empty = assertThrows(SeqcastException.class, () -> f.forecast(gap));
        assertTrue(empty.getMessage().contains("'temperature' is empty at 2014-01-31T12:00"), empty.getMessage());
    }

    @Test
    void theSavedModelForecastsWhatTrainingForecast() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("seasons");
        try {
            java.nio.file.Path file = dir.resolve("m.seqcast");
            org.seqcast.store.ModelFile.write(file, outcome.bundle());
            Forecast again = new Forecaster(org.seqcast.store.ModelFile.read(file)).forecast(series);
            assertArrayEquals(new Forecaster(outcome.bundle()).forecast(series).values(), again.values());
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
