package org.seqcast.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.seqcast.SeqcastException;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.io.Json;
import org.seqcast.model.LayerSummary;
import org.seqcast.model.NetworkSpec;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.store.ModelFile;
import org.seqcast.forecast.Provenance;
import org.seqcast.forecast.Schema;
import org.seqcast.train.Plan;
import org.seqcast.eval.Scores;
import org.seqcast.forecast.Method;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqcast summary}: the layer table (Keras style) and window shape of a config or a saved model. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Print the network's layers, output shapes and parameter counts, and the window shape,",
                "for a config (-c/--set) or a saved model (-m, which also prints its provenance)."})
public final class SummaryCommand extends Subcommand {
    static final class Source {
        @ArgGroup(exclusive = false)
        ConfigMixin config;

        @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "A saved model file.")
        Path model;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--json", description = "Print the layers, window, data summary and provenance as JSON on stdout.")
    boolean json;

    @Override
    protected int run() {
        long t0 = System.nanoTime();
        if (source.model != null) {
            ModelBundle b = ModelFile.read(source.model);
            Schema s = b.schema();
            if (json) {
                Provenance p = b.provenance();
                String freq = new org.seqcast.data.Frequency(org.seqcast.data.Frequency.Unit.valueOf(s.frequencyUnit()), s.frequencyMultiple())
                        .describe();
                JsonReports.DataSummary data = new JsonReports.DataSummary(p.dataPath(), p.rows(), freq, s.season(), p.firstTime(),
                        p.lastTime(), s.targets(), s.features());
                out().println(Json.write(report(source.model.toString(), b.network(), s.recursive() ? 1 : s.horizon(), s.targets().size(),
                        data, p, t0, b.kind(), b.recipe())));
                return ExitCode.OK.code();
            }
            Provenance p = b.provenance();
            if (b.kind() == ModelBundle.Kind.CLASSICAL) {
                out().printf(Locale.ROOT, "Classical model: the %s method, refitted on the history it is given (no network)%n  why: %s%n",
                        t(p.method().label()), t(p.reason()));
            } else {
                printTable(b.network(), s.recursive() ? 1 : s.horizon(), s.targets().size());
            }
            if (b.kind() == ModelBundle.Kind.GLOBAL) {
                out().printf(Locale.ROOT, "Global model: one network over %d series; each series' preprocessor is fitted from its own history "
                        + "(lookback %d, %s%s)%n", p.series(), b.recipe().timesteps(), t(b.recipe().windowNorm().describe()),
                        b.recipe().pad() ? ", short series padded" : "");
            }
            out().println();
            out().println("Provenance");
            // every text from the file is escaped: a model file must not be able to send terminal escape sequences
            out().printf(Locale.ROOT, "  data:        %s (%d rows, %s .. %s)%n", t(p.dataPath()), p.rows(), t(p.firstTime()), t(p.lastTime()));
            out().printf(Locale.ROOT, "  data sha256: %s%n", t(p.dataSha256()));
            out().printf(Locale.ROOT, "  columns:     time %s, targets %s, features %s%n", t(s.timeColumn()), t(s.targets()), t(s.features()));
            out().printf(Locale.ROOT, "  frequency:   %s x%d, season %d%s%n", t(s.frequencyUnit().toLowerCase(Locale.ROOT)), s.frequencyMultiple(),
                    s.season(), (s.seasons().size() > 1 ? " (periods " + s.seasons() + ")" : "")
                            + (s.seasonInputs() ? " (sin/cos of its position as " + 2 * s.seasons().size() + " inputs)" : ""));
            if (s.ahead()) {
                out().printf(Locale.ROOT, "  ahead:       windows of %d rows and the %d forecast rows; seasonal lags %s, known %s%n", s.timesteps(),
                        s.horizon(), s.lags(), t(s.known()));
            }
            out().printf(Locale.ROOT, "  seed:        %d, ensemble members %d%n", p.seed(), b.members().size());
            out().printf(Locale.ROOT, "  trained:     %s, best epoch %d of %d%n", t(p.trainedAt()), p.bestEpoch(), p.epochsRun());
            out().printf(Locale.ROOT, "  versions:    seqcast %s, DL4J %s, Java %s%n", t(p.seqcastVersion()), t(p.dl4jVersion()), t(p.javaVersion()));
            out().printf(Locale.ROOT, "  engine:      %s (%s), trained on %d series%n", t(p.engine()), t(p.kernel()), p.series());
            out().printf(Locale.ROOT, "  machine:     %s; %s%n", t(p.cpu()), t(p.blas()));
            out().printf(Locale.ROOT, "  forecast:    %s%n", p.combinesEts()
                    ? "the mean of the network's and automatic exponential smoothing's (forecast.combine: ets)" : "the network's");
            if (p.training() != null) {
                out().printf(Locale.ROOT, "  training:    %d series, %d rows, ids sha256 %s%n", p.training().series(), p.training().rows(),
                        t(p.training().idsSha256()));
            }
            String mean = p.training() != null ? " (mean over series)" : "";
            for (Map.Entry<Method, Scores> e : p.validation().entrySet()) {
                out().printf(Locale.ROOT, "  %-24s %s%s%n", "validation MAE " + t(e.getKey().key()) + ":", Reports.num(e.getValue().mae()), mean);
            }
            return ExitCode.OK.code();
        }
        ConfigMixin cm = source.config;
        SeqcastConfig cfg = cm.load();
        if (cfg.data().target().isEmpty() && cfg.data().path() == null) {
            throw SeqcastException.config("data.target is not set; the output layer's size depends on it (set it in the config or with --set data.target=COLUMN)");
        }
        TimeSeries series = null;
        NetworkSpec net;
        int season;
        if (cfg.window().timesteps().isEmpty() || cfg.window().autoHorizon() || cfg.data().target().isEmpty()
                || (cfg.data().season().isEmpty() && cfg.transform().seasonInputs()) || cfg.data().season().size() > 1
                || !cfg.data().known().isEmpty() || cfg.data().firstSeason().orElse(1) > Plan.LAG_PERIOD) {
            // What the plan resolves from the data: the columns, the horizon, the lookback and the season inputs.
            SeriesLoading.Prepared prepared = SeriesLoading.prepare(cfg, cm, this::info);
            cfg = prepared.cfg();
            series = prepared.series();
            Plan plan = Plan.of(cfg, List.of(series));
            net = plan.network();
            season = plan.season(series);
        } else {
            season = cfg.data().firstSeason().orElse(1); // known here whenever season inputs are on
            int inputs = cfg.data().target().size() + cfg.data().features().size() + (cfg.transform().seasonInputs() && season > 1 ? 2 : 0);
            int outputs = (cfg.forecast().recursive() ? 1 : cfg.window().horizonSteps()) * cfg.data().target().size();
            net = Plan.networkSpec(cfg, inputs, cfg.window().timesteps().getAsInt(), outputs);
        }
        int steps = cfg.forecast().recursive() ? 1 : cfg.window().horizonSteps(); // recursive: one step, rolled forward
        if (json) {
            JsonReports.DataSummary data = series == null ? null
                    : JsonReports.DataSummary.of(series, season, cfg.data().target(), cfg.data().features());
            out().println(Json.write(report(cm.configFile() == null ? "--set" : cm.configFile().toString(), net, steps,
                    cfg.data().target().size(), data, null, t0, null, null)));
            return ExitCode.OK.code();
        }
        printTable(net, steps, cfg.data().target().size());
        return ExitCode.OK.code();
    }

    private static String t(Object text) {
        return Text.printable(String.valueOf(text));
    }

    private static JsonReports.SummaryReport report(String source, NetworkSpec spec, int horizon, int targets, JsonReports.DataSummary data,
                                                    Provenance p, long t0, ModelBundle.Kind kind, org.seqcast.forecast.Recipe recipe) {
        String k = kind == null ? null : kind.name().toLowerCase(Locale.ROOT);
        if (spec == null) { // a classical model: no network
            return new JsonReports.SummaryReport(source, List.of(), 0, null, data, p, JsonReports.seconds(t0), k, null);
        }
        return new JsonReports.SummaryReport(source, JsonReports.layers(spec), spec.totalParams(),
                new JsonReports.Window(spec.timesteps(), spec.inputs(), spec.outputs(), horizon, targets), data, p, JsonReports.seconds(t0), k,
                recipe);
    }

    private void printTable(NetworkSpec spec, int horizon, int targets) {
        out().print(LayerSummary.table(spec));
        out().printf(Locale.ROOT, "Window: samples x %d timesteps x %d feature%s -> %d outputs (%d steps x %d target%s)%n",
                spec.timesteps(), spec.inputs(), spec.inputs() == 1 ? "" : "s", spec.outputs(), horizon, targets, targets == 1 ? "" : "s");
    }
}
