package org.seqcast.data;

import java.util.Locale;

/**
 * The regular spacing of a series: a unit and a multiple (every 30 minutes, monthly, every 2 steps).
 * Calendar units are counted in their own terms (months for MONTH, QUARTER and YEAR), so a monthly
 * series stays monthly across months of different lengths.
 */
public record Frequency(Unit unit, int multiple) {

    /** The unit of a frequency. */
    public enum Unit { MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, STEP, BUSINESS_DAY }

    public Frequency {
        if (multiple < 1) {
            throw new IllegalArgumentException("Invalid frequency multiple = " + multiple);
        }
    }

    /**
     * The first season period {@code data.season: auto} uses (the one that scales MASE): 12 monthly, 4 quarterly, 7 daily,
     * 5 business-daily, a day of hourly and 5- to 30-minute data (24 hourly, 48 half-hourly, 96 quarter-hourly), else 1.
     */
    public int defaultSeason() {
        return defaultSeasons().get(0);
    }

    /**
     * The season periods {@code data.season: auto} gives, shortest first: a day and a week for hourly (and 2-, 3-,
     * 4-, 6-, 8-, 12-hourly) data and for minute data that divides a day into 1,440 or fewer steps of 10 minutes or
     * more (5-minute data: the day only, since a week would be 2,016 steps); otherwise one period as before
     * ({@code [1]} when there is none).
     */
    public java.util.List<Integer> defaultSeasons() {
        long perDay = switch (unit) {
            case HOUR -> 24 % multiple == 0 ? 24 / multiple : 0;
            case MINUTE -> multiple >= 5 && 1440 % multiple == 0 ? 1440 / multiple : 0;
            default -> 0;
        };
        if (perDay > 1) {
            int day = (int) perDay;
            return multiple >= 10 || unit == Unit.HOUR ? java.util.List.of(day, 7 * day) : java.util.List.of(day);
        }
        return java.util.List.of(singleSeason());
    }

    private int singleSeason() {
        if (multiple == 1) {
            switch (unit) {
                case MONTH: return 12;
                case QUARTER: return 4;
                case DAY: return 7;
                case BUSINESS_DAY: return 5;
                case HOUR: return 24;
                default: return 1;
            }
        }
        return unit == Unit.MINUTE && multiple == 30 ? 48 : 1;
    }

    /**
     * The horizon {@code window.horizon: auto} uses: a day ahead for hourly and 15- to 30-minute data (an hour for
     * finer), 14 days, 10 business days, 13 weeks, 12 months, 8 quarters, 6 years, 12 integer steps.
     */
    public int defaultHorizon() {
        return switch (unit) {
            case MINUTE -> multiple >= 15 ? Math.max(1, 1440 / multiple) : Math.max(1, 60 / multiple);
            case HOUR -> Math.max(1, 24 / multiple);
            case DAY -> Math.max(1, (14 + multiple - 1) / multiple);
            case BUSINESS_DAY -> 10;
            case WEEK -> Math.max(1, 13 / multiple);
            case MONTH -> Math.max(1, 12 / multiple);
            case QUARTER -> 8;
            case YEAR -> 6;
            case STEP -> 12;
        };
    }

    /** "monthly", "quarterly", "every 30 minutes", "integer step", "every 2 steps", ... */
    public String describe() {
        if (multiple == 1) {
            return switch (unit) {
                case MINUTE -> "every minute";
                case HOUR -> "hourly";
                case DAY -> "daily";
                case WEEK -> "weekly";
                case MONTH -> "monthly";
                case QUARTER -> "quarterly";
                case YEAR -> "yearly";
                case STEP -> "integer step";
                case BUSINESS_DAY -> "business daily (Mon-Fri)";
            };
        }
        String u = switch (unit) {
            case MINUTE -> "minutes";
            case HOUR -> "hours";
            case DAY -> "days";
            case WEEK -> "weeks";
            case MONTH -> "months";
            case QUARTER -> "quarters";
            case YEAR -> "years";
            case STEP -> "steps";
            case BUSINESS_DAY -> "business days";
        };
        return String.format(Locale.ROOT, "every %d %s", multiple, u);
    }

    /** Singular/plural noun for counting missing periods in gap messages. */
    String noun(long n) {
        String one = switch (unit) {
            case MINUTE -> "minute";
            case HOUR -> "hour";
            case DAY -> "day";
            case WEEK -> "week";
            case MONTH -> "month";
            case QUARTER -> "quarter";
            case YEAR -> "year";
            case STEP -> "step";
            case BUSINESS_DAY -> "business day";
        };
        return n == 1 ? one : one + "s";
    }
}
