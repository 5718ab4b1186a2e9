package org.seqcast.train;

import java.util.ArrayList;
import java.util.List;
import org.seqcast.SeqcastException;
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
 * @param known        the columns known in advance ({@code data.known})
 * @param periods      the season periods each series has (its list padded with its last period; 1 without a season)
 * @param lags         the seasonal lags are inputs ({@code window.seasonal_lags}, auto: a period over {@link #LAG_PERIOD} steps)
 * @param residual     the network learns residuals from a seasonal naive forecast ({@code transform.residual})
 * @param pad          a run over many series with ordinary windows: every series is padded at the front (see
 *                     {@link PreparedSeries}) so that one shorter than the lookback still trains and forecasts, and a series
 *                     too short for a validation window trains on all its windows; a run over one series never pads (it
 *                     is {@code train}), nor does a plan whose windows reach into the forecast period
 */
public record Plan(SeqcastConfig config, List<String> targets, List<String> features, int horizon, int timesteps, int stride,
                   boolean seasonInputs, Strategy strategy, List<WindowNorm> windowNorms, NetworkSpec network, Engine engine,
                   List<String> known, int periods, boolean lags, boolean residual, boolean pad) {

    /** {@code window.seasonal_lags: auto} turns on when some season period is longer than this. */
    public static final int LAG_PERIOD = 32;
    /**
     * The most windows a plan with windows into the forecast period trains on (all series together): beyond it the
     * stride grows, so the cost of an epoch is bounded whatever the series' length.
     */
    public static final int AHEAD_WINDOWS = 2400;
    /** The longest lookback {@code window.timesteps: auto} gives with seasonal lags. */
    public static final int LAG_LOOKBACK = 24;

    public Plan {
        targets = List.copyOf(targets);
        features = List.copyOf(features);
        known = List.copyOf(known);
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
        int periods = 1;
        int longest = 1;
        for (TimeSeries s : series) {
            List<Integer> ps = seasons(cfg, s);
            periods = Math.max(periods, ps.size());
            for (int p : ps) {
                longest = Math.max(longest, p);
            }
        }
        List<String> known = cfg.data().known();
        boolean lags = cfg.window().seasonalLags().resolve(longest > LAG_PERIOD && !cfg.forecast().recursive()) && longest > 1;
        if (cfg.window().seasonalLags() == org.seqcast.config.AutoFlag.TRUE && longest == 1) {
            throw SeqcastException.config("window.seasonal_lags: true needs a season; set data.season (e.g. [24, 168] for hourly data) "
                    + "or window.seasonal_lags: auto");
        }
        boolean residual = lags && cfg.transform().residual().resolve(true);
        boolean ahead = lags || !known.isEmpty();
        if (ahead && cfg.forecast().shrink()) {
            throw SeqcastException.config("forecast.shrink scales changes from the last value, which a model with "
                    + (known.isEmpty() ? "seasonal lags" : "data.known") + " does not forecast; set forecast.shrink: false");
        }
        boolean seasonInputs = cfg.transform().seasonInputs() && series.stream().anyMatch(s -> season(cfg, s) > 1 || seasons(cfg, s).size() > 1);
        if (seasonInputs && periods > 1 && cfg.forecast().recursive()) {
            throw SeqcastException.config("forecast.strategy: recursive takes one season period, not data.season " + seasons(cfg, series.get(0))
                    + "; give one period or use forecast.strategy: direct");
        }
        int longestFinal = longest;
        boolean pad = series.size() > 1 && !ahead;
        int timesteps = cfg.window().timesteps().orElseGet(() -> {
            if (pad) {
                return globalTimesteps(cfg, series, horizon);
            }
            int t = Integer.MAX_VALUE;
            for (TimeSeries s : series) {
                t = Math.min(t, lags ? lagTimesteps(java.util.Collections.min(seasons(cfg, s)), horizon, s.length() - longestFinal)
                        : autoTimesteps(season(cfg, s), horizon, s.length()));
            }
            return t;
        });
        List<String> targets = cfg.data().target();
        List<String> features = cfg.data().features();
        int columns = targets.size() + features.size() + known.size() + (seasonInputs ? 2 * periods : 0);
        int inputs = columns + (ahead ? targets.size() * (lags ? periods : 0) + 1 : 0);
        int outputs = (cfg.forecast().recursive() ? 1 : horizon) * targets.size();
        NetworkSpec network = networkSpec(cfg, inputs, timesteps + (ahead ? horizon : 0), outputs, ahead);
        int stride = cfg.window().stride();
        if (ahead) {
            long windows = 0;
            for (TimeSeries s : series) {
                windows += Math.max(0, s.length() - (lags ? longestFinal : 0) - timesteps - horizon + 1);
            }
            stride = (int) Math.max(stride, (windows + AHEAD_WINDOWS - 1) / AHEAD_WINDOWS);
        }
        return new Plan(cfg, targets, features, horizon, timesteps, stride, seasonInputs, cfg.forecast().strategy(),
                cfg.transform().windowNorm().candidates(), network, NetworkFactory.resolve(cfg.training().engine()), known, periods, lags,
                residual, pad);
    }

    /**
     * The plan a global model was trained with, rebuilt from its file: the values its {@link org.seqcast.forecast.Recipe}
     * resolved over the training series, the kept window normalisation, the stored config, schema and network. What
     * {@link SavedModels} fits each series' preprocessor with; it never trains (the engine is nominal).
     */
    public static Plan of(org.seqcast.forecast.ModelBundle global) {
        org.seqcast.forecast.Recipe r = global.recipe();
        if (r == null) {
            throw new IllegalArgumentException("Invalid model: no recipe (not a global model)");
        }
        SeqcastConfig cfg = global.config();
        Schema s = global.schema();
        return new Plan(cfg, s.targets(), s.features(), s.horizon(), r.timesteps(), r.stride(), r.seasonInputs(), cfg.forecast().strategy(),
                List.of(r.windowNorm()), global.network(), Engine.FAST, s.known(), r.periods(), r.lags(), r.residual(), r.pad());
    }

    /** What a global model stores to fit any series as this plan fits its series, with the window normalisation kept. */
    public org.seqcast.forecast.Recipe recipe(WindowNorm kept) {
        return new org.seqcast.forecast.Recipe(timesteps, stride, seasonInputs, periods, lags, residual, pad, kept);
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

    /** The season of a series: the first period of {@code data.season}, or the default of its frequency. */
    public static int season(SeqcastConfig cfg, TimeSeries s) {
        return seasons(cfg, s).get(0);
    }

    /** The season periods of a series: {@code data.season}, or the defaults of its frequency (the first only for a recursive model). */
    public static List<Integer> seasons(SeqcastConfig cfg, TimeSeries s) {
        if (!cfg.data().autoSeason()) {
            return cfg.data().season();
        }
        List<Integer> d = s.frequency().defaultSeasons();
        return cfg.forecast().recursive() ? d.subList(0, 1) : d;
    }

    /** This plan's season for a series. */
    public int season(TimeSeries s) {
        return season(config, s);
    }

    /** This plan's season periods for a series, padded with its last to {@link #periods}. */
    public List<Integer> seasons(TimeSeries s) {
        List<Integer> own = new ArrayList<>(seasons(config, s));
        while (own.size() < periods) {
            own.add(own.get(own.size() - 1));
        }
        return List.copyOf(own);
    }

    /**
     * {@code forecast.combine} resolved: whether every point forecast is the mean of the network's and automatic ETS'
     * ({@code eval.Ets}). auto: yes, unless the windows reach into the forecast period ({@link #ahead}: known inputs or
     * seasonal lags, the hourly and finer data whose seasons ETS cannot model, where the combination is unmeasured).
     */
    public boolean combineEts() {
        return switch (config.forecast().combine()) {
            case ETS -> true;
            case NONE -> false;
            case AUTO -> !ahead();
        };
    }

    /** True when the network's windows reach into the forecast period (known columns or seasonal lags). */
    public boolean ahead() {
        return lags || !known.isEmpty();
    }

    /**
     * Lookback for {@code window.timesteps: auto} with seasonal lags: half the shortest period, at most
     * {@link #LAG_LOOKBACK} steps and at least 8, within what the rows after the lags' history allow.
     */
    public static int lagTimesteps(int shortest, int horizon, int rows) {
        int want = Math.max(8, Math.min(shortest / 2, LAG_LOOKBACK));
        int cap = Math.max(1, (rows - 3 * horizon) / 2);
        return Math.max(1, Math.min(want, cap));
    }

    /** Lookback for {@code window.timesteps: auto}: two seasons (or 2 x horizon, at least 8, without a season), within what the series allows. */
    public static int autoTimesteps(int season, int horizon, int rows) {
        int want = season > 1 ? 2 * season : Math.max(2 * horizon, 8);
        int cap = Math.max(1, (rows - 3 * horizon) / 2);
        return Math.max(1, Math.min(want, cap));
    }

    /** The network for a config: its LSTM layers, then a dense linear output. */
    public static NetworkSpec networkSpec(SeqcastConfig cfg, int inputs, int timesteps, int outputs) {
        return networkSpec(cfg, inputs, timesteps, outputs, false);
    }

    /** The network for a config, {@code ahead} when its windows reach into the forecast period (auto units differ). */
    public static NetworkSpec networkSpec(SeqcastConfig cfg, int inputs, int timesteps, int outputs, boolean ahead) {
        List<int[]> ub = new ArrayList<>();
        List<Double> dropouts = new ArrayList<>();
        for (LayerConfig l : cfg.model().layers()) {
            ub.add(new int[] {l.unitsFor(ahead), l.bidirectional() ? 1 : 0});
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
        List<Integer> seasons = seasonInputs || periods > 1 ? seasons(s) : List.of(season(s));
        return new Schema(s.timeColumn(), s.frequency().unit().name(), s.frequency().multiple(), targets, features, timesteps, horizon,
                season(s), seasonInputs, recursive(), seasons, known, lags ? seasons(s) : List.of(), ahead());
    }

    /** The value columns read from a series: targets, features, then the known columns. */
    public List<String> valueColumns() {
        List<String> c = new ArrayList<>(targets);
        c.addAll(features);
        c.addAll(known);
        return c;
    }

    /** The training loss: MAE over many series (every series' windows weigh alike, robust to wild ones), MSE over one. */
    public Loss loss() {
        return pad && !org.seqcast.config.DesignSwitches.mseLoss() ? Loss.MAE : Loss.MSE;
    }

    /** Series keep their own level only ({@link org.seqcast.transform.Preprocessor#fitLevels}) in a run over many series. */
    public boolean levelScaled() {
        return pad && !org.seqcast.config.DesignSwitches.seriesScale();
    }

    /**
     * Seasonal series are deseasonalised (classical multiplicative indices, as Theta does) before the network in a run
     * over many series with season inputs and a direct strategy.
     */
    public boolean deseasonalise() {
        return levelScaled() && seasonInputs && periods == 1 && !recursive() && !org.seqcast.config.DesignSwitches.noDeseason();
    }

    /** Windows are taken relative to their SES level (not their last value) in a run over many series with a direct strategy. */
    public boolean sesLevel() {
        return levelScaled() && !recursive() && org.seqcast.config.DesignSwitches.sesLevel();
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
        int rows = org.seqcast.config.DesignSwitches.historyRows();
        if (rows >= 0) {
            return rows == 0 ? Integer.MAX_VALUE : rows;
        }
        int m = season(s);
        return m > 1 ? 10 * m : 10 * (timesteps + horizon);
    }
}
