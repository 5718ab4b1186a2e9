package org.seqcast.forecast;

import java.util.List;

/**
 * The data a model trained across many series learnt from, as a whole: how many series and rows, a digest of the series
 * ids (SHA-256 of the ids in training order, one per line), and the ids themselves when there are at most
 * {@link #MAX_IDS} of them (null beyond: the digest still identifies the set).
 */
public record TrainingSet(int series, long rows, String idsSha256, List<String> ids) {
    /** The most ids a model file lists; a larger training set keeps the digest only. */
    public static final int MAX_IDS = 10_000;

    public TrainingSet {
        ids = ids == null ? null : List.copyOf(ids);
        if (series < 1 || rows < 0 || (ids != null && ids.size() != series)) {
            throw new IllegalArgumentException("Invalid training set: " + series + " series, " + rows + " rows, "
                    + (ids == null ? "no" : ids.size()) + " ids");
        }
    }

    /** The training set of these series ids (in training order) and total rows. */
    public static TrainingSet of(List<String> ids, long rows) {
        StringBuilder all = new StringBuilder();
        for (String id : ids) {
            all.append(id).append('\n');
        }
        return new TrainingSet(ids.size(), rows, sha256(all.toString()), ids.size() <= MAX_IDS ? ids : null);
    }

    /** SHA-256 (hex) of the UTF-8 bytes of a text. */
    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
