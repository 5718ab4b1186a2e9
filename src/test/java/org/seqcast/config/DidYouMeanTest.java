package org.seqcast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> TRAINING = List.of("epochs", "batch_size", "learning_rate", "validation", "patience",
            "seed", "ensemble");

    @Test
    void suggestsTyposSwapsAndOtherSpellings() {
        assertEquals(Optional.of("epochs"), DidYouMean.suggest("epoch", TRAINING));
        assertEquals(Optional.of("patience"), DidYouMean.suggest("pateince", TRAINING));
        assertEquals(Optional.of("batch_size"), DidYouMean.suggest("batchSize", TRAINING));
        assertEquals(Optional.of("learning_rate"), DidYouMean.suggest("learning-rate", TRAINING));
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertEquals(Optional.empty(), DidYouMean.suggest("lr", TRAINING));
        assertEquals(Optional.empty(), DidYouMean.suggest("optimizer", TRAINING));
    }

    @Test
    void distanceCountsAdjacentSwapAsOne() {
        assertEquals(1, DidYouMean.distance("ab", "ba"));
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
        assertEquals(0, DidYouMean.distance("", ""));
    }
}
