package org.seqcast.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.store.ModelFile;
import org.seqcast.train.ProgressSink;
import org.seqcast.train.SavedModels;

/** A --global run makes one model file that forecasts any series; a series seen in training gets its run's forecast exactly. */
class GlobalModelTest {
    @TempDir
    Path dir;

    @Test
    void theGlobalFileForecastsEverySeriesAsTheRunDid() {
        // long (sliced to its last ten seasons), ordinary, padded, and too short for a validation window
        List<TimeSeries> all = List.of(TestSeries.read(dir, "long.csv", 200, 10, 1), TestSeries.read(dir, "a.csv", 60, 10, 2), TestSeries.read(dir, "b.csv", 8, 500, 3),
                TestSeries.read(dir, "c.csv", 4, 50, 4), TestSeries.read(dir, "d.csv", 72, 80, 5));
        List<String> ids = List.of("long", "a", "b", "c", "d");
        GlobalPipeline.Run run = GlobalPipeline.train(TestSeries.tinyConfig("window.timesteps=auto"), ids, all, new SeriesPipeline.Options(false, false), 2,
                ProgressSink.QUIET);
        ModelBundle global = run.model();
        assertNotNull(global);
        assertEquals(ModelBundle.Kind.GLOBAL, global.kind());
        assertNull(global.preprocessor());
        Path f = dir.resolve("global.seqcast");
        ModelFile.write(f, global);
        ModelBundle read = ModelFile.read(f);
        assertEquals(ModelBundle.Kind.GLOBAL, read.kind());
        assertEquals(global.recipe(), read.recipe());
        assertEquals(ids, read.provenance().training().ids());
        assertEquals(5, read.provenance().series());
        assertEquals(200 - 80 + 60 + 8 + 4 + 72, read.provenance().training().rows(), "the rows trained on (the long series' last 120)");
        for (int i = 0; i < all.size(); i++) {
            SeriesResult r = run.results().get(i);
            assertTrue(r.ok(), r.id() + ": " + r.error());
            assertArrayEquals(r.forecast().values(), SavedModels.forecaster(read).forecast(all.get(i)).values(), r.id());
            assertEquals(r.forecast().times(), SavedModels.forecaster(read).forecast(all.get(i)).times());
        }
        // a new series: its preprocessor is fitted from its own history
        TimeSeries other = TestSeries.read(dir, "new.csv", 50, 3000, 9);
        assertEquals(3, SavedModels.forecaster(read).forecast(other).horizon());
        double last = other.column("value")[other.length() - 1];
        double first = SavedModels.forecaster(read).forecast(other).values()[0][0];
        assertTrue(first > last / 3 && first < last * 3, "the forecast follows the new series' level: " + first + " after " + last);
    }

    @Test
    void aGlobalModelsIntervalsArePooledOverItsSeriesInLogUnits() {
        List<TimeSeries> all = List.of(TestSeries.read(dir, "a.csv", 60, 10, 2), TestSeries.read(dir, "d.csv", 72, 8000, 5));
        GlobalPipeline.Run run = GlobalPipeline.train(TestSeries.tinyConfig("forecast.intervals=[80]"), List.of("a", "d"), all,
                new SeriesPipeline.Options(false, false), 1, ProgressSink.QUIET);
        ModelBundle read = ModelFile.read(writeTo(run.model()));
        assertEquals(1, read.intervals().size());
        assertTrue(read.intervals().get(0).logScale(), "log units: one band fits series of any level");
        for (int i = 0; i < all.size(); i++) {
            var f = SavedModels.forecaster(read).forecast(all.get(i));
            assertEquals(List.of(80), f.levels());
            assertArrayEquals(run.results().get(i).forecast().values(), f.values(), "the point forecasts are the run's");
            assertTrue(f.lower()[0][0][0] < f.values()[0][0] && f.values()[0][0] < f.upper()[0][0][0]);
        }
    }

    private Path writeTo(ModelBundle m) {
        Path f = dir.resolve("m" + System.nanoTime() + ".seqcast");
        ModelFile.write(f, m);
        return f;
    }

    @Test
    void aClassicalModelFileHasNoNetworkAndRefitsTheta() {
        TimeSeries s = TestSeries.read(dir, "short.csv", 10, 100, 7);
        SeriesResult r = SeriesPipeline.run(TestSeries.tinyConfig(), "short", s, new SeriesPipeline.Options(false, true));
        assertEquals("theta", r.method());
        ModelBundle theta = r.bundle();
        assertNotNull(theta, "the fallback is a model too");
        assertEquals(ModelBundle.Kind.CLASSICAL, theta.kind());
        Path f = dir.resolve("short.seqcast");
        ModelFile.write(f, theta);
        ModelBundle read = ModelFile.read(f);
        assertEquals(ModelBundle.Kind.CLASSICAL, read.kind());
        assertTrue(read.provenance().reason().contains("too short"), read.provenance().reason());
        assertArrayEquals(r.forecast().values(), SavedModels.forecaster(read).forecast(s).values());
        assertThrows(IllegalArgumentException.class, () -> new org.seqcast.forecast.Forecaster(read));
    }
}
