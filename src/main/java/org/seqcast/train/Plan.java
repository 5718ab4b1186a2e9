package org.seqcast.train;

import java.util.ArrayList;
import java.util.List;
import org.seqcast.config.Engine;
import org.seqcast.config.LayerConfig;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.config.Strategy;
import org.seqcast.config.WindowNorm;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Schema;
import org.seqcast.model.Loss;
import org.seqcast.model.NetworkFactory;
import org.seqcast.model.NetworkSpec;
import org.seqcast.window.WindowSpec;

/**
 * Stage 1 of training: every {@code auto} of the config resolved against the data, once. The same plan
 * serves one series ({@code train}) and many ({@code --global}): what the network shares (lookback,
 * horizon, inputs, architecture, the window-normalisation candidates, the engine) is decided here over all
 * series; what each series keeps of its own (its season) is {@link #season}.
 *
 * @param timesteps    the lookback: {@code window.timesteps}, or for {@code auto} the shortest that every
 *                     series allows of two seasons (2 x horizon, at least 8, without a season)
 * @param seasonInputs sin/cos of the seasonal phase are inputs (on in the config and some series has a season)
 * @param windowNorms  the window normalisations to train, in order (two for {@code auto})
 * @param network      the network's shape
 * @param engine       what runs the training math: {@link Engine#FAST} or {@link Engine#DL4J}, never auto
 * @param pad          a run over many series: every series is padded at the front (see {@link PreparedSeries}) so that one
 *                     shorter than the lookback still trains and forecasts, and a series too short for a validation
 *                     window trains on all its windows; a run over one series never pads (it is {@code train})
 */
public record Plan(SeqcastConfig config, List<String> targets, List<String> features, int horizon, int timesteps, int stride,
                   boolean seasonInputs, Strategy strategy, List<WindowNorm> windowNorms, NetworkSpec network, Engine engine,
                   boolean pad) {

    public Plan {
        targets = List.copyOf(targets);
        features = List.copyOf(features);
        windowNorms = List.copyOf(windowNorms);
        if (engine == Engine.AUTO || windowNorms.isEmpty() || windowNorms.contains(WindowNorm.AUTO)) {
            throw new IllegalArgumentException("Invalid plan: engine = " + engine + ", window norms = " + windowNorms);
        }
    }

    /** Resolves the config against the series the network will train on (at least one). */
    public static Plan of(SeqcastConfig cfg, List<TimeSeries> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("Invalid series: none");
        }
        int horizon = cfg.window().horizonSteps();
        boolean pad = series.size() > 1;
        int timesteps = cfg.window().timesteps().orElseGet(() -> {
            if (pad) {
                return globalTimesteps(cfg, series, horizon);
            }
            int t = Integer.MAX_VALUE;
            for (TimeSeries s : series) {
                t = Math.min(t, autoTimesteps(season(cfg, s), horizon, s.length()));
            }
            return t;
        });
        boolean seasonInputs = cfg.transform().seasonInputs() && series.stream().anyMatch(s -> season(cfg, s) > 1);
        List<String> targets = cfg.data().target();
        List<String> features = cfg.data().features();
        int inputs = targets.size() + features.size() + (seasonInputs ? 2 : 0);
        int outputs = (cfg.forecast().recursive() ? 1 : horizon) * targets.size();
        NetworkSpec network = networkSpec(cfg, inputs, timesteps, outputs);
        return new Plan(cfg, targets, features, horizon, timesteps, cfg.window().stride(), seasonInputs, cfg.forecast().strategy(),
                cfg.transform().windowNorm().candidates(), network, NetworkFactory.resolve(cfg.training().engine()), pad);
    }

    /**
     * Lookback for {@code window.timesteps: auto} over many series: what the frequency wants (two seasons, or
     * 2 x horizon, at least 8), the shortest over the series' seasons, capped so that the median series keeps
     * at least a horizon of windows beyond one lookback (median rows - 2 x horizon), but at least 4 (or the want
     * when below). Shorter series are padded, so the shortest series no longer sets the lookback.
     */
    static int globalTimesteps(SeqcastConfig cfg, List<TimeSeries> series, int horizon) {
        int want = Integer.MAX_VALUE;
        int[] rows = new int[series.size()];
        for (int i = 0; i < rows.length; i++) {
            TimeSeries s = series.get(i);
            int m = season(cfg, s);
            want = Math.min(want, m > 1 ? 2 * m : Math.max(2 * horizon, 8));
            rows[i] = s.length();
        }
        java.util.Arrays.sort(rows);
        int median = rows[rows.length / 2];
        return Math.max(Math.min(want, median - 2 * horizon), Math.min(want, 4));
    }

    /** The season of a series: {@code data.season}, or the default of its frequency. */
    public static int season(SeqcastConfig cfg, TimeSeries s) {
        return cfg.data().season().orElseGet(() -> s.frequency().defaultSeason());
    }

    /** This plan's season for a series. */
    public int season(TimeSeries s) {
        return season(config, s);
    }

    /** Lookback for {@code window.timesteps: auto}: two seasons (or 2 x horizon, at least 8, without a season), within what the series allows. */
    public static int autoTimesteps(int season, int horizon, int rows) {
        int want = season > 1 ? 2 * season : Math.max(2 * horizon, 8);
        int cap = Math.max(1, (rows - 3 * horizon) / 2);
        return Math.max(1, Math.min(want, cap));
    }

    /** The network for a config: its LSTM layers, then a dense linear output. */
    public static NetworkSpec networkSpec(SeqcastConfig cfg, int inputs, int timesteps, int outputs) {
        List<int[]> ub = new ArrayList<>();
        List<Double> dropouts = new ArrayList<>();
        for (LayerConfig l : cfg.model().layers()) {
            ub.add(new int[] {l.units(), l.bidirectional() ? 1 : 0});
            dropouts.add(l.dropout());
        }
        return NetworkSpec.of(inputs, timesteps, ub, dropouts, outputs);
    }

    public boolean recursive() {
        return strategy == Strategy.RECURSIVE;
    }

    /** The windows the model is scored on: the horizon's. */
    public WindowSpec spec() {
        return new WindowSpec(timesteps, horizon, stride);
    }

    /** The windows the network is fitted on: the horizon's, or one-step windows over the same rows for a recursive model. */
    public WindowSpec fitSpec() {
        return recursive() ? new WindowSpec(timesteps, 1, stride) : spec();
    }

    /** The model schema of a series under this plan. */
    public Schema schema(TimeSeries s) {
        return new Schema(s.timeColumn(), s.frequency().unit().name(), s.frequency().multiple(), targets, features, timesteps, horizon,
                season(s), seasonInputs, recursive());
    }

    /** The value columns read from a series: targets, then features. */
    public List<String> valueColumns() {
        List<String> c = new ArrayList<>(targets);
        c.addAll(features);
        return c;
    }

    /** The training loss: MAE over many series (every series' windows weigh alike, robust to wild ones), MSE over one. */
    public Loss loss() {
        return pad && !"mse".equals(System.getProperty("seqcast.global.loss")) ? Loss.MAE : Loss.MSE;
    }

    /** Series keep their own level only ({@link org.seqcast.transform.Preprocessor#fitLevels}) in a run over many series. */
    public boolean levelScaled() {
        return pad && !"series".equals(System.getProperty("seqcast.global.scale"));
    }

    /**
     * Seasonal series are deseasonalised (classical multiplicative indices, as Theta does) before the network in a run
     * over many series with season inputs and a direct strategy.
     */
    public boolean deseasonalise() {
        return levelScaled() && seasonInputs && !recursive() && !"off".equals(System.getProperty("seqcast.global.deseason"));
    }

    /** Windows are taken relative to their SES level (not their last value) in a run over many series with a direct strategy. */
    public boolean sesLevel() {
        return levelScaled() && !recursive() && "ses".equals(System.getProperty("seqcast.global.level"));
    }

    /**
     * The most recent rows a series trains on in a run over many series: ten seasons (ten years of monthly or quarterly
     * data), or ten times lookback + horizon without a season; every row otherwise. A JVM property
     * {@code seqcast.global.history} (rows, 0 = all) overrides it for measurements.
     */
    public int historyRows(TimeSeries s) {
        if (!pad) {
            return Integer.MAX_VALUE;
        }
        String p = System.getProperty("seqcast.global.history");
        if (p != null) {
            int rows = Integer.parseInt(p);
            return rows <= 0 ? Integer.MAX_VALUE : rows;
        }
        int m = season(s);
        return m > 1 ? 10 * m : 10 * (timesteps + horizon);
    }
}
