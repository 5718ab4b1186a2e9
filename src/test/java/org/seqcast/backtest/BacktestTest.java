package org.seqcast.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqcast.data.Csv;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastMethod;
import org.seqcast.forecast.Method;

class BacktestTest {
    @Test
    void cutsLeaveTheHorizonAfterTheLastOrigin() {
        // 20 rows, horizon 3, 3 folds 2 rows apart: origins after rows 13, 15, 17 (17 + 3 = 20)
        assertArrayEquals(new int[] {13, 15, 17}, Backtest.cuts(20, 3, 3, 2));
        assertArrayEquals(new int[] {17}, Backtest.cuts(20, 3, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> Backtest.cuts(5, 3, 3, 2));
    }

    private static final List<String> T = List.of("y");

    private static TimeSeries series(double... v) {
        return Csv.series("y", v);
    }

    private static ForecastMethod fixed(double... f) {
        return new ForecastMethod() {
            @Override
            public Method method() {
                return Method.MODEL;
            }

            @Override
            public Forecast forecast(TimeSeries history) {
                double[][] values = new double[f.length][1];
                for (int s = 0; s < f.length; s++) {
                    values[s][0] = f[s];
                }
                return new Forecast(history.timeColumn(), history.futureTimes(f.length), T, values, List.of(), new double[0][][],
                        new double[0][][]);
            }
        };
    }

    @Test
    void scoresModelAndBaselinesOnTheSameFolds() {
        // history 1..8 with season 4, actuals 9, 10; the model forecasts 9, 12
        TimeSeries s = series(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        List<Backtest.Fold> folds = HistoricalForecasts.run(s, new HistoricalForecasts.Origins(new int[] {8}, 2, T, 4), fixed(9, 12));
        Backtest.Result r = Backtest.score(folds);
        assertEquals(List.of(Method.MODEL, Method.NAIVE, Method.SEASONAL_NAIVE, Method.DRIFT), r.methods());
        // model: errors 0, 2 -> MAE 1; scale = mean |y[t] - y[t-4]| = 4 -> MASE 0.25
        assertEquals(1.0, r.overall().get(Method.MODEL).mae(), 1e-12);
        assertEquals(0.25, r.overall().get(Method.MODEL).mase(), 1e-12);
        // naive repeats 8: errors 1, 2 -> MAE 1.5
        assertEquals(1.5, r.overall().get(Method.NAIVE).mae(), 1e-12);
        // seasonal naive repeats 5, 6: errors 4, 4 -> MASE 1
        assertEquals(1.0, r.overall().get(Method.SEASONAL_NAIVE).mase(), 1e-12);
        // drift slope 1: 9, 10 -> perfect
        assertEquals(0.0, r.overall().get(Method.DRIFT).mae(), 1e-12);
        // per step: step 2 model error 2
        assertEquals(2.0, r.perStep().get(1).get(Method.MODEL).mae(), 1e-12);
        assertEquals(1, r.perFold().size());
        assertEquals(r.overall(), r.perTarget().get(0));
    }

    @Test
    void maseScalesEachFoldByItsOwnHistory() {
        // cut 3 of 0, 1, 2 | 4: scale 1, the model says 3 (error 1); cut 4 of 0, 1, 2, 4 | 40: scale 4/3, the model says 3 (error 37)
        TimeSeries s = series(0, 1, 2, 4, 40);
        List<Backtest.Fold> folds = HistoricalForecasts.run(s, new HistoricalForecasts.Origins(new int[] {3, 4}, 1, T, 1), fixed(3));
        Backtest.Result r = Backtest.score(folds);
        assertEquals((1.0 / 1 + 37.0 / (4.0 / 3)) / 2, r.overall().get(Method.MODEL).mase(), 1e-12);
        assertEquals(19.0, r.overall().get(Method.MODEL).mae(), 1e-12);
    }

    @Test
    void refitEveryOriginTrainsOnTheRowsBeforeEachOriginAndOnceOnlyOnTheFirst() {
        TimeSeries s = series(1, 2, 3, 4, 5, 6, 7, 8);
        java.util.List<Integer> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        HistoricalForecasts.Origins o = new HistoricalForecasts.Origins(new int[] {4, 5, 6}, 2, T, 1);
        List<Backtest.Fold> every = HistoricalForecasts.run(s, o, h -> {
            seen.add(h.length());
            return fixed(h.column("y")[h.length() - 1], 0);
        }, HistoricalForecasts.Refit.EVERY_ORIGIN, 2);
        assertEquals(java.util.Set.of(4, 5, 6), java.util.Set.copyOf(seen));
        assertEquals(List.of(4, 5, 6), every.stream().map(Backtest.Fold::cut).toList());
        assertEquals(6.0, every.get(2).value(Method.MODEL, 0, 0));
        seen.clear();
        List<Backtest.Fold> once = HistoricalForecasts.run(s, o, h -> {
            seen.add(h.length());
            return fixed(h.column("y")[h.length() - 1], 0);
        }, HistoricalForecasts.Refit.ONCE, 2);
        assertEquals(List.of(4), seen);
        assertEquals(4.0, once.get(2).value(Method.MODEL, 0, 0), "trained once: the first origin's model everywhere");
        assertThrows(IllegalArgumentException.class, () -> HistoricalForecasts.run(s, new HistoricalForecasts.Origins(new int[] {7}, 2, T, 1),
                fixed(1, 1)), "an origin whose horizon passes the end");
    }
}
