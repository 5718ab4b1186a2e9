package org.seqcast.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.SeqcastException;
import org.seqcast.forecast.Forecast;

class BatchOutputsTest {
    @TempDir
    Path dir;

    static SeriesResult ok(String id, double v) {
        Forecast f = new Forecast("t", List.of("5", "6"), List.of("y"), new double[][] {{v}, {v + 1}}, List.of(), new double[0][][],
                new double[0][][]);
        return new SeriesResult(id, SeriesResult.Status.OK, 4, 3, 0.5, 0.9, null, 1.25, null, f, null);
    }

    @Test
    void keysAreTheIdWhenSafeAndDistinctOtherwise() {
        assertEquals("store-7.a_b", BatchOutputs.key("store-7.a_b"));
        String a = BatchOutputs.key("a/b");
        String b = BatchOutputs.key("a:b");
        assertNotEquals(a, b);
        assertTrue(a.matches("[A-Za-z0-9._~-]+"), a);
        assertTrue(BatchOutputs.key("..").startsWith("_"), BatchOutputs.key(".."));
    }

    @Test
    void assembledFilesFollowInputOrderWhateverTheWriteOrder() throws IOException {
        BatchOutputs o = new BatchOutputs(dir, "id", List.of("t", "y"));
        o.start("fp", false);
        o.write(ok("c", 30), "h");
        o.write(SeriesResult.notOk("b", SeriesResult.Status.FAILED, 2, 0.1, "too short"), "h");
        o.write(ok("a", 10), "h");
        o.assemble(List.of("a", "b", "c", "d"), Map.of());
        assertEquals("id,t,y\na,5,10\na,6,11\nc,5,30\nc,6,31\n", Files.readString(dir.resolve("forecasts.csv")));
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals(String.join(",", BatchOutputs.SUMMARY_HEADER), summary.get(0));
        assertEquals("a,ok,4,3,0.5,0.9,,,,1.250,,model", summary.get(1));
        assertEquals("b,failed,2,,,,,,,0.100,too short,", summary.get(2));
        assertTrue(summary.get(4).startsWith("d,skipped,"), summary.get(4));
    }

    @Test
    void completedSeesOnlyOkPartsAndStartWithoutResumeClearsThem() {
        BatchOutputs o = new BatchOutputs(dir, "id", List.of("t", "y"));
        o.start("fp", false);
        o.write(ok("a", 1), "h");
        o.write(SeriesResult.notOk("b", SeriesResult.Status.FAILED, 2, 0.1, "bad"), "h");
        assertNotNull(o.completed("a", "h", false));
        assertNull(o.completed("a", "h", true), "a model was required but none was saved");
        assertNull(o.completed("b", "h", false));
        o.start("fp", true);
        assertNotNull(o.completed("a", "h", false));
        o.start("fp", false);
        assertNull(o.completed("a", "h", false));
    }

    @Test
    void resumeWithAnotherFingerprintIsRefused() {
        BatchOutputs o = new BatchOutputs(dir, "id", List.of("t", "y"));
        o.start("config one", false);
        SeqcastException e = assertThrows(SeqcastException.class, () -> o.start("config two", true));
        assertEquals(SeqcastException.Kind.CONFIG, e.kind());
    }
}
