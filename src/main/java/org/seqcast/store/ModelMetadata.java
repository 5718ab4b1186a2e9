package org.seqcast.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqcast.eval.Scores;
import org.seqcast.forecast.Method;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.forecast.Provenance;
import org.seqcast.forecast.Recipe;
import org.seqcast.config.WindowNorm;
import org.seqcast.forecast.Schema;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.model.Tensor;
import org.seqcast.transform.Ahead;
import org.seqcast.transform.ColumnScaler;
import org.seqcast.transform.Preprocessor;

/**
 * {@code seqcast.json} of a model file, bound field by field by Jackson ({@code io.Json}, snake_case): the
 * file format as records, converted to and from the model's own types here and nowhere else. Version 1 files
 * (before provenance carried the engine and per-method scores) read as well.
 */
record ModelMetadata(String format, int version, SchemaJson schema, NetworkJson network, List<TensorJson> tensors, int members,
                     String paramsSha256, TransformJson transform, List<IntervalJson> intervals, ProvenanceJson provenance,
                     String config, RecipeJson recipe) {

    /**
     * A global model's recipe (version 3): the plan's resolved values that fit any series' preprocessor; absent in other
     * and older files. {@code windowNorm} is {@code transform.window_norm}'s key ({@code true} relative, {@code false} levels).
     */
    record RecipeJson(int timesteps, int stride, boolean seasonInputs, int periods, boolean lags, boolean residual, boolean pad,
                      String windowNorm) {
    }

    record SchemaJson(String timeColumn, String frequencyUnit, int frequencyMultiple, List<String> targets, List<String> features,
                      int timesteps, int horizon, int season, Boolean seasonInputs, String strategy, List<Integer> seasons,
                      List<String> known, List<Integer> lags, Boolean ahead) {
    }

    record NetworkJson(int inputs, int timesteps, int outputs, List<LayerJson> layers) {
    }

    record LayerJson(String type, int nIn, int units, boolean bidirectional, double dropout) {
    }

    record TensorJson(int layer, String name, int[] shape) {
        long size() {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    /**
     * {@code seasonal}: the log seasonal offsets per target and phase of a deseasonalising model; {@code sesAlpha}: per
     * target the SES weight of the window level; {@code ahead}: the layout of windows that reach into the forecast period.
     * Each is absent in other and older files.
     */
    record TransformJson(boolean log, boolean windowNorm, int targets, ScalerJson scaler, double[][] seasonal, double[] sesAlpha,
                         AheadJson ahead) {
    }

    /** The layout of windows that reach into the forecast period; absent for ordinary windows and in older files. */
    record AheadJson(int[] lags, int baseLag, int features, int known, int calendar, int horizon) {
    }

    record ScalerJson(double[] mean, double[] scale) {
    }

    record IntervalJson(int level, double[][] lower, double[][] upper, Boolean logScale) {
    }

    /**
     * Optional (boxed) fields are absent in older files. {@code scores} is version 1's (validation_mae, naive_mae, ...);
     * {@code validation} is version 2's; {@code method} (model or theta), {@code reason} (why theta) and {@code training} (the
     * series of a global model) are version 3's.
     */
    record ProvenanceJson(String dataPath, String dataSha256, int rows, String firstTime, String lastTime, long seed,
                          String seqcastVersion, String dl4jVersion, String javaVersion, String trainedAt, int bestEpoch, int epochsRun,
                          Integer series, String engine, String kernel, String cpu, String blas, Map<Method, Scores> validation,
                          Map<String, Double> scores, Method method, String reason, org.seqcast.forecast.TrainingSet training,
                          String combine) {
    }

    /** True for a classical model (no network, no parameters). */
    boolean classical() {
        return provenance != null && provenance.method() != null && provenance.method() != Method.MODEL;
    }

    /** The metadata of a bundle whose parameters hash to {@code paramsSha256}. */
    static ModelMetadata of(ModelBundle b, String paramsSha256, String configYaml) {
        Schema s = b.schema();
        SchemaJson schema = new SchemaJson(s.timeColumn(), s.frequencyUnit(), s.frequencyMultiple(), s.targets(), s.features(),
                s.timesteps(), s.horizon(), s.season(), s.seasonInputs(), s.recursive() ? "recursive" : "direct", s.seasons(), s.known(),
                s.lags(), s.ahead());
        NetworkSpec n = b.network();
        List<TensorJson> tensors = new ArrayList<>();
        NetworkJson network = null;
        if (n != null) {
            List<LayerJson> layers = n.layers().stream()
                    .map(r -> new LayerJson("lstm", r.nIn(), r.units(), r.bidirectional(), r.dropout())).toList();
            network = new NetworkJson(n.inputs(), n.timesteps(), n.outputs(), layers);
            NetworkParams first = b.members().get(0);
            for (int l = 0; l < first.layerCount(); l++) {
                for (Tensor t : first.layer(l).values()) {
                    tensors.add(new TensorJson(l, t.name(), t.shape()));
                }
            }
        }
        Preprocessor pre = b.preprocessor();
        TransformJson transform = null;
        if (pre != null) {
            Ahead a = pre.ahead();
            transform = new TransformJson(pre.log(), pre.windowNorm(), pre.targets(),
                    new ScalerJson(pre.scaler().mean(), pre.scaler().scale()), pre.seasonal(), pre.alpha(),
                    a == null ? null : new AheadJson(a.lags(), a.baseLag(), a.features(), a.known(), a.calendar(), a.horizon()));
        }
        Recipe r = b.recipe();
        RecipeJson recipe = r == null ? null : new RecipeJson(r.timesteps(), r.stride(), r.seasonInputs(), r.periods(), r.lags(), r.residual(),
                r.pad(), r.windowNorm().key());
        List<IntervalJson> intervals = b.intervals().stream()
                .map(i -> new IntervalJson(i.level(), i.lower(), i.upper(), i.logScale())).toList();
        Provenance p = b.provenance();
        ProvenanceJson prov = new ProvenanceJson(p.dataPath(), p.dataSha256(), p.rows(), p.firstTime(), p.lastTime(), p.seed(),
                p.seqcastVersion(), p.dl4jVersion(), p.javaVersion(), p.trainedAt(), p.bestEpoch(), p.epochsRun(), p.series(), p.engine(),
                p.kernel(), p.cpu(), p.blas(), p.validation(), null, p.method(), p.reason(), p.training(), p.combine());
        return new ModelMetadata(ModelFile.FORMAT, ModelFile.VERSION, schema, network, tensors, b.members().size(), paramsSha256, transform,
                intervals, prov, configYaml, recipe);
    }

    Schema toSchema() {
        String strategy = schema.strategy() == null ? "direct" : schema.strategy(); // files before forecast.strategy are direct
        if (!strategy.equals("direct") && !strategy.equals("recursive")) {
            throw new IllegalArgumentException("unknown forecast strategy '" + strategy + "'; this seqcast knows direct and recursive");
        }
        return new Schema(schema.timeColumn(), schema.frequencyUnit(), schema.frequencyMultiple(), schema.targets(), schema.features(),
                schema.timesteps(), schema.horizon(), schema.season(), Boolean.TRUE.equals(schema.seasonInputs()), // absent before season inputs
                strategy.equals("recursive"), schema.seasons() == null ? List.of(schema.season()) : schema.seasons(), // absent before
                schema.known() == null ? List.of() : schema.known(), schema.lags() == null ? List.of() : schema.lags(),   // several seasons
                Boolean.TRUE.equals(schema.ahead()));
    }

    NetworkSpec toNetwork() {
        List<NetworkSpec.Recurrent> layers = new ArrayList<>();
        for (LayerJson l : network.layers()) {
            if (!"lstm".equals(l.type())) {
                throw new IllegalArgumentException("unknown layer type '" + l.type() + "'");
            }
            layers.add(new NetworkSpec.Recurrent(l.nIn(), l.units(), l.bidirectional(), l.dropout()));
        }
        return new NetworkSpec(network.inputs(), network.timesteps(), layers, network.outputs());
    }

    /** Floats per member that the tensors describe. */
    long floatsPerMember() {
        long n = 0;
        for (TensorJson t : tensors) {
            n += t.size();
        }
        return n;
    }

    /** The recipe of a global model, or null. */
    Recipe toRecipe() {
        if (recipe == null) {
            return null;
        }
        WindowNorm norm = java.util.Arrays.stream(WindowNorm.values()).filter(w -> w.key().equals(recipe.windowNorm())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown recipe window_norm '" + recipe.windowNorm() + "'"));
        return new Recipe(recipe.timesteps(), recipe.stride(), recipe.seasonInputs(), recipe.periods(), recipe.lags(), recipe.residual(),
                recipe.pad(), norm);
    }

    /** The fitted preprocessor, or null for a global or classical model (no transform entry). */
    Preprocessor toPreprocessor() {
        if (transform == null) {
            return null;
        }
        AheadJson a = transform.ahead();
        return new Preprocessor(transform.log(), transform.windowNorm(), transform.targets(),
                new ColumnScaler(transform.scaler().mean(), transform.scaler().scale()), transform.seasonal(), transform.sesAlpha(),
                a == null ? null : new Ahead(a.lags(), a.baseLag(), a.features(), a.known(), a.calendar(), a.horizon()));
    }

    List<ModelBundle.IntervalBand> toIntervals() {
        return intervals == null ? List.of()
                : intervals.stream().map(i -> new ModelBundle.IntervalBand(i.level(), i.lower(), i.upper(), Boolean.TRUE.equals(i.logScale()))).toList();
    }

    Provenance toProvenance() {
        ProvenanceJson p = provenance;
        Map<Method, Scores> validation = p.validation();
        if (validation == null) {
            // version 1: MAE per method only
            validation = new LinkedHashMap<>();
            Map<String, Double> s = p.scores() == null ? Map.of() : p.scores();
            putMae(validation, Method.MODEL, s.get("validation_mae"));
            putMae(validation, Method.NAIVE, s.get("naive_mae"));
            putMae(validation, Method.SEASONAL_NAIVE, s.get("seasonal_naive_mae"));
        }
        return new Provenance(p.dataPath(), p.dataSha256(), p.rows(), p.firstTime(), p.lastTime(), p.seed(), p.seqcastVersion(),
                p.dl4jVersion(), p.javaVersion(), p.trainedAt(), p.bestEpoch(), p.epochsRun(), p.series() == null ? 1 : p.series(),
                orUnknown(p.engine()), orUnknown(p.kernel()), orUnknown(p.cpu()), orUnknown(p.blas()), validation,
                p.method() == null ? Method.MODEL : p.method(), p.reason(), p.training(),
                p.combine() == null ? Provenance.NONE : p.combine()); // absent before forecast.combine
    }

    private static void putMae(Map<Method, Scores> m, Method method, Double mae) {
        if (mae != null) {
            m.put(method, new Scores(mae, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        }
    }

    private static String orUnknown(String s) {
        return s == null ? "unknown" : s;
    }
}
