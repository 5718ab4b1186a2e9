package org.seqcast.train;

import java.time.LocalDateTime;
import java.util.Locale;

/** A synthetic half-hourly load series with a daily and a weekly shape and two inputs known in advance. */
public final class SeveralSeasonsTestData {
    private SeveralSeasonsTestData() {
    }

    /**
     * {@code rows} half-hours from Monday 2014-01-06 00:00 ({@code time,demand,temperature,holiday}): a daily shape, lower
     * weekends, plus 3 x temperature and -40 x holiday; then {@code future} more rows with the demand cell empty.
     */
    public static String csv(int rows, int future) {
        StringBuilder b = new StringBuilder("time,demand,temperature,holiday\n");
        LocalDateTime t0 = LocalDateTime.of(2014, 1, 6, 0, 0);
        for (int i = 0; i < rows + future; i++) {
            LocalDateTime t = t0.plusMinutes(30L * i);
            double temp = 20 + 8 * Math.sin(2 * Math.PI * (i % 48) / 48.0) + 3 * Math.sin(i / 97.0);
            int holiday = (i / 48) % 9 == 4 ? 1 : 0;
            boolean weekend = t.getDayOfWeek().getValue() >= 6;
            double demand = 500 + 60 * Math.sin(2 * Math.PI * (i % 48) / 48.0) - (weekend ? 50 : 0) + 3 * temp - 40 * holiday;
            b.append(String.format(Locale.ROOT, "%s,%s,%.2f,%d%n", t, i < rows ? String.format(Locale.ROOT, "%.3f", demand) : "", temp, holiday));
        }
        return b.toString();
    }
}
