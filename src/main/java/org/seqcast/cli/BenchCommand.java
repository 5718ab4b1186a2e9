package org.seqcast.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seqcast.model.NetworkSpec;
import org.seqcast.train.ThroughputBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqcast bench}: training throughput of the real training path on random data. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time seqcast's training code path (same layers, loss, updater as 'train') on random data and",
                "print one line like bench/torch_lstm.py: 'seqcast hidden=.. timesteps=..: N samples/s'."})
public final class BenchCommand extends Subcommand {
    @Option(names = "--hidden", defaultValue = "64", description = "LSTM units per layer (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--timesteps", defaultValue = "30", description = "Window length (default ${DEFAULT-VALUE}).")
    int timesteps;

    @Option(names = "--features", defaultValue = "1", description = "Input features (default ${DEFAULT-VALUE}).")
    int features;

    @Option(names = "--layers", defaultValue = "2", description = "Stacked LSTM layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--horizon", defaultValue = "1", description = "Outputs of the linear layer (default ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--batch", defaultValue = "64", description = "Minibatch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seconds", defaultValue = "10", description = "Measured time (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--workers", defaultValue = "1",
            description = "Independent networks training at once, one thread each; prints machine throughput (default ${DEFAULT-VALUE}).")
    int workers;

    @Override
    protected int run() throws Exception {
        List<int[]> ub = new ArrayList<>();
        List<Double> drop = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            ub.add(new int[] {hidden, 0});
            drop.add(0.0);
        }
        NetworkSpec spec = NetworkSpec.of(features, timesteps, ub, drop, horizon);
        double sps = ThroughputBench.samplesPerSecond(spec, batch, seconds, workers, 1);
        int threads = common.threads != null ? common.threads : Integer.parseInt(System.getenv().getOrDefault("OMP_NUM_THREADS", "1"));
        out().printf(Locale.ROOT, "seqcast hidden=%d timesteps=%d features=%d layers=%d batch=%d threads=%d%s: %.1f samples/s%n",
                hidden, timesteps, features, layers, batch, threads, workers > 1 ? " workers=" + workers : "", sps);
        return ExitCode.OK.code();
    }
}
