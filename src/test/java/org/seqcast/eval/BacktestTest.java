package org.seqcast.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {
    @Test
    void cutsLeaveTheHorizonAfterTheLastOrigin() {
        // 20 rows, horizon 3, 3 folds 2 rows apart: origins after rows 13, 15, 17 (17 + 3 = 20)
        assertArrayEquals(new int[] {13, 15, 17}, Backtest.cuts(20, 3, 3, 2));
        assertArrayEquals(new int[] {17}, Backtest.cuts(20, 3, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> Backtest.cuts(5, 3, 3, 2));
    }

    @Test
    void scoresModelAndBaselinesOnTheSameFolds() {
        // history 1..8 with season 4, actuals 9, 10; the model forecasts 9, 12
        double[] hist = {1, 2, 3, 4, 5, 6, 7, 8};
        Backtest.Fold f = new Backtest.Fold(8, new double[][] {hist}, new double[][] {{9, 10}}, new double[][] {{9, 12}});
        Backtest.Result r = Backtest.score(List.of(f), 4);
        assertEquals(List.of("model", "naive", "seasonal_naive", "drift"), r.methods());
        // model: errors 0, 2 -> MAE 1; scale = mean |y[t] - y[t-4]| = 4 -> MASE 0.25
        assertEquals(1.0, r.overall().get("model").mae(), 1e-12);
        assertEquals(0.25, r.overall().get("model").mase(), 1e-12);
        // naive repeats 8: errors 1, 2 -> MAE 1.5
        assertEquals(1.5, r.overall().get("naive").mae(), 1e-12);
        // seasonal naive repeats 5, 6: errors 4, 4 -> MASE 1
        assertEquals(1.0, r.overall().get("seasonal_naive").mase(), 1e-12);
        // drift slope 1: 9, 10 -> perfect
        assertEquals(0.0, r.overall().get("drift").mae(), 1e-12);
        // per step: step 2 model error 2
        assertEquals(2.0, r.perStep().get(1).get("model").mae(), 1e-12);
        assertEquals(1, r.perFold().size());
    }

    @Test
    void maseScalesEachFoldByItsOwnHistory() {
        Backtest.Fold a = new Backtest.Fold(3, new double[][] {{0, 1, 2}}, new double[][] {{4}}, new double[][] {{3}});   // scale 1, error 1
        Backtest.Fold b = new Backtest.Fold(3, new double[][] {{0, 10, 20}}, new double[][] {{40}}, new double[][] {{30}}); // scale 10, error 10
        Backtest.Result r = Backtest.score(List.of(a, b), 1);
        assertEquals(1.0, r.overall().get("model").mase(), 1e-12);
        assertEquals(5.5, r.overall().get("model").mae(), 1e-12);
    }
}
