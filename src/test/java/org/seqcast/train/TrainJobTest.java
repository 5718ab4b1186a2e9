package org.seqcast.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqcast.backtest.Backtest;
import org.seqcast.backtest.HistoricalForecasts;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.Engine;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.config.Strategy;
import org.seqcast.config.WindowNorm;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.config.MissingPolicy;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecaster;
import org.seqcast.forecast.Method;
import org.seqcast.forecast.ModelBundle;

class TrainJobTest {
    private static final TimeSeries AIR = CsvSeriesReader.read("data/airpassengers.csv", "month", List.of("passengers"), MissingPolicy.ERROR);

    private static SeqcastConfig config(String... sets) {
        List<String> all = new ArrayList<>(List.of("data.path=data/airpassengers.csv", "data.time_column=month", "data.target=passengers",
                "window.horizon=6", "window.timesteps=12", "training.epochs=4", "training.patience=0", "model.layers.0.units=8"));
        all.addAll(List.of(sets));
        return ConfigLoader.fromYaml("", "test", all);
    }

    private static TrainJob.Outcome train(String... sets) {
        return TrainJob.run(config(sets), AIR, 1, ProgressSink.QUIET);
    }

    @Test
    void refitTrainsAgainOnAllWindowsButReportsTheValidatedModel() {
        TrainJob.Outcome plain = train("training.refit=false");
        TrainJob.Outcome refit = train("training.refit=true");
        // Validation scores come from the model early stopping chose, before the refit, so they agree.
        assertEquals(plain.report().first().model().mae(), refit.report().first().model().mae(), 1e-9);
        assertNotEquals(plain.bundle().members(), refit.bundle().members(), "the refit model must be a different network");
        assertNull(plain.report().refit());
        TrainReport.Refit r = refit.report().refit();
        assertNotNull(r);
        assertEquals(List.of(refit.report().bestEpoch(), refit.curves().get(1).bestEpoch()), r.epochs());
        TrainReport.SeriesReport s = refit.report().first();
        assertEquals(s.trainWindows() + s.validationWindows() + s.droppedWindows(), r.windows());
    }

    @Test
    void shrinkScalesTheOutputLayerByFactorsInTheUnitInterval() {
        TrainJob.Outcome plain = train("training.refit=false", "transform.window_norm=true");
        TrainJob.Outcome shrunk = train("forecast.shrink=true", "training.refit=false", "transform.window_norm=true");
        assertNull(plain.report().shrink());
        assertEquals(6, shrunk.report().shrink().length);
        int last = plain.bundle().members().get(0).layerCount() - 1;
        float[] b0 = plain.bundle().members().get(0).get(last, "b").data();
        float[] b1 = shrunk.bundle().members().get(0).get(last, "b").data();
        for (int o = 0; o < b0.length; o++) {
            double f = b0[o] == 0 ? 1 : b1[o] / b0[o];
            assertTrue(f >= -1e-6 && f <= 1 + 1e-6, "output " + o + " factor " + f);
            assertEquals(shrunk.report().shrink()[o], f, 1e-4);
        }
    }

    @Test
    void intervalsOfALogModelledSeriesAreCalibratedInLogUnits() {
        TrainJob.Outcome logged = train("forecast.intervals=[80]");
        ModelBundle.IntervalBand band = logged.bundle().intervals().get(0);
        assertTrue(logged.report().first().log());
        assertTrue(band.logScale(), "airpassengers is positive: log transform, log-scale band");
        assertEquals(500 * Math.exp(band.upper()[0][0]), band.apply(500, band.upper()[0][0]), 1e-9);
        assertTrue(band.upper()[0][0] > 0 && band.upper()[0][0] < 1, "a log offset, not passengers: " + band.upper()[0][0]);
        TrainJob.Outcome plain = train("forecast.intervals=[80]", "transform.target=none");
        ModelBundle.IntervalBand additive = plain.bundle().intervals().get(0);
        assertFalse(plain.report().first().log());
        assertFalse(additive.logScale());
        assertEquals(500 + additive.upper()[0][0], additive.apply(500, additive.upper()[0][0]), 1e-9);
        assertTrue(additive.upper()[0][0] > 1, "an offset in passengers: " + additive.upper()[0][0]);
    }

    @Test
    void seasonInputsAddTwoNetworkInputsWhenThereIsASeason() {
        TrainJob.Outcome o = train("transform.season_inputs=true", "training.refit=false");
        assertEquals(3, o.bundle().network().inputs());
        assertEquals(3, o.report().inputs());
        assertTrue(o.report().seasonInputs());
        assertTrue(o.bundle().schema().seasonInputs());
        assertEquals(12, o.bundle().schema().season());
        assertEquals(12, o.report().first().season());
        assertEquals(3, o.bundle().preprocessor().scaler().columns());
    }

    @Test
    void seasonOneMeansNoSeasonInputs() {
        TrainJob.Outcome o = train("transform.season_inputs=true", "data.season=1", "training.refit=false");
        assertEquals(1, o.bundle().network().inputs());
        assertFalse(o.report().seasonInputs());
        assertFalse(o.bundle().schema().seasonInputs());
    }

    @Test
    void seasonInputsAreOnByDefaultAndCanBeTurnedOff() {
        assertTrue(train("training.refit=false").bundle().schema().seasonInputs());
        TrainJob.Outcome o = train("transform.season_inputs=false", "training.refit=false");
        assertEquals(1, o.bundle().network().inputs());
        assertFalse(o.bundle().schema().seasonInputs());
    }

    @Test
    void windowNormAutoTrainsBothWaysAndKeepsTheLowerValidationMae() {
        TrainJob.Outcome auto = train("transform.window_norm=auto", "training.refit=false");
        TrainJob.Outcome relative = train("transform.window_norm=true", "training.refit=false");
        TrainJob.Outcome global = train("transform.window_norm=false", "training.refit=false");
        double rel = relative.report().first().model().mae();
        double lev = global.report().first().model().mae();
        assertNotEquals(rel, lev, "the two ways give different models");
        boolean keptRelative = rel < lev;
        assertEquals(Math.min(rel, lev), auto.report().first().model().mae(), 1e-9);
        assertEquals(keptRelative, auto.bundle().preprocessor().windowNorm());
        assertEquals(keptRelative ? WindowNorm.RELATIVE : WindowNorm.LEVELS, auto.report().windowNorm());
        assertEquals((keptRelative ? relative : global).bundle().members(), auto.bundle().members(), "the kept network itself");
        List<TrainReport.Candidate> c = auto.report().candidates();
        assertEquals(List.of(WindowNorm.RELATIVE, WindowNorm.LEVELS), c.stream().map(TrainReport.Candidate::windowNorm).toList());
        assertEquals(rel, c.get(0).validationMae(), 1e-9);
        assertEquals(lev, c.get(1).validationMae(), 1e-9);
        assertEquals(1, relative.report().candidates().size());
        assertFalse(relative.bundle().preprocessor().windowNorm() == global.bundle().preprocessor().windowNorm());
    }

    @Test
    void recursiveStrategyTrainsAOneStepNetworkOnOneStepWindowsAndForecastsTheHorizon() {
        TrainJob.Outcome direct = train("training.refit=false");
        TrainJob.Outcome rec = train("forecast.strategy=recursive", "training.refit=false");
        assertEquals(1, rec.bundle().network().outputs(), "one step of one target");
        assertEquals(6, direct.bundle().network().outputs());
        assertTrue(rec.bundle().schema().recursive());
        assertEquals(Strategy.RECURSIVE, rec.report().strategy());
        // One-step windows over the same rows: horizon - 1 more windows to train on than the direct model.
        assertEquals(direct.report().first().trainWindows() + 5, rec.report().first().trainWindows());
        // Both are scored on the same 6-step validation windows.
        assertEquals(direct.report().first().validationWindows(), rec.report().first().validationWindows());
        assertEquals(direct.report().first().validation().get(Method.NAIVE).mae(), rec.report().first().validation().get(Method.NAIVE).mae(),
                1e-12);
        assertTrue(Double.isFinite(rec.report().first().model().mae()) && rec.report().first().model().mae() > 0);
        org.seqcast.forecast.Forecast f = new Forecaster(rec.bundle()).forecast(AIR);
        assertEquals(6, f.horizon());
        assertEquals("1961-01", f.times().get(0));
    }

    @Test
    void validationScoresAreTheHistoricalForecastsOfTheValidatedModelFromTheValidationOrigins() {
        TrainJob.Outcome o = train("training.refit=false", "forecast.intervals=[80]");
        TrainReport.SeriesReport s = o.report().first();
        // The origins of the validation windows: the last s.validationWindows() windows of 12 + 6 rows, stride 1.
        int n = AIR.length();
        int[] cuts = new int[s.validationWindows()];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = n - 6 - (cuts.length - 1 - i);
        }
        ModelBundle b = o.bundle();
        ModelBundle pointOnly = new ModelBundle(b.config(), b.schema(), b.network(), b.members(), b.preprocessor(), List.of(), b.provenance());
        List<Backtest.Fold> folds = HistoricalForecasts.run(AIR, new HistoricalForecasts.Origins(cuts, 6, List.of("passengers"), 12),
                new Forecaster(pointOnly));
        Backtest.Result r = Backtest.score(folds);
        assertEquals(s.validation(), r.overall(), "train's validation scores go through the historical-forecasts engine");
        assertEquals(s.validation(), b.provenance().validation(), "and into the model's provenance");
    }

    @Test
    void provenanceRecordsTheEngineTheKernelTheCpuAndTheBlas() {
        TrainJob.Outcome fast = train("training.refit=false", "training.ensemble=1");
        assertEquals(Engine.FAST, fast.report().engine());
        assertEquals("fast", fast.bundle().provenance().engine());
        assertEquals("FastNetwork", fast.bundle().provenance().kernel());
        assertTrue(fast.bundle().provenance().blas().contains("OpenBLAS"), fast.bundle().provenance().blas());
        assertTrue(fast.bundle().provenance().cpu().startsWith(System.getProperty("os.arch")), fast.bundle().provenance().cpu());
        TrainJob.Outcome dl4j = train("training.refit=false", "training.ensemble=1", "training.engine=dl4j");
        assertEquals(Engine.DL4J, dl4j.report().engine());
        assertEquals("DL4J", dl4j.bundle().provenance().kernel());
        // The same math: the two engines agree closely on the validation error.
        assertEquals(fast.report().first().model().mae(), dl4j.report().first().model().mae(),
                1e-3 * fast.report().first().model().mae());
    }

    @Test
    void membersInParallelGiveTheSameModelAsOneAfterAnother() {
        TrainJob.Outcome one = TrainJob.run(config("training.refit=true"), AIR, 1, ProgressSink.QUIET);
        TrainJob.Outcome two = TrainJob.run(config("training.refit=true"), AIR, 2, ProgressSink.QUIET);
        assertEquals(one.bundle().members(), two.bundle().members());
        assertArrayEquals(new Forecaster(one.bundle()).forecast(AIR).values(), new Forecaster(two.bundle()).forecast(AIR).values());
    }
}
