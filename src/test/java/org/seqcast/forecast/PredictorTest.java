package org.seqcast.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqcast.model.NetworkFactory;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.forecast.Schema;
import org.seqcast.transform.ColumnScaler;
import org.seqcast.transform.Preprocessor;

class PredictorTest {
    private static final ColumnScaler IDENTITY = new ColumnScaler(new double[] {0, 0, 0}, new double[] {1, 1, 1});

    @Test
    void rollingARelativeWindowAppendsTheForecastAndReLevels() {
        // Target row relative to its last value (level 10): values 7, 9, 10.
        float[][] x = {{-3f, -1f, 0f}};
        float[] level = {10f};
        Predictor.roll(x, level, new float[] {2f}, 1, true, 0, IDENTITY);
        // New window 9, 10, 12 relative to 12.
        assertArrayEquals(new float[] {-3f, -2f, 0f}, x[0], 1e-6f);
        assertEquals(12f, level[0], 1e-6f);
    }

    @Test
    void rollingAnAbsoluteWindowJustAppends() {
        float[][] x = {{1f, 2f, 3f}};
        float[] level = {0f};
        Predictor.roll(x, level, new float[] {5f}, 1, false, 0, IDENTITY);
        assertArrayEquals(new float[] {2f, 3f, 5f}, x[0], 1e-6f);
        assertEquals(0f, level[0]);
    }

    @Test
    void seasonRowsAdvanceOnePhaseStepInOriginalUnits() {
        int m = 12;
        // phases 3, 4, 5 of 12, scaled like training columns (mean 0.1, scale 0.7 for sin; mean -0.2, scale 0.6 for cos)
        ColumnScaler scaler = new ColumnScaler(new double[] {0, 0.1, -0.2}, new double[] {1, 0.7, 0.6});
        float[][] x = new float[3][3];
        for (int i = 0; i < 3; i++) {
            double a = 2 * Math.PI * (3 + i) / m;
            x[0][i] = i;
            x[1][i] = (float) ((Math.sin(a) - 0.1) / 0.7);
            x[2][i] = (float) ((Math.cos(a) + 0.2) / 0.6);
        }
        Predictor.roll(x, new float[] {0f}, new float[] {9f}, 1, false, m, scaler);
        double a6 = 2 * Math.PI * 6 / m;
        assertEquals((Math.sin(a6) - 0.1) / 0.7, x[1][2], 1e-5);
        assertEquals((Math.cos(a6) + 0.2) / 0.6, x[2][2], 1e-5);
        double a4 = 2 * Math.PI * 4 / m;
        assertEquals((Math.sin(a4) - 0.1) / 0.7, x[1][0], 1e-5);
        assertArrayEquals(new float[] {1f, 2f, 9f}, x[0], 1e-6f);
    }

    /** One input, 4 timesteps, LSTM(5), {@code outputs} outputs. */
    private static NetworkSpec spec(int outputs) {
        return NetworkSpec.of(1, 4, List.<int[]>of(new int[] {5, 0}), List.of(0.0), outputs);
    }

    private static final Schema RECURSIVE = new Schema("t", "DAY", 1, List.of("v"), List.of(), 4, 6, 1, false, true);

    @Test
    void aRecursiveForecastStartsWithTheOneStepForecastAndRunsTheHorizon() {
        NetworkSpec spec = spec(1);
        NetworkParams params = NetworkParams.of(NetworkFactory.build(spec, 1e-3, 7));
        Preprocessor pre = new Preprocessor(false, true, 1, new ColumnScaler(new double[] {3}, new double[] {2}));
        Predictor rec = new Predictor(spec, List.of(params), pre, RECURSIVE);
        Predictor one = new Predictor(spec, List.of(params), pre, 1);
        double[][] series = {{0.1, 0.4, -0.2, 0.3, 0.5}};
        Preprocessor.Input in = pre.input(series, 1, 4);
        double[][] y = rec.predict(in);
        assertEquals(6, y.length);
        assertEquals(one.predict(pre.input(series, 1, 4))[0][0], y[0][0], 1e-9);
        // Step 2 is the one-step forecast of the window with step 1's forecast appended.
        double step1Scaled = (y[0][0] - 3) / 2;
        double[][] extended = {{0.1, 0.4, -0.2, 0.3, 0.5, step1Scaled}};
        assertEquals(one.predict(pre.input(extended, 2, 4))[0][0], y[1][0], 1e-5);
    }

    @Test
    void aRecursiveModelNeedsOneStepOutputs() {
        NetworkSpec spec = spec(6);
        NetworkParams params = NetworkParams.of(NetworkFactory.build(spec, 1e-3, 7));
        Preprocessor pre = new Preprocessor(false, false, 1, new ColumnScaler(new double[] {0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Predictor(spec, List.of(params), pre, RECURSIVE));
    }
}
