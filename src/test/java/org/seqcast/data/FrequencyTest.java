package org.seqcast.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.seqcast.data.Frequency.Unit;

/** The season table and the descriptions. */
class FrequencyTest {
    @Test
    void defaultSeasonFollowsTheTable() {
        assertEquals(12, new Frequency(Unit.MONTH, 1).defaultSeason());
        assertEquals(4, new Frequency(Unit.QUARTER, 1).defaultSeason());
        assertEquals(7, new Frequency(Unit.DAY, 1).defaultSeason());
        assertEquals(24, new Frequency(Unit.HOUR, 1).defaultSeason());
        assertEquals(48, new Frequency(Unit.MINUTE, 30).defaultSeason());
        assertEquals(96, new Frequency(Unit.MINUTE, 15).defaultSeason(), "a day of quarter hours (then a week)");
        assertEquals(1, new Frequency(Unit.MINUTE, 1).defaultSeason());
        assertEquals(4, new Frequency(Unit.HOUR, 6).defaultSeason(), "a day of 6-hour steps (then a week)");
        assertEquals(1, new Frequency(Unit.DAY, 2).defaultSeason());
        assertEquals(1, new Frequency(Unit.WEEK, 1).defaultSeason());
        assertEquals(1, new Frequency(Unit.MONTH, 2).defaultSeason());
        assertEquals(1, new Frequency(Unit.YEAR, 1).defaultSeason());
        assertEquals(1, new Frequency(Unit.STEP, 1).defaultSeason());
    }

    @Test
    void describeNamesUnitAndMultiple() {
        assertEquals("monthly", new Frequency(Unit.MONTH, 1).describe());
        assertEquals("quarterly", new Frequency(Unit.QUARTER, 1).describe());
        assertEquals("integer step", new Frequency(Unit.STEP, 1).describe());
        assertEquals("every 30 minutes", new Frequency(Unit.MINUTE, 30).describe());
        assertEquals("every 2 steps", new Frequency(Unit.STEP, 2).describe());
    }

    @Test
    void nounIsSingularForOne() {
        assertEquals("month", new Frequency(Unit.MONTH, 1).noun(1));
        assertEquals("months", new Frequency(Unit.MONTH, 1).noun(2));
    }

    @Test
    void multipleMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Frequency(Unit.DAY, 0));
        assertEquals("Invalid frequency multiple = 0", e.getMessage());
    }
}
