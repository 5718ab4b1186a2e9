package org.seqcast.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecaster;
import org.seqcast.model.Loss;
import org.seqcast.train.Plan;

/**
 * Every series gets a forecast: in a run over many series one shorter than the lookback is padded, one too short for a
 * validation window trains without one; per series, one too short for a network is forecast by the Theta method.
 */
class GlobalShortSeriesTest {
    @TempDir
    Path dir;

    @Test
    void globalForecastsSeriesShorterThanTheLookbackAndThanAValidationWindow() {
        // lookback 6, horizon 3: 8 rows are padded to 1 training + 1 validation window; 4 rows have one window, no validation
        List<TimeSeries> all = List.of(TestSeries.read(dir, "a.csv", 60, 10, 1), TestSeries.read(dir, "b.csv", 8, 500, 2), TestSeries.read(dir, "c.csv", 4, 50, 3),
                TestSeries.read(dir, "d.csv", 72, 80, 4));
        List<SeriesResult> rs = GlobalPipeline.run(TestSeries.tinyConfig(), List.of("a", "b", "c", "d"), all, new SeriesPipeline.Options(false, true), 1);
        for (int i = 0; i < rs.size(); i++) {
            SeriesResult r = rs.get(i);
            assertTrue(r.ok(), r.id() + ": " + r.error());
            assertEquals(3, r.forecast().horizon());
            for (double[] step : r.forecast().values()) {
                assertTrue(Double.isFinite(step[0]));
            }
            assertEquals("model+ets", r.method(), "forecast.combine: auto combines with ETS in a run over many series");
            // the saved model pads the same way when it forecasts the series again
            assertArrayEquals(r.forecast().values(), new Forecaster(r.bundle()).forecast(all.get(i)).values());
        }
        assertTrue(Double.isNaN(rs.get(2).validationMae()), "no validation window for 4 rows");
        assertTrue(Double.isFinite(rs.get(1).validationMae()));
    }

    @Test
    void theSummaryMethodSaysWhetherTheForecastIsCombinedWithEts() {
        List<TimeSeries> all = List.of(TestSeries.read(dir, "a.csv", 60, 10, 1), TestSeries.read(dir, "d.csv", 72, 80, 4));
        List<SeriesResult> alone = GlobalPipeline.run(TestSeries.tinyConfig("forecast.combine=none"), List.of("a", "d"), all,
                new SeriesPipeline.Options(false, true), 1);
        assertEquals(List.of("model", "model"), alone.stream().map(SeriesResult::method).toList());
        assertEquals("model", SeriesPipeline.apply(alone.get(0).bundle(), "a", all.get(0)).method());
        List<SeriesResult> combined = GlobalPipeline.run(TestSeries.tinyConfig("forecast.combine=ets"), List.of("a", "d"), all,
                new SeriesPipeline.Options(false, true), 1);
        assertEquals(List.of("model+ets", "model+ets"), combined.stream().map(SeriesResult::method).toList());
        assertEquals("model+ets", SeriesPipeline.apply(combined.get(0).bundle(), "a", all.get(0)).method());
    }

    @Test
    void theLookbackOfManySeriesFollowsTheMedianSeriesNotTheShortest() {
        SeqcastConfig cfg = TestSeries.tinyConfig("window.timesteps=auto");
        List<TimeSeries> all = List.of(TestSeries.read(dir, "a.csv", 60, 10, 1), TestSeries.read(dir, "b.csv", 8, 500, 2), TestSeries.read(dir, "d.csv", 72, 80, 4));
        Plan many = Plan.of(cfg, all);
        assertEquals(24, many.timesteps(), "two seasons: the median series (60 rows) allows them");
        assertTrue(many.pad());
        assertEquals(Loss.MAE, many.loss());
        Plan one = Plan.of(cfg, List.of(all.get(1)));
        assertEquals(1, one.timesteps(), "one series alone keeps train's lookback");
        assertEquals(Loss.MSE, one.loss());
    }

    @Test
    void perSeriesRunsForecastASeriesTooShortForANetworkWithTheta() {
        TimeSeries s = TestSeries.read(dir, "short.csv", 10, 100, 7); // needs 12 rows for one training and one validation window
        SeriesResult r = SeriesPipeline.run(TestSeries.tinyConfig(), "short", s, new SeriesPipeline.Options(true, true));
        assertTrue(r.ok(), r.error());
        assertEquals("theta", r.method());
        assertEquals(0, r.epochs());
        assertEquals(3, r.forecast().horizon());
        assertNotNull(r.holdout(), "--evaluate scores theta in the model's place");
        assertEquals(org.seqcast.forecast.ModelBundle.Kind.CLASSICAL, r.bundle().kind(), "no network: a classical model");
        assertEquals("theta", BatchOutputs.row(r).cells().get(BatchOutputs.SUMMARY_HEADER.indexOf("method")));
    }

    @Test
    void manySeriesTrainOnTheirLastTenSeasonsAndForecastAfterTheirEnd() {
        List<TimeSeries> all = List.of(TestSeries.read(dir, "long.csv", 200, 10, 1), TestSeries.read(dir, "d.csv", 72, 80, 4));
        List<SeriesResult> rs = GlobalPipeline.run(TestSeries.tinyConfig(), List.of("long", "d"), all, new SeriesPipeline.Options(false, true), 1);
        assertTrue(rs.get(0).ok(), rs.get(0).error());
        assertEquals(120, rs.get(0).bundle().provenance().rows(), "ten seasons of monthly data");
        assertEquals(72, rs.get(1).bundle().provenance().rows());
        assertEquals(all.get(0).futureTimes(3), rs.get(0).forecast().times(), "the forecast follows the whole series");
        assertEquals(Integer.MAX_VALUE, Plan.of(TestSeries.tinyConfig(), List.of(all.get(0))).historyRows(all.get(0)), "one series: every row");
    }
}
