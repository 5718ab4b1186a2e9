package org.seqcast.store;

import java.util.Map;

/**
 * Where a model came from (Tribuo style): the training data's hash, size and time range, the seed,
 * the software versions and when it was trained, plus the headline validation scores.
 */
public record Provenance(String dataPath, String dataSha256, int rows, String firstTime, String lastTime, long seed,
                         String seqcastVersion, String dl4jVersion, String javaVersion, String trainedAt,
                         int bestEpoch, int epochsRun, Map<String, Double> scores) {
    public Provenance {
        scores = Map.copyOf(scores);
    }
}
