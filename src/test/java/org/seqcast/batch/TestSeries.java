package org.seqcast.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.SeqcastConfig;

/** Small seeded series files and a tiny config, so batch tests train in well under a second per series. */
final class TestSeries {
    static final List<String> TINY = List.of("data.time_column=month", "data.target=value", "training.epochs=2",
            "model.layers=[{units: 4}]", "window.timesteps=6", "window.horizon=3", "training.batch_size=64", "training.patience=0");

    private TestSeries() {
    }

    static SeqcastConfig tinyConfig() {
        return ConfigLoader.load(null, TINY);
    }

    /** {@link #TINY} with more {@code key=value} settings after it. */
    static SeqcastConfig tinyConfig(String... more) {
        List<String> sets = new java.util.ArrayList<>(TINY);
        sets.addAll(List.of(more));
        return ConfigLoader.load(null, sets);
    }

    /** {@link #write} read back as a series of the {@link #TINY} columns. */
    static org.seqcast.data.TimeSeries read(Path dir, String name, int rows, double level, int seed) {
        return org.seqcast.data.CsvSeriesReader.read(write(dir, name, rows, level, seed).toString(), "month", List.of("value"),
                org.seqcast.config.MissingPolicy.ERROR);
    }

    /** A monthly CSV of {@code rows} rows: level * (1 + seasonality) + trend, deterministic in {@code seed}. */
    static Path write(Path dir, String name, int rows, double level, int seed) {
        StringBuilder sb = new StringBuilder("month,value\n");
        java.util.Random r = new java.util.Random(seed);
        for (int t = 0; t < rows; t++) {
            double v = level * (1 + 0.2 * Math.sin(2 * Math.PI * t / 12.0)) + 0.5 * level * t / rows + 0.02 * level * r.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%04d-%02d,%.4f%n", 2000 + t / 12, t % 12 + 1, v));
        }
        Path f = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Files.writeString(f, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }
}
