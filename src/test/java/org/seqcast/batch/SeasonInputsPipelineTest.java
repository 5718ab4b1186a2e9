package org.seqcast.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.config.MissingPolicy;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecaster;

/** {@code transform.season_inputs} through the batch pipelines, per series and global. */
class SeasonInputsPipelineTest {
    @TempDir
    Path dir;

    private static SeqcastConfig config(String... more) {
        List<String> sets = new ArrayList<>(TestSeries.TINY);
        sets.add("transform.season_inputs=true");
        sets.addAll(List.of(more));
        return ConfigLoader.load(null, sets);
    }

    private TimeSeries series(String name, int rows, double level, int seed) {
        return CsvSeriesReader.read(TestSeries.write(dir, name, rows, level, seed).toString(), "month", List.of("value"), MissingPolicy.ERROR);
    }

    @Test
    void perSeriesModelsUseSeasonInputsAndForecastTheSameFromASuffix() {
        TimeSeries s = series("a.csv", 60, 10, 1);
        // the network alone, which reads the last rows only (ETS under forecast.combine fits on all the rows it is given)
        SeriesResult r = SeriesPipeline.run(config("forecast.combine=none"), "a", s, new SeriesPipeline.Options(true, true));
        assertTrue(r.ok(), r.error());
        assertEquals(3, r.bundle().network().inputs());
        assertTrue(r.bundle().schema().seasonInputs());
        // the last 10 rows start in a different month than the file: the phase comes from the times
        TimeSeries suffix = s.slice(50, 60);
        assertArrayEquals(r.forecast().values(), new Forecaster(r.bundle()).forecast(suffix).values());
    }

    @Test
    void globalModelSharesSeasonInputsAcrossSeries() {
        List<TimeSeries> all = List.of(series("a.csv", 60, 10, 1), series("b.csv", 72, 500, 2));
        List<SeriesResult> rs = GlobalPipeline.run(config(), List.of("a", "b"), all, new SeriesPipeline.Options(false, true), 1);
        for (int i = 0; i < rs.size(); i++) {
            SeriesResult r = rs.get(i);
            assertTrue(r.ok(), r.error());
            assertEquals(3, r.bundle().network().inputs());
            assertTrue(r.bundle().schema().seasonInputs());
            assertArrayEquals(r.forecast().values(), new Forecaster(r.bundle()).forecast(all.get(i)).values());
        }
    }

    @Test
    void globalWithoutASeasonHasNoSeasonInputs() {
        List<TimeSeries> all = List.of(series("a.csv", 60, 10, 1), series("b.csv", 72, 500, 2));
        List<SeriesResult> rs = GlobalPipeline.run(config("data.season=1"), List.of("a", "b"), all, new SeriesPipeline.Options(false, true), 1);
        for (SeriesResult r : rs) {
            assertTrue(r.ok(), r.error());
            assertEquals(1, r.bundle().network().inputs());
        }
    }
}
