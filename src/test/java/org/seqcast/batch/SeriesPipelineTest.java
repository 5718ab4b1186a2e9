package org.seqcast.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.config.MissingPolicy;
import org.seqcast.data.TimeSeries;

class SeriesPipelineTest {
    @TempDir
    Path dir;

    private TimeSeries series(int rows) {
        return CsvSeriesReader.read(TestSeries.write(dir, "s" + rows + ".csv", rows, 100, 7).toString(), "month", List.of("value"),
                MissingPolicy.ERROR);
    }

    @Test
    void trainsForecastsAndScoresTheHoldoutBesideBaselines() {
        SeqcastConfig cfg = TestSeries.tinyConfig();
        SeriesResult r = SeriesPipeline.run(cfg, "s", series(60), new SeriesPipeline.Options(true, true));
        assertEquals(SeriesResult.Status.OK, r.status(), r.error());
        assertEquals(60, r.rows());
        assertEquals(2, r.epochs());
        assertEquals(3, r.forecast().horizon());
        assertEquals("2005-01", r.forecast().times().get(0));
        assertNotNull(r.bundle());
        SeriesResult.Holdout h = r.holdout();
        assertNotNull(h);
        assertTrue(h.mae() > 0 && h.naiveMae() > 0 && h.seasonalNaiveMae() > 0, h.toString());
        assertEquals(h.mase(), r.mase());
    }

    @Test
    void aTooShortSeriesIsForecastByThetaAndWithIntervalsAFailedResultWithItsReasonNotAnException() {
        SeriesResult theta = SeriesPipeline.run(TestSeries.tinyConfig(), "short", series(8), new SeriesPipeline.Options(false, false));
        assertEquals(SeriesResult.Status.OK, theta.status(), theta.error());
        assertEquals("theta", theta.method());
        SeqcastConfig intervals = org.seqcast.config.ConfigLoader.load(null, java.util.stream.Stream.concat(TestSeries.TINY.stream(),
                java.util.stream.Stream.of("forecast.intervals=[80]")).toList());
        SeriesResult r = SeriesPipeline.run(intervals, "short", series(8), new SeriesPipeline.Options(false, false));
        assertEquals(SeriesResult.Status.FAILED, r.status());
        assertTrue(r.error().contains("too short"), r.error());
        assertNull(r.forecast());
    }

    @Test
    void applyingTheTrainedModelReproducesTheForecast() {
        TimeSeries s = series(48);
        SeriesResult trained = SeriesPipeline.run(TestSeries.tinyConfig(), "s", s, new SeriesPipeline.Options(false, true));
        SeriesResult applied = SeriesPipeline.apply(trained.bundle(), "s", s);
        assertEquals(SeriesResult.Status.OK, applied.status(), applied.error());
        assertEquals(trained.forecast().values()[2][0], applied.forecast().values()[2][0], 0.0);
    }
}
