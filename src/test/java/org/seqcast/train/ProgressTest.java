package org.seqcast.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The terminal bar: fits 80 columns, keeps its layout as losses change, leaves nothing behind, and draws the refit too. */
class ProgressTest {
    @Test
    void theBarFitsEightyColumnsKeepsItsLayoutAndIsErasedWhenDone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressSink bar = Progress.create(false, true, err, "a-rather-long-series-name");
        bar.start(200);
        double[] losses = {1234.5, 0.5, 1e-7, 0.012345};
        for (int e = 1; e <= 4; e++) {
            bar.epoch(e, 200, losses[e - 1], losses[e - 1], 1e-7, e);
        }
        ProgressSink refit = bar.phase("refit");
        bar.close();
        refit.start(37);
        refit.epoch(1, 37, 0.1, Double.NaN, 0.1, 1);
        refit.close();
        bar.close(); // a second close adds nothing
        String out = bytes.toString(StandardCharsets.UTF_8);
        java.util.Set<Integer> widths = new java.util.TreeSet<>();
        boolean refitShown = false;
        for (String frame : out.split("[\r\n]")) {
            assertTrue(frame.length() <= 79, frame.length() + ": " + frame);
            if (frame.contains("val ") && frame.startsWith("a-rather")) {
                widths.add(frame.indexOf("val "));
            }
            if (frame.contains("val ")) {
                refitShown |= frame.startsWith("refit");
            }
        }
        assertTrue(refitShown, out);
        assertEquals(1, widths.size(), "the loss columns stay put: " + widths);
        String[] frames = out.split("\r", -1);
        assertTrue(frames[frames.length - 1].isBlank(), "erased at the end: '" + frames[frames.length - 1] + "'");
    }
}
