package org.seqcast.train;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.seqcast.Parallel;
import org.seqcast.model.NetworkFactory;
import org.seqcast.model.NetworkParams;
import org.seqcast.window.Windows;

/**
 * Stage 3 of training: the ensemble fitted on the windows of one or many prepared series. Each member is
 * a network of the plan's shape with its own seed (seed + 1,000,003 x member), trained with early stopping
 * on the validation windows (best epoch restored); members train in parallel on up to {@code workers}
 * threads, one thread each, and the result does not depend on the number of threads. {@link #refit} trains
 * fresh members on every window for the epoch count each member's early stopping chose.
 */
public final class Fitter {
    private final Plan plan;
    private final int workers;

    /** @param workers threads for ensemble members (1 = one after another) */
    public Fitter(Plan plan, int workers) {
        this.plan = plan;
        this.workers = Math.max(1, workers);
    }

    /** Trains the members on the training windows of {@code prepared}, early stopping on their validation windows. */
    public Fit fit(List<PreparedSeries> prepared, ProgressSink progress) {
        Windows train = Windows.concat(prepared.stream().map(PreparedSeries::train).toList());
        Windows val = Windows.concat(prepared.stream().map(PreparedSeries::validation).toList());
        var t = plan.config().training();
        List<Trainer.Options> options = new ArrayList<>();
        for (int m = 0; m < t.ensemble(); m++) {
            options.add(new Trainer.Options(t.epochs(), t.batchSize(), t.patience(), seed(m)));
        }
        return train(train, val, options, progress);
    }

    /**
     * Fresh members trained on every window of {@code prepared} (validation included) for the epochs each
     * member's early stopping chose (at least one), no early stopping.
     */
    public Fit refit(List<PreparedSeries> prepared, Fit chosen, ProgressSink progress) {
        Windows all = Windows.concat(prepared.stream().map(p -> p.all(plan)).toList());
        var t = plan.config().training();
        List<Trainer.Options> options = new ArrayList<>();
        for (int m = 0; m < chosen.curves().size(); m++) {
            options.add(new Trainer.Options(Math.max(1, chosen.curves().get(m).bestEpoch()), t.batchSize(), 0, seed(m)));
        }
        Fit refit = train(all, null, options, progress.phase("refit")); // its own bar or lines, labelled refit
        return new Fit(refit.params(), chosen.curves(), refit.kernel());
    }

    /** The windows a refit trains on, summed over the series. */
    public int refitWindows(List<PreparedSeries> prepared) {
        int n = 0;
        for (PreparedSeries p : prepared) {
            n += p.all(plan).size();
        }
        return n;
    }

    private long seed(int member) {
        return plan.config().training().seed() + 1_000_003L * member;
    }

    private record Member(NetworkParams params, Trainer.Result result, String kernel) {
    }

    private Fit train(Windows train, Windows val, List<Trainer.Options> options, ProgressSink progress) {
        List<Integer> members = java.util.stream.IntStream.range(0, options.size()).boxed().toList();
        List<Member> done = Parallel.map(members, workers, "seqcast-member",
                m -> one(train, val, options.get(m), m == 0 ? progress : progress.member(m + 1)));
        return new Fit(done.stream().map(Member::params).toList(), done.stream().map(Member::result).toList(), done.get(0).kernel());
    }

    private Member one(Windows train, Windows val, Trainer.Options o, ProgressSink progress) {
        MultiLayerNetwork net = NetworkFactory.build(plan.network(), plan.config().training().learningRateFor(plan.ahead()), o.seed(), plan.engine(),
                plan.loss());
        Trainer trainer = new Trainer(net, train, val, plan.engine());
        Trainer.Result r = trainer.fit(o, progress);
        return new Member(NetworkParams.of(net), r, trainer.kernel());
    }
}
