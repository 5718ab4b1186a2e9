package org.seqcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.batch.Shard;

/** {@code seqcast batch --shard K/N}: N runs split the series of one input between them, each exactly once. */
class ShardCommandTest {
    @TempDir
    Path dir;

    @Test
    void threeShardsRunEachSeriesOfALongFileExactlyOnce() throws IOException {
        StringBuilder sb = new StringBuilder("month,store,sales\n");
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < 7; s++) {
            ids.add("st" + s);
            for (int t = 0; t < 40; t++) {
                sb.append(String.format(Locale.ROOT, "%04d-%02d,st%d,%.2f%n", 2000 + t / 12, t % 12 + 1, s, 100 + s + 10 * Math.sin(t / 2.0)));
            }
        }
        Path csv = dir.resolve("stores.csv");
        Files.writeString(csv, sb.toString());
        List<String> all = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Path out = dir.resolve("out" + k);
            BatchCommandTest.Run r = BatchCommandTest.run(List.of("batch", "--input", csv.toString(), "--series-column", "store", "--out",
                    out.toString(), "--shard", k + "/3", "--workers", "1", "--set", "training.epochs=1", "--set", "model.layers=[{units: 2}]",
                    "--set", "window.timesteps=6", "--set", "window.horizon=2", "--set", "training.ensemble=1"));
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("shard " + k + "/3 takes"), r.err());
            List<String> lines = Files.readAllLines(out.resolve("summary.csv"));
            for (String line : lines.subList(1, lines.size())) {
                String id = line.substring(0, line.indexOf(','));
                assertEquals(k, Shard.of(id, 3), id);
                all.add(id);
            }
        }
        all.sort(null);
        assertEquals(ids, all);
    }

    @Test
    void aBadShardIsAUsageError() {
        BatchCommandTest.Run r = BatchCommandTest.run(List.of("batch", "--input", "data/eustocks-long.csv", "--series-column", "index",
                "--out", dir.resolve("o").toString(), "--shard", "4/4"));
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.err().contains("Invalid --shard 4/4"), r.err());
    }
}
