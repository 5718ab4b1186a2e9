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
import org.seqcast.store.ModelBundle;
import org.seqcast.store.ModelFile;
import org.seqcast.store.Provenance;
import org.seqcast.store.Schema;
import org.seqcast.train.TrainJob;
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
                        data, p, t0)));
                return ExitCode.OK.code();
            }
            printTable(b.network(), s.recursive() ? 1 : s.horizon(), s.targets().size());
            Provenance p = b.provenance();
            out().println();
            out().println("Provenance");
            out().printf(Locale.ROOT, "  data:        %s (%d rows, %s .. %s)%n", p.dataPath(), p.rows(), p.firstTime(), p.lastTime());
            out().printf(Locale.ROOT, "  data sha256: %s%n", p.dataSha256());
            out().printf(Locale.ROOT, "  columns:     time %s, targets %s, features %s%n", s.timeColumn(), s.targets(), s.features());
            out().printf(Locale.ROOT, "  frequency:   %s x%d, season %d%s%n", s.frequencyUnit().toLowerCase(Locale.ROOT), s.frequencyMultiple(), s.season(),
                    s.seasonInputs() ? " (sin/cos of its position as 2 inputs)" : "");
            out().printf(Locale.ROOT, "  seed:        %d, ensemble members %d%n", p.seed(), b.members().size());
            out().printf(Locale.ROOT, "  trained:     %s, best epoch %d of %d%n", p.trainedAt(), p.bestEpoch(), p.epochsRun());
            out().printf(Locale.ROOT, "  versions:    seqcast %s, DL4J %s, Java %s%n", p.seqcastVersion(), p.dl4jVersion(), p.javaVersion());
            for (Map.Entry<String, Double> e : new java.util.TreeMap<>(p.scores()).entrySet()) {
                out().printf(Locale.ROOT, "  %-24s %s%n", e.getKey() + ":", TrainCommand.num(e.getValue()));
            }
            return ExitCode.OK.code();
        }
        ConfigMixin cm = source.config;
        SeqcastConfig cfg = cm.load();
        if (cfg.data().target().isEmpty() && cfg.data().path() == null) {
            throw SeqcastException.config("data.target is not set; the output layer's size depends on it (set it in the config or with --set data.target=COLUMN)");
        }
        int timesteps = cfg.window().timesteps();
        int season = cfg.data().season();
        TimeSeries series = null;
        if (timesteps == 0 || cfg.window().autoHorizon() || cfg.data().target().isEmpty() || (season == 0 && cfg.transform().seasonInputs())) {
            SeriesLoading.Prepared prepared = SeriesLoading.prepare(cfg, cm, this::info);
            cfg = prepared.cfg();
            series = prepared.series();
            season = TrainJob.season(cfg, series);
            if (timesteps == 0) {
                timesteps = TrainJob.autoTimesteps(season, cfg.window().horizon(), series.length());
            }
        }
        int inputs = cfg.data().target().size() + cfg.data().features().size();
        if (cfg.transform().seasonInputs() && season > 1) {
            inputs += 2;
        }
        int steps = cfg.forecast().recursive() ? 1 : cfg.window().horizon(); // recursive: one step, rolled forward
        int outputs = steps * cfg.data().target().size();
        NetworkSpec net = TrainJob.networkSpec(cfg, inputs, timesteps, outputs);
        if (json) {
            JsonReports.DataSummary data = series == null ? null
                    : JsonReports.DataSummary.of(series, season, cfg.data().target(), cfg.data().features());
            out().println(Json.write(report(cm.configFile() == null ? "--set" : cm.configFile().toString(), net, steps,
                    cfg.data().target().size(), data, null, t0)));
            return ExitCode.OK.code();
        }
        printTable(net, steps, cfg.data().target().size());
        return ExitCode.OK.code();
    }

    private static JsonReports.SummaryReport report(String source, NetworkSpec spec, int horizon, int targets, JsonReports.DataSummary data,
                                                    Provenance p, long t0) {
        return new JsonReports.SummaryReport(source, JsonReports.layers(spec), spec.totalParams(),
                new JsonReports.Window(spec.timesteps(), spec.inputs(), spec.outputs(), horizon, targets), data, p, JsonReports.seconds(t0));
    }

    private void printTable(NetworkSpec spec, int horizon, int targets) {
        out().print(LayerSummary.table(spec));
        out().printf(Locale.ROOT, "Window: samples x %d timesteps x %d feature%s -> %d outputs (%d steps x %d target%s)%n",
                spec.timesteps(), spec.inputs(), spec.inputs() == 1 ? "" : "s", spec.outputs(), horizon, targets, targets == 1 ? "" : "s");
    }
}
