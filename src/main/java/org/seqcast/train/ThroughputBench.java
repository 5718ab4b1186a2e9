package org.seqcast.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.seqcast.model.NetworkFactory;
import org.seqcast.model.NetworkSpec;
import org.seqcast.window.WindowSpec;
import org.seqcast.window.Windows;

/**
 * Training throughput of the exact code path {@code seqcast train} uses (network from
 * {@link NetworkFactory}, minibatches through {@link Trainer#epoch}), on seeded random windows.
 */
public final class ThroughputBench {
    private ThroughputBench() {
    }

    /**
     * @param workers independent networks training at once, one thread each; the result is the
     *                machine throughput (all workers' samples per second)
     */
    public static double samplesPerSecond(NetworkSpec spec, int batch, double seconds, int workers, long seed) throws Exception {
        if (workers == 1) {
            return run(spec, batch, seconds, seed);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Double>> fs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                long s = seed + w;
                Callable<Double> c = () -> run(spec, batch, seconds, s);
                fs.add(pool.submit(c));
            }
            double total = 0;
            for (Future<Double> f : fs) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    static double run(NetworkSpec spec, int batch, double seconds, long seed) {
        int batches = 4;
        int n = batch * batches;
        int t = spec.timesteps();
        int h = spec.outputs();
        Random rnd = new Random(seed);
        int rows = t + h + n - 1;
        double[][] inputs = new double[spec.inputs()][rows];
        for (double[] col : inputs) {
            for (int i = 0; i < rows; i++) {
                col[i] = rnd.nextGaussian();
            }
        }
        Windows w = Windows.cut(inputs, new double[][] {inputs[0]}, new WindowSpec(t, h, 1), 0, n);
        MultiLayerNetwork net = NetworkFactory.build(spec, 1e-3, seed);
        Trainer trainer = new Trainer(net, w, Windows.cut(inputs, new double[][] {inputs[0]}, new WindowSpec(t, h, 1), 0, 0));
        Random shuffle = new Random(seed);
        trainer.epoch(batch, shuffle); // warm-up: JIT, workspaces
        trainer.epoch(batch, shuffle);
        long samples = 0;
        long t0 = System.nanoTime();
        long limit = (long) (seconds * 1e9);
        while (System.nanoTime() - t0 < limit) {
            trainer.epoch(batch, shuffle);
            samples += n;
        }
        return samples / ((System.nanoTime() - t0) / 1e9);
    }
}
