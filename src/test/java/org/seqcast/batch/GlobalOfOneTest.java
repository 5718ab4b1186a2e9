package org.seqcast.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.MissingPolicy;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecaster;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.train.ProgressSink;
import org.seqcast.train.TrainJob;

/**
 * The invariant of the one pipeline: {@code --global} over one series is {@code train} on that series with the
 * same config and seed, including the refit, shrink, window_norm auto, recursive forecasts and log-unit intervals.
 */
class GlobalOfOneTest {
    @TempDir
    Path dir;

    private TimeSeries series() {
        return CsvSeriesReader.read(TestSeries.write(dir, "s.csv", 72, 100, 5).toString(), "month", List.of("value"), MissingPolicy.ERROR);
    }

    private static SeqcastConfig config(String... more) {
        List<String> sets = new java.util.ArrayList<>(List.of("data.time_column=month", "data.target=value", "training.epochs=3",
                "model.layers=[{units: 4}]", "window.horizon=3", "training.patience=0", "forecast.intervals=[80, 95]"));
        sets.addAll(List.of(more));
        return ConfigLoader.load(null, sets);
    }

    private void assertSame(SeqcastConfig cfg) {
        TimeSeries s = series();
        TrainJob.Outcome train = TrainJob.run(cfg, s, 1, ProgressSink.QUIET);
        List<SeriesResult> global = GlobalPipeline.run(cfg, List.of("s"), List.of(s), new SeriesPipeline.Options(false, true), 2);
        SeriesResult g = global.get(0);
        assertTrue(g.ok(), g.error());
        ModelBundle a = train.bundle();
        ModelBundle b = g.bundle();
        assertEquals(a.members(), b.members(), "the same networks");
        assertEquals(a.preprocessor(), b.preprocessor());
        assertEquals(a.schema(), b.schema());
        assertEquals(a.intervals().size(), b.intervals().size());
        for (int l = 0; l < a.intervals().size(); l++) {
            assertEquals(a.intervals().get(l).logScale(), b.intervals().get(l).logScale());
            assertArrayEquals(a.intervals().get(l).upper(), b.intervals().get(l).upper());
        }
        assertEquals(a.provenance().validation(), b.provenance().validation());
        var f = new Forecaster(a).forecast(s);
        assertArrayEquals(f.values(), g.forecast().values());
        assertArrayEquals(f.upper(), g.forecast().upper());
        assertEquals(train.report().first().model().mae(), g.validationMae(), 0.0);
    }

    @Test
    void globalOverOneSeriesIsTrainWithDefaults() {
        assertSame(config());
    }

    @Test
    void globalOverOneSeriesIsTrainWithWindowNormAutoAndShrinkAndNoRefit() {
        assertSame(config("transform.window_norm=auto", "forecast.shrink=true", "training.refit=false"));
    }

    @Test
    void globalOverOneSeriesIsTrainWithTheRecursiveStrategy() {
        assertSame(config("forecast.strategy=recursive"));
    }
}
