package org.seqcast.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.analysis.solvers.LaguerreSolver;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

/**
 * {@link Ets} against R forecast 8.20's {@code ets()} on the fixtures of {@code bench/ets-fixtures.R}: 22 series
 * (bundled data, M1 yearly, quarterly and monthly; seasonal and not; with zeros and negatives).
 */
class EtsTest {
    record Expected(String model, double aicc, double[] forecast) {
    }

    private static Map<String, double[]> series = new LinkedHashMap<>();
    private static Map<String, Integer> periods = new LinkedHashMap<>();
    private static Map<String, Expected> expected = new LinkedHashMap<>();

    static {
        try {
            Map<String, List<Double>> values = new LinkedHashMap<>();
            for (CSVRecord r : csv("/ets/series.csv")) {
                values.computeIfAbsent(r.get("series"), k -> new ArrayList<>()).add(Double.parseDouble(r.get("value")));
                periods.put(r.get("series"), Integer.parseInt(r.get("m")));
            }
            values.forEach((k, v) -> series.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
            Map<String, List<Double>> f = new LinkedHashMap<>();
            Map<String, CSVRecord> first = new LinkedHashMap<>();
            for (CSVRecord r : csv("/ets/r-ets.csv")) {
                f.computeIfAbsent(r.get("series"), k -> new ArrayList<>()).add(Double.parseDouble(r.get("forecast")));
                first.putIfAbsent(r.get("series"), r);
            }
            first.forEach((k, r) -> expected.put(k, new Expected(r.get("model"), Double.parseDouble(r.get("aicc")),
                    f.get(k).stream().mapToDouble(Double::doubleValue).toArray())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<CSVRecord> csv(String resource) throws IOException {
        try (Reader in = new InputStreamReader(EtsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    @Test
    void choosesRsModelClassOnMostSeriesAndForecastsAlikeWhereItDoes() {
        assertTrue(series.size() >= 20, "fixtures: " + series.keySet());
        int same = 0;
        int optimum = 0;
        StringBuilder report = new StringBuilder();
        for (String id : series.keySet()) {
            Expected r = expected.get(id);
            Ets.Model fit = Ets.fit(series.get(id), periods.get(id));
            double[] f = fit.forecast(r.forecast().length);
            double worst = 0;
            for (int i = 0; i < f.length; i++) {
                worst = Math.max(worst, Math.abs(f[i] - r.forecast()[i]) / Math.max(1, Math.abs(r.forecast()[i])));
            }
            report.append(String.format(java.util.Locale.ROOT, "%s: R %s %.2f, seqcast %s %.2f, forecasts differ by %.4f%n",
                    id, r.model(), r.aicc(), fit.label(), fit.aicc(), worst));
            if (fit.label().equals(r.model())) {
                same++;
                if (Math.abs(fit.aicc() - r.aicc()) < 0.5) {
                    // the same optimum (commons-math3's simplex moves differ from R's nmmin): the same forecasts
                    assertTrue(worst < 0.05, id + ": " + report);
                    optimum++;
                }
            }
        }
        assertTrue(same >= 0.7 * series.size(), same + " of " + series.size() + " alike:\n" + report);
        assertTrue(optimum >= 0.5 * series.size(), optimum + " of " + series.size() + " at R's optimum:\n" + report);
    }

    @Test
    void forecastsAgreeWithRsOnAverage() {
        double sum = 0;
        int count = 0;
        for (String id : series.keySet()) {
            double[] r = expected.get(id).forecast();
            double[] f = Ets.fit(series.get(id), periods.get(id)).forecast(r.length);
            for (int i = 0; i < r.length; i++) {
                double den = Math.abs(f[i]) + Math.abs(r[i]);
                sum += den == 0 ? 0 : 200 * Math.abs(f[i] - r[i]) / den;
                count++;
            }
        }
        // 3.7 on these fixtures, most of it QRF1 (20 quarters) where R's nmmin finds a better M,Ad,M optimum than commons-math3
        assertTrue(sum / count < 5.0, "mean sMAPE between seqcast's and R's ets forecasts: " + sum / count);
    }

    @Test
    void nonPositiveDataGetsOnlyAdditiveModels() {
        Ets.Model zeros = Ets.fit(series.get("sunspots-zeros"), 12);
        assertEquals(Ets.Form.A, zeros.error());
        assertNotEquals(Ets.Form.M, zeros.season());
        Ets.Model negative = Ets.fit(series.get("airpassengers-minus-300"), 12);
        assertEquals(Ets.Form.A, negative.error());
        assertNotEquals(Ets.Form.M, negative.season());
    }

    @Test
    void noSeasonForAPeriodOfOneOrOverTwentyFourOrNotMoreThanOneSeason() {
        double[] y = series.get("airpassengers");
        assertEquals(Ets.Form.N, Ets.fit(y, 1).season());
        assertEquals(Ets.Form.N, Ets.fit(y, 48).season());
        assertEquals(Ets.Form.N, Ets.fit(java.util.Arrays.copyOf(y, 12), 12).season());
        assertNotEquals(Ets.Form.N, Ets.fit(y, 12).season());
    }

    @Test
    void aConstantSeriesAndAVeryShortOneForecastALevel() {
        assertArrayEquals(new double[]{7, 7, 7}, Ets.fit(new double[]{7, 7, 7, 7, 7, 7, 7, 7}, 1).forecast(3), 0);
        assertArrayEquals(new double[]{3, 3}, Ets.fit(new double[]{1, 2, 3}, 1).forecast(2), 0);
        // five rows leave too few for a trend's four parameters: the level
        double[] five = Ets.fit(new double[]{10, 12, 14, 16, 18}, 1).forecast(2);
        assertEquals(18, five[0], 0.01);
        assertEquals(five[0], five[1], 1e-9);
    }

    @Test
    void overALongerHistoryIsTheFittedModelRunOnIt() {
        double[] y = series.get("airpassengers");
        double[] head = java.util.Arrays.copyOf(y, 120);
        Ets.Model fit = Ets.fit(head, 12);
        assertArrayEquals(fit.last(), fit.over(head).last(), 1e-9);
        Ets.Model later = fit.over(y);
        assertEquals(fit.label(), later.label());
        assertEquals(fit.alpha(), later.alpha());
        assertFalse(java.util.Arrays.equals(fit.forecast(12), later.forecast(12)));
        // its forecast from the end is close to the last year's pattern, a year on
        double[] f = later.forecast(12);
        for (int i = 0; i < 12; i++) {
            assertEquals(y[132 + i], f[i], 0.25 * y[132 + i], "step " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> fit.over(java.util.Arrays.copyOf(y, 100)));
    }

    @Test
    void oddSeriesGetFiniteForecasts() {
        Random random = new Random(1);
        for (int kind = 0; kind < 5; kind++) {
            for (int n : new int[]{5, 13, 30, 100}) {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = switch (kind) {
                        case 0 -> random.nextDouble() < 0.7 ? 0 : random.nextInt(5); // intermittent demand
                        case 1 -> 1e9 * (1 + 0.1 * random.nextGaussian());
                        case 2 -> 1e-6 * (1 + random.nextDouble());
                        case 3 -> i < n / 2 ? 100 : 1; // a level shift
                        default -> random.nextGaussian();
                    };
                }
                for (int m : new int[]{1, 4, 12}) {
                    Ets.Model fit = Ets.fit(y, m);
                    for (double v : fit.forecast(18)) {
                        assertTrue(Double.isFinite(v), "kind " + kind + ", " + n + " rows, m " + m + ": " + fit.label());
                    }
                }
            }
        }
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ets.fit(new double[0], 1));
        assertThrows(IllegalArgumentException.class, () -> Ets.fit(new double[]{1, Double.NaN, 3, 4, 5}, 1));
        assertThrows(IllegalArgumentException.class, () -> Ets.fit(new double[]{1, 2, 3, 4, 5}, 0));
    }

    @Test
    void theSchurCohnTestAgreesWithRootFinding() {
        Random random = new Random(3);
        LaguerreSolver solver = new LaguerreSolver();
        int inside = 0;
        for (int trial = 0; trial < 500; trial++) {
            int d = 2 + random.nextInt(12);
            double[] c = new double[d + 1];
            c[0] = 1;
            double spread = random.nextDouble() * 1.5;
            for (int i = 1; i <= d; i++) {
                c[i] = (random.nextDouble() * 2 - 1) * spread;
            }
            double[] ascending = new double[d + 1];
            for (int i = 0; i <= d; i++) {
                ascending[i] = c[d - i];
            }
            double max = 0;
            for (Complex z : solver.solveAllComplex(ascending, 0)) {
                max = Math.max(max, z.abs());
            }
            if (Math.abs(max - 1) < 1e-6) {
                continue;
            }
            assertEquals(max < 1, Ets.rootsWithin(c, 1), "coefficients " + java.util.Arrays.toString(c) + ", largest root " + max);
            inside += max < 1 ? 1 : 0;
        }
        assertTrue(inside > 50 && inside < 450, "both outcomes tested: " + inside);
    }
}
