package org.seqcast.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seqcast.SeqcastException;

class ShardTest {

    @Test
    void theShardsOfNPartitionTheIdsExactly() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add("store-" + i);
        }
        ids.add("");
        ids.add("Zürich/ä €");
        for (int n = 1; n <= 7; n++) {
            Set<String> seen = new HashSet<>();
            int smallest = Integer.MAX_VALUE;
            for (int k = 0; k < n; k++) {
                Shard s = new Shard(k, n);
                int count = 0;
                for (String id : ids) {
                    if (s.takes(id)) {
                        assertTrue(seen.add(id), id + " taken twice with n = " + n);
                        count++;
                    }
                }
                smallest = Math.min(smallest, count);
            }
            assertEquals(new HashSet<>(ids), seen, "n = " + n);
            assertTrue(smallest > ids.size() / n / 2, "unbalanced shards for n = " + n + ": smallest " + smallest);
        }
    }

    @Test
    void theAssignmentIsPinned() {
        // SHA-256 based, so the same on every machine and Java version; these values must never change.
        assertEquals(List.of(3, 0, 0, 0), List.of(Shard.of("DAX", 4), Shard.of("SMI", 4), Shard.of("CAC", 4), Shard.of("FTSE", 4)));
        assertEquals(0, Shard.of("anything", 1));
    }

    @Test
    void parsesKOverNAndRefusesTheRest() {
        assertEquals(new Shard(2, 8), Shard.parse(" 2/8 "));
        assertEquals("2/8", Shard.parse("2/8").toString());
        for (String bad : List.of("8/8", "-1/4", "1/0", "1", "a/4", "1/2/3", "")) {
            SeqcastException e = assertThrows(SeqcastException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("--shard"), e.getMessage());
            assertEquals(SeqcastException.Kind.CONFIG, e.kind());
        }
    }
}
