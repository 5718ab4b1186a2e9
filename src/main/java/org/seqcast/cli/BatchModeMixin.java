package org.seqcast.cli;

import org.seqcast.SeqcastException;
import picocli.CommandLine.Option;

/**
 * What a batch run does with each series, shared by {@code seqcast batch} and the Spark job
 * ({@code org.seqcast.spark.SparkBatch}) so that both declare, describe and check the same options: train per series
 * (the default) or one network over all ({@code --global}), apply saved models ({@code --models}), score a holdout
 * ({@code --evaluate}), save the models, resume.
 */
public final class BatchModeMixin {
    @Option(names = "--evaluate", description = "Also score a model trained without the last window.horizon rows on those rows,"
            + " beside naive and seasonal naive (trains twice).")
    boolean evaluate;

    @Option(names = "--models", paramLabel = "DIR|FILE", description = "Apply the saved models DIR/<series>.seqcast instead of training;"
            + " or one model FILE (e.g. OUT/global.seqcast of --global --save-models) to every series.")
    String models;

    @Option(names = "--save-models", description = "Save each series' model as OUT/models/<series>.seqcast; with --global the one"
            + " model as OUT/global.seqcast.")
    boolean saveModels;

    @Option(names = "--global", description = "Train one network on the windows of all series (each scaled by its own level)"
            + " and forecast each with it.")
    boolean global;

    @Option(names = "--resume", description = "Skip the series whose results in the output directory are complete"
            + " (same config and mode required).")
    boolean resume;

    public boolean evaluate() {
        return evaluate;
    }

    /** The directory of saved models to apply, or null to train. */
    public String models() {
        return models;
    }

    public boolean saveModels() {
        return saveModels;
    }

    public boolean global() {
        return global;
    }

    public boolean resume() {
        return resume;
    }

    /** Refuses combinations that cannot mean anything (a config error naming the options). */
    public void check() {
        if (models != null && (global || evaluate || saveModels)) {
            throw SeqcastException.config("--models applies saved models without training; it cannot be combined with "
                    + (global ? "--global" : evaluate ? "--evaluate" : "--save-models"));
        }
        if (global && resume) {
            throw SeqcastException.config("--resume skips finished series, but --global trains one network on all of them; "
                    + "run --global again without --resume");
        }
    }
}
