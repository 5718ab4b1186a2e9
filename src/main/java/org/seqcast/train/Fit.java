package org.seqcast.train;

import java.util.List;
import org.seqcast.model.NetworkParams;

/**
 * What the fitter made: the parameters of each ensemble member (trained on the training windows, best
 * epoch restored), their loss curves, and how the arithmetic ran.
 *
 * @param kernel how the training steps ran: {@code FastNetwork} (seqcast's kernel, whole step),
 *               {@code FastLstm in DL4J fit} (seqcast's LSTM kernel inside DL4J's step) or {@code DL4J}
 */
public record Fit(List<NetworkParams> params, List<Trainer.Result> curves, String kernel) {
    public Fit {
        params = List.copyOf(params);
        curves = List.copyOf(curves);
        if (params.isEmpty() || params.size() != curves.size()) {
            throw new IllegalArgumentException("Invalid fit: " + params.size() + " members, " + curves.size() + " curves");
        }
    }

    /** The first member's curve: the one progress and loss plots show. */
    public Trainer.Result first() {
        return curves.get(0);
    }

    /** The same fit with other parameters (shrunk, or refit). */
    public Fit withParams(List<NetworkParams> p) {
        return new Fit(p, curves, kernel);
    }
}
