package org.seqcast.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.config.MissingPolicy;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Schema;

class SeriesColumnsTest {
    private static final TimeSeries SERIES = CsvSeriesReader.read(new ByteArrayInputStream(
            "month,v,x\n2000-03,1,5\n2000-04,2,6\n2000-05,3,7\n2000-06,4,8\n".getBytes(StandardCharsets.UTF_8)),
            "test.csv", "month", List.of("v", "x"), MissingPolicy.ERROR);

    @Test
    void seasonColumnsAreSinAndCosOfThePhaseAfterTheValueColumns() {
        Schema s = new Schema("month", "MONTH", 1, List.of("v"), List.of("x"), 2, 1, 12, true);
        assertEquals(4, s.inputs());
        double[][] cols = SeriesColumns.of(SERIES, s);
        assertEquals(4, cols.length);
        assertArrayEquals(new double[] {1, 2, 3, 4}, cols[0]);
        assertArrayEquals(new double[] {5, 6, 7, 8}, cols[1]);
        // March .. June: phases 2 .. 5 of 12
        for (int i = 0; i < 4; i++) {
            double a = 2 * Math.PI * (i + 2) / 12;
            assertEquals(Math.sin(a), cols[2][i], 1e-12);
            assertEquals(Math.cos(a), cols[3][i], 1e-12);
        }
        assertEquals(1.0, cols[2][1], 1e-12, "April: a quarter of the way round");
    }

    @Test
    void withoutSeasonInputsOnlyTheValueColumns() {
        Schema s = new Schema("month", "MONTH", 1, List.of("v"), List.of("x"), 2, 1, 12);
        assertEquals(2, s.inputs());
        assertEquals(2, SeriesColumns.of(SERIES, s).length);
    }

    @Test
    void aSeasonOfOneGivesConstantColumns() {
        double[][] cols = SeriesColumns.withSeason(new double[][] {{1, 2, 3, 4}}, SERIES.index(), 1);
        assertArrayEquals(new double[] {0, 0, 0, 0}, cols[1]);
        assertArrayEquals(new double[] {1, 1, 1, 1}, cols[2]);
    }
}
