package org.seqcast.train;

import java.util.List;
import org.seqcast.SeqcastException;
import org.seqcast.backtest.BaselineMethod;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastMethod;
import org.seqcast.forecast.Forecaster;
import org.seqcast.forecast.Method;
import org.seqcast.forecast.ModelBundle;

/**
 * A saved model of any kind as a forecast of a given history: a network of one series forecasts with its fitted
 * preprocessor; a global model first fits the series' preprocessor from the history, with the plan it was trained with
 * ({@link Plan#of(ModelBundle)}) and the same code the training run fitted every series with ({@link TrainJob#recent},
 * {@link PreparedSeries#of}), then forecasts through {@link Forecaster}; a classical model refits its method (Theta) on the
 * history. A series seen in training therefore gets exactly the forecast of its training run. Never loads ND4J.
 */
public final class SavedModels {
    private SavedModels() {
    }

    /**
     * The network model of one series: the model itself for a network of one series; for a global model, the model with
     * the preprocessor fitted on {@code series} as the training run fitted it.
     *
     * @throws SeqcastException when the series cannot be prepared (e.g. a target <= 0 with transform.target: log)
     */
    public static ModelBundle fitted(ModelBundle model, TimeSeries series) {
        return switch (model.kind()) {
            case NETWORK -> model;
            case CLASSICAL -> throw new IllegalArgumentException("Invalid model: a classical model has no network");
            case GLOBAL -> {
                Plan plan = Plan.of(model);
                TimeSeries recent = TrainJob.recent(plan, List.of(series)).get(0);
                PreparedSeries p = PreparedSeries.of(plan, series.source(), recent, model.recipe().windowNorm());
                yield new ModelBundle(model.config(), plan.schema(recent), model.network(), model.members(), p.pre(), model.intervals(),
                        model.provenance());
            }
        };
    }

    /**
     * The classical model of a series too short for a network ({@link TrainJob#tooShort}): the Theta method, refitted on
     * whatever history it is given; its provenance names the method, why, and the series it stood in for.
     */
    public static ModelBundle classical(org.seqcast.config.SeqcastConfig cfg, TimeSeries series, String reason) {
        int season = Plan.season(cfg, series);
        org.seqcast.forecast.Schema schema = new org.seqcast.forecast.Schema(series.timeColumn(), series.frequency().unit().name(),
                series.frequency().multiple(), cfg.data().target(), List.of(), 1, cfg.window().horizonSteps(), season, false, false);
        org.seqcast.forecast.Provenance prov = new org.seqcast.forecast.Provenance(series.source(), series.sha256(), series.length(),
                series.firstTime(), series.lastTime(), cfg.training().seed(), org.seqcast.Versions.seqcast(), org.seqcast.Versions.dl4j(),
                org.seqcast.Versions.java(), java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), 0, 0, 1,
                "none", "none", Machine.cpu(), "none", java.util.Map.of(), Method.THETA, reason, null,
                org.seqcast.forecast.Provenance.NONE);
        return ModelBundle.classical(cfg, schema, prov);
    }

    /** The model as a forecasting method (reported as the model, {@link Method#MODEL}) of whatever history it is given. */
    public static ForecastMethod forecaster(ModelBundle model) {
        if (model.kind() == ModelBundle.Kind.NETWORK) {
            return new Forecaster(model);
        }
        return new ForecastMethod() {
            @Override
            public Method method() {
                return Method.MODEL;
            }

            @Override
            public Forecast forecast(TimeSeries history) {
                return forecast(history, history.future());
            }

            @Override
            public Forecast forecast(TimeSeries history, TimeSeries future) {
                if (model.kind() == ModelBundle.Kind.CLASSICAL) {
                    return new BaselineMethod(model.provenance().method(), model.schema().targets(), model.schema().horizon(),
                            Plan.season(model.config(), history)).forecast(history);
                }
                return new Forecaster(fitted(model, history)).forecast(history, future);
            }
        };
    }
}
