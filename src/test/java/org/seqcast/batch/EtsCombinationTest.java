package org.seqcast.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.SeqcastException;
import org.seqcast.data.TimeSeries;
import org.seqcast.eval.Ets;
import org.seqcast.forecast.Forecaster;
import org.seqcast.forecast.Provenance;
import org.seqcast.store.ModelFile;
import org.seqcast.train.Plan;
import org.seqcast.train.TrainJob;
import org.seqcast.train.ProgressSink;

/**
 * {@code forecast.combine}: with ets every forecast of a model (validation, the final one, a saved model's) is the mean
 * of the network's and automatic ETS'; auto combines in runs over many series only.
 */
class EtsCombinationTest {
    @TempDir
    Path dir;

    @Test
    void eachForecastIsTheMeanOfTheNetworksAndEtsAndTheSavedModelForecastsAlike() throws Exception {
        List<TimeSeries> all = List.of(TestSeries.read(dir, "a.csv", 60, 10, 1), TestSeries.read(dir, "b.csv", 40, 500, 2), TestSeries.read(dir, "c.csv", 72, 80, 4));
        List<String> ids = List.of("a", "b", "c");
        SeriesPipeline.Options keep = new SeriesPipeline.Options(false, true);
        List<SeriesResult> alone = GlobalPipeline.run(TestSeries.tinyConfig("forecast.combine=none"), ids, all, keep, 1);
        List<SeriesResult> mixed = GlobalPipeline.run(TestSeries.tinyConfig(), ids, all, keep, 1); // auto
        for (int i = 0; i < ids.size(); i++) {
            SeriesResult a = alone.get(i);
            SeriesResult m = mixed.get(i);
            assertTrue(a.ok() && m.ok(), a.error() + " / " + m.error());
            assertEquals(Provenance.NONE, a.bundle().provenance().combine());
            assertEquals(Provenance.ETS, m.bundle().provenance().combine());
            double[] ets = Ets.fit(all.get(i).column("value"), 12).forecast(3);
            for (int st = 0; st < 3; st++) {
                assertEquals((a.forecast().values()[st][0] + ets[st]) / 2, m.forecast().values()[st][0], 1e-9, ids.get(i) + " step " + st);
            }
            // validation scored the combined forecasts
            assertNotEquals(a.validationMae(), m.validationMae(), ids.get(i));
            // a saved and reread model combines the same way
            Path file = dir.resolve(ids.get(i) + ".seqcast");
            ModelFile.write(file, m.bundle());
            Forecaster reread = new Forecaster(ModelFile.read(file));
            assertTrue(reread.combinesEts());
            double[][] again = reread.forecast(all.get(i)).values();
            for (int st = 0; st < 3; st++) {
                assertEquals(m.forecast().values()[st][0], again[st][0], 1e-9);
            }
        }
    }

    @Test
    void oneWorkerAndTwoGiveTheSameCombinedForecastsAndScores() {
        List<TimeSeries> all = List.of(TestSeries.read(dir, "a.csv", 60, 10, 1), TestSeries.read(dir, "b.csv", 40, 500, 2), TestSeries.read(dir, "c.csv", 72, 80, 4),
                TestSeries.read(dir, "d.csv", 50, 30, 5));
        List<String> ids = List.of("a", "b", "c", "d");
        SeriesPipeline.Options options = new SeriesPipeline.Options(false, false);
        List<SeriesResult> one = GlobalPipeline.run(TestSeries.tinyConfig(), ids, all, options, 1);
        List<SeriesResult> two = GlobalPipeline.run(TestSeries.tinyConfig(), ids, all, options, 2);
        for (int i = 0; i < ids.size(); i++) {
            assertTrue(one.get(i).ok(), one.get(i).error());
            assertEquals(ids.get(i), two.get(i).id());
            assertEquals(one.get(i).validationMae(), two.get(i).validationMae());
            for (int st = 0; st < 3; st++) {
                assertEquals(one.get(i).forecast().values()[st][0], two.get(i).forecast().values()[st][0]);
            }
        }
    }

    @Test
    void autoCombinesUnlessTheWindowsReachAheadAndTheKeyOverridesIt() {
        List<TimeSeries> two = List.of(TestSeries.read(dir, "a.csv", 60, 10, 1), TestSeries.read(dir, "b.csv", 40, 500, 2));
        assertTrue(Plan.of(TestSeries.tinyConfig(), two).combineEts());
        assertTrue(Plan.of(TestSeries.tinyConfig(), two.subList(0, 1)).combineEts());
        assertFalse(Plan.of(TestSeries.tinyConfig("window.seasonal_lags=true", "data.season=12"), two.subList(0, 1)).combineEts(), "ahead: none");
        assertTrue(Plan.of(TestSeries.tinyConfig("window.seasonal_lags=true", "data.season=12", "forecast.combine=ets"), two.subList(0, 1)).combineEts());
        assertFalse(Plan.of(TestSeries.tinyConfig("forecast.combine=none"), two).combineEts());
        TrainJob.Outcome one = TrainJob.run(TestSeries.tinyConfig(), two.get(0), 1, ProgressSink.QUIET);
        assertEquals(Provenance.ETS, one.bundle().provenance().combine());
        assertEquals(Provenance.ETS, one.report().combine());
        assertEquals(Provenance.NONE, TrainJob.run(TestSeries.tinyConfig("forecast.combine=none"), two.get(0), 1, ProgressSink.QUIET).report().combine());
    }

    @Test
    void aBadValueNamesTheKey() {
        SeqcastException e = assertThrows(SeqcastException.class, () -> TestSeries.tinyConfig("forecast.combine=mean"));
        assertTrue(e.getMessage().contains("forecast.combine"), e.getMessage());
        assertTrue(e.getMessage().contains("ets"), e.getMessage());
    }
}
