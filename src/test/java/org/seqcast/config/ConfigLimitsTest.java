package org.seqcast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.SeqcastException;

/** Config input that must be refused cleanly: out-of-range numbers, oversized files, and input built to be slow. */
class ConfigLimitsTest {
    @TempDir
    Path dir;

    private static SeqcastException refused(String... sets) {
        return assertThrows(SeqcastException.class, () -> ConfigLoader.fromYaml("", "x.yaml", List.of(sets)));
    }

    /** Values that used to crash, hang or run out of memory later are config errors naming the key. */
    @Test
    void hugeValuesAreConfigErrors() {
        String[][] cases = {
            {"window.horizon=2147483647", "window.horizon"},
            {"model.layers[0].units=2147483647", "model.layers[0].units"},
            {"training.learning_rate=1.5e308", "training.learning_rate"},
            {"training.learning_rate=-1.5e308", "training.learning_rate"},
            {"training.epochs=2147483647", "training.epochs"},
            {"training.ensemble=2147483647", "training.ensemble"},
            {"window.timesteps=2147483647", "window.timesteps"},
            {"window.stride=2147483647", "window.stride"},
            {"data.season=2147483647", "data.season"},
        };
        for (String[] c : cases) {
            SeqcastException e = refused(c[0]);
            assertEquals(SeqcastException.Kind.CONFIG, e.kind(), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void aConfigFileOverOneMebibyteIsRefusedWithoutReadingItAll() throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "data:\n  path: x.csv\n" + "# padding padding padding padding padding padding padding\n".repeat(20_000));
        SeqcastException e = assertThrows(SeqcastException.class, () -> ConfigLoader.load(big, List.of()));
        assertEquals(SeqcastException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains("1 MiB"), e.getMessage());
        // an endless file: /dev/zero is read up to the limit, then refused
        SeqcastException z = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(SeqcastException.class, () -> ConfigLoader.load(Path.of("/dev/zero"), List.of())));
        assertTrue(z.getMessage().contains("1 MiB"), z.getMessage());
        // the config stored in a model is parsed through fromYaml: the same limit
        SeqcastException s = assertThrows(SeqcastException.class,
                () -> ConfigLoader.fromYaml("#" + "x".repeat(1 << 20) + "\n", "model (stored config)", List.of()));
        assertTrue(s.getMessage().contains("1 MiB"), s.getMessage());
    }

    /** A mapping of many keys just under the size limit is parsed in linear time (the duplicate-key check was quadratic). */
    @Test
    void manyKeysParseInLinearTime() {
        StringBuilder b = new StringBuilder("data:\n");
        for (int k = 0; b.length() < 1_000_000; k++) {
            b.append("  k").append(k).append(": 1\n");
        }
        String yaml = b.toString();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = mx.getCurrentThreadCpuTime();
        SeqcastException e = assertThrows(SeqcastException.class, () -> ConfigLoader.fromYaml(yaml, "keys.yaml", List.of()));
        double seconds = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
        assertTrue(e.getMessage().contains("unknown key 'data.k0'"), e.getMessage());
        // CPU time of this thread, not wall time, so a loaded machine does not matter: linear parsing takes about a second
        // (cold), the quadratic duplicate check took over ten
        assertTrue(seconds < 6, "parsing " + yaml.length() + " bytes of keys took " + seconds + " s of CPU");
        // a duplicate far down is still found, with both lines
        String dup = yaml.replace("  k79999: 1\n", "  k3: 2\n");
        if (!dup.equals(yaml)) {
            SeqcastException d = assertThrows(SeqcastException.class, () -> Yaml.parse(dup, "keys.yaml", true, null));
            assertTrue(d.getMessage().contains("duplicate key 'data.k3'"), d.getMessage());
        }
    }
}
