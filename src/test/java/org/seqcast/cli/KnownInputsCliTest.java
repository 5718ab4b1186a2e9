package org.seqcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train and predict with inputs known in advance: future rows in the data file or a --future file; the same forecast either way. */
class KnownInputsCliTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path history;
    static Path future;
    static Path model;
    static String trainForecast;

    @BeforeAll
    static void trainWithFutureRows() throws Exception {
        String all = org.seqcast.train.SeveralSeasonsTestData.csv(1100, 48);
        data = dir.resolve("load.csv");
        Files.writeString(data, all);
        List<String> lines = all.lines().toList();
        history = dir.resolve("history.csv");
        Files.writeString(history, String.join("\n", lines.subList(0, 1101)) + "\n");
        future = dir.resolve("future.csv");
        StringBuilder f = new StringBuilder("time,temperature,holiday\n");
        for (String l : lines.subList(1101, lines.size())) {
            String[] c = l.split(",", -1);
            f.append(c[0]).append(',').append(c[2]).append(',').append(c[3]).append('\n');
        }
        Files.writeString(future, f.toString());
        model = dir.resolve("load.seqcast");
        Path fc = dir.resolve("train-forecast.csv");
        CliTest.Run r = CliTest.run("train", "--set", "data.path=" + data, "--set", "data.time_column=time", "--set", "data.target=demand",
                "--set", "data.known=[temperature, holiday]", "--set", "training.epochs=2", "--set", "model.layers=[{units: 8}]",
                "--set", "training.ensemble=1", "-o", model.toString(), "--forecast", fc.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("known in advance: temperature, holiday"), r.err());
        trainForecast = Files.readString(fc);
    }

    @Test
    void predictOnTheSameFileForecastsWhatTrainForecast() {
        CliTest.Run p = CliTest.run("predict", "-m", model.toString(), "-i", data.toString());
        assertEquals(0, p.code(), p.err());
        assertEquals(trainForecast, p.out());
        assertEquals(49, p.out().lines().count());
    }

    @Test
    void aFutureFileGivesTheSameForecast() {
        CliTest.Run p = CliTest.run("predict", "-m", model.toString(), "-i", history.toString(), "--future", future.toString());
        assertEquals(0, p.code(), p.err());
        assertEquals(trainForecast, p.out());
    }

    @Test
    void withoutFutureRowsPredictSaysWhichColumnsAndRowsItNeeds() {
        CliTest.Run p = CliTest.run("predict", "-m", model.toString(), "-i", history.toString());
        assertEquals(ExitCode.DATA.code(), p.code(), p.err());
        String first = p.err().lines().findFirst().orElse("");
        assertTrue(first.contains("temperature, holiday") && first.contains("48 steps") && first.contains("--future FILE"), p.err());
    }
}
