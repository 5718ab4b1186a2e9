package org.seqcast.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.data.MissingPolicy;
import org.seqcast.data.TimeSeries;

class TrainJobTest {
    private static final TimeSeries AIR = CsvSeriesReader.read("data/airpassengers.csv", "month", List.of("passengers"), MissingPolicy.ERROR);

    private static TrainJob.Outcome train(List<String> info, String... sets) {
        List<String> all = new ArrayList<>(List.of("data.path=data/airpassengers.csv", "data.time_column=month", "data.target=passengers",
                "window.horizon=6", "window.timesteps=12", "training.epochs=4", "training.patience=0", "model.layers.0.units=8"));
        all.addAll(List.of(sets));
        SeqcastConfig cfg = ConfigLoader.fromYaml("", "test", all);
        return TrainJob.run(cfg, AIR, 1, ProgressSink.QUIET, info::add);
    }

    @Test
    void refitTrainsAgainOnAllWindowsButReportsTheValidatedModel() {
        List<String> plainInfo = new ArrayList<>();
        List<String> refitInfo = new ArrayList<>();
        TrainJob.Outcome plain = train(plainInfo, "training.refit=false");
        TrainJob.Outcome refit = train(refitInfo, "training.refit=true");
        // Validation scores come from the model early stopping chose, before the refit, so they agree.
        assertEquals(plain.report().mae(), refit.report().mae(), 1e-9);
        assertNotEquals(plain.bundle().members(), refit.bundle().members(), "the refit model must be a different network");
        assertTrue(refitInfo.stream().anyMatch(l -> l.startsWith("refit: ") && l.contains("4 epochs")), refitInfo::toString);
        assertTrue(plainInfo.stream().noneMatch(l -> l.startsWith("refit")), plainInfo::toString);
        int windows = refit.report().trainWindows() + refit.report().validationWindows() + refit.report().droppedWindows();
        assertTrue(refitInfo.stream().anyMatch(l -> l.startsWith("refit: " + windows + " windows")), refitInfo::toString);
    }

    @Test
    void shrinkScalesTheOutputLayerByFactorsInTheUnitInterval() {
        List<String> info = new ArrayList<>();
        TrainJob.Outcome plain = train(new ArrayList<>(), "training.refit=false", "transform.window_norm=true");
        TrainJob.Outcome shrunk = train(info, "forecast.shrink=true", "training.refit=false", "transform.window_norm=true");
        assertTrue(info.stream().anyMatch(l -> l.startsWith("shrink: ")), info::toString);
        int last = plain.bundle().members().get(0).layerCount() - 1;
        float[] b0 = plain.bundle().members().get(0).get(last, "b").data();
        float[] b1 = shrunk.bundle().members().get(0).get(last, "b").data();
        for (int o = 0; o < b0.length; o++) {
            double f = b0[o] == 0 ? 1 : b1[o] / b0[o];
            assertTrue(f >= -1e-6 && f <= 1 + 1e-6, "output " + o + " factor " + f);
        }
    }

    @Test
    void intervalsOfALogModelledSeriesAreCalibratedInLogUnits() {
        TrainJob.Outcome logged = train(new ArrayList<>(), "forecast.intervals=[80]");
        org.seqcast.store.ModelBundle.IntervalBand band = logged.bundle().intervals().get(0);
        assertTrue(band.logScale(), "airpassengers is positive: log transform, log-scale band");
        assertEquals(500 * Math.exp(band.upper()[0][0]), band.apply(500, band.upper()[0][0]), 1e-9);
        assertTrue(band.upper()[0][0] > 0 && band.upper()[0][0] < 1, "a log offset, not passengers: " + band.upper()[0][0]);
        TrainJob.Outcome plain = train(new ArrayList<>(), "forecast.intervals=[80]", "transform.target=none");
        org.seqcast.store.ModelBundle.IntervalBand additive = plain.bundle().intervals().get(0);
        assertTrue(!additive.logScale());
        assertEquals(500 + additive.upper()[0][0], additive.apply(500, additive.upper()[0][0]), 1e-9);
        assertTrue(additive.upper()[0][0] > 1, "an offset in passengers: " + additive.upper()[0][0]);
    }

    @Test
    void seasonInputsAddTwoNetworkInputsWhenThereIsASeason() {
        List<String> info = new ArrayList<>();
        TrainJob.Outcome o = train(info, "transform.season_inputs=true", "training.refit=false");
        assertEquals(3, o.bundle().network().inputs());
        assertEquals(3, o.report().features());
        assertTrue(o.bundle().schema().seasonInputs());
        assertEquals(12, o.bundle().schema().season());
        assertEquals(3, o.bundle().preprocessor().scaler().columns());
        assertTrue(info.stream().anyMatch(l -> l.startsWith("season inputs: ") && l.contains("12 steps")), info::toString);
    }

    @Test
    void seasonOneMeansNoSeasonInputs() {
        List<String> info = new ArrayList<>();
        TrainJob.Outcome o = train(info, "transform.season_inputs=true", "data.season=1", "training.refit=false");
        assertEquals(1, o.bundle().network().inputs());
        assertFalse(o.bundle().schema().seasonInputs());
        assertTrue(info.stream().noneMatch(l -> l.startsWith("season inputs")), info::toString);
    }

    @Test
    void seasonInputsAreOnByDefaultAndCanBeTurnedOff() {
        assertTrue(train(new ArrayList<>(), "training.refit=false").bundle().schema().seasonInputs());
        TrainJob.Outcome o = train(new ArrayList<>(), "transform.season_inputs=false", "training.refit=false");
        assertEquals(1, o.bundle().network().inputs());
        assertFalse(o.bundle().schema().seasonInputs());
    }

    @Test
    void windowNormAutoTrainsBothWaysAndKeepsTheLowerValidationMae() {
        List<String> info = new ArrayList<>();
        TrainJob.Outcome auto = train(info, "transform.window_norm=auto", "training.refit=false");
        List<String> fixedInfo = new ArrayList<>();
        TrainJob.Outcome relative = train(fixedInfo, "transform.window_norm=true", "training.refit=false");
        TrainJob.Outcome global = train(fixedInfo, "transform.window_norm=false", "training.refit=false");
        assertNotEquals(relative.report().mae(), global.report().mae(), "the two ways give different models");
        boolean keptRelative = relative.report().mae() < global.report().mae();
        assertEquals(Math.min(relative.report().mae(), global.report().mae()), auto.report().mae(), 1e-9);
        assertEquals(keptRelative, auto.bundle().preprocessor().windowNorm());
        assertEquals((keptRelative ? relative : global).bundle().members(), auto.bundle().members(), "the kept network itself");
        assertTrue(info.stream().anyMatch(l -> l.startsWith("window_norm auto: relative windows: validation MAE")), info::toString);
        assertTrue(info.stream().anyMatch(l -> l.startsWith("window_norm auto: global levels: validation MAE")), info::toString);
        assertTrue(info.stream().anyMatch(l -> l.equals("window_norm auto: kept " + (keptRelative ? "relative windows" : "global levels"))),
                info::toString);
        assertTrue(fixedInfo.stream().noneMatch(l -> l.startsWith("window_norm auto")), fixedInfo::toString);
        assertFalse(relative.bundle().preprocessor().windowNorm() == global.bundle().preprocessor().windowNorm());
    }

    @Test
    void recursiveStrategyTrainsAOneStepNetworkOnOneStepWindowsAndForecastsTheHorizon() {
        List<String> info = new ArrayList<>();
        TrainJob.Outcome direct = train(new ArrayList<>(), "training.refit=false");
        TrainJob.Outcome rec = train(info, "forecast.strategy=recursive", "training.refit=false");
        assertEquals(1, rec.bundle().network().outputs(), "one step of one target");
        assertEquals(6, direct.bundle().network().outputs());
        assertTrue(rec.bundle().schema().recursive());
        // One-step windows over the same rows: horizon - 1 more windows to train on than the direct model.
        assertEquals(direct.report().trainWindows() + 5, rec.report().trainWindows());
        // Both are scored on the same 6-step validation windows.
        assertEquals(direct.report().validationWindows(), rec.report().validationWindows());
        assertEquals(direct.report().naiveMae(), rec.report().naiveMae(), 1e-12);
        assertTrue(Double.isFinite(rec.report().mae()) && rec.report().mae() > 0);
        assertTrue(info.stream().anyMatch(l -> l.startsWith("strategy: recursive")), info::toString);
        org.seqcast.forecast.Forecast f = new org.seqcast.forecast.Forecaster(rec.bundle()).forecast(AIR);
        assertEquals(6, f.horizon());
        assertEquals("1961-01", f.times().get(0));
    }
}
