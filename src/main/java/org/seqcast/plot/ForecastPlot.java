package org.seqcast.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.seqcast.data.TimeIndex;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;

/**
 * A series with one or more forecasts of it: the recent history as a line, each forecast as a line
 * from its origin with its interval levels as shaded bands, one panel per target. For a forecast of the
 * future, history is the whole input; for a backtest, the series runs past each origin, so the actual
 * values are drawn over the forecasts. Only the tail of a long series is drawn: the last
 * {@code max(4 x span, 3 x season, 48)} rows before the first forecast, where span is the rows the
 * forecasts cover, so the forecast is never a sliver at the edge of a decade of history.
 */
public final class ForecastPlot {
    private ForecastPlot() {
    }

    /**
     * @param series    the observed series (targets among its columns)
     * @param forecasts forecasts to draw
     * @param firstRows per forecast, the row of the series its first step stands for ({@code series.length()}
     *                  for a forecast of the future)
     * @param season    season length, for the tail to draw
     */
    public static void write(Path png, TimeSeries series, List<Forecast> forecasts, List<Integer> firstRows, int season) {
        write(png, series, forecasts, firstRows, season, 0);
    }

    /** Like {@link #write(Path, TimeSeries, List, List, int)} with {@code historyRows} rows of history (0: the default tail). */
    public static void write(Path png, TimeSeries series, List<Forecast> forecasts, List<Integer> firstRows, int season, int historyRows) {
        Charts.write(png, charts(series, forecasts, firstRows, season, historyRows));
    }

    /** The charts {@link #write} stacks into the PNG: one per target. */
    static List<XYChart> charts(TimeSeries series, List<Forecast> forecasts, List<Integer> firstRows, int season) {
        return charts(series, forecasts, firstRows, season, 0);
    }

    static List<XYChart> charts(TimeSeries series, List<Forecast> forecasts, List<Integer> firstRows, int season, int historyRows) {
        if (forecasts.isEmpty() || forecasts.size() != firstRows.size()) {
            throw new IllegalArgumentException("Invalid forecasts = " + forecasts.size() + " for " + firstRows.size() + " origins");
        }
        int first = Integer.MAX_VALUE;
        int end = 0;
        for (int f = 0; f < forecasts.size(); f++) {
            first = Math.min(first, firstRows.get(f));
            end = Math.max(end, firstRows.get(f) + forecasts.get(f).horizon());
        }
        int span = end - first;
        int tail = historyRows > 0 ? historyRows : Math.max(Math.max(4 * span, 3 * season), 48);
        int from = Math.max(0, first - tail);
        int to = Math.min(series.length(), end);
        TimeIndex index = series.index();
        List<XYChart> charts = new ArrayList<>();
        List<String> targets = forecasts.get(0).targets();
        for (int c = 0; c < targets.size(); c++) {
            String target = targets.get(c);
            XYChart chart = Charts.chart(title(series, forecasts, targets.size() == 1 ? "" : target + ", "), series.timeColumn(), target);
            CalendarAxis axis = index.isCalendar()
                    ? new CalendarAxis(index.epochMillis(index.positionAt(from)), index.epochMillis(index.positionAt(Math.max(from, end - 1))))
                    : null;
            if (axis != null) {
                // Calendar units on a numeric axis: the ticks fall on years, months, days or hours.
                chart.getStyler().setXAxisDecimalPattern("0.###");
                chart.getStyler().setxAxisTickLabelsFormattingFunction(axis::label);
            } else {
                chart.getStyler().setXAxisDecimalPattern("0"); // integer steps such as years: 1950, not 1,950
            }
            // Bands first (widest level first), so lines are drawn over them.
            for (int f = 0; f < forecasts.size(); f++) {
                Forecast fc = forecasts.get(f);
                List<Object> x = xs(index, axis, firstRows.get(f), fc.horizon());
                int n = fc.levels().size();
                for (int l = n - 1; l >= 0; l--) {
                    List<Object> px = new ArrayList<>(x);
                    List<Double> py = new ArrayList<>();
                    for (int st = 0; st < fc.horizon(); st++) {
                        py.add(fc.upper()[l][st][c]);
                    }
                    for (int st = fc.horizon() - 1; st >= 0; st--) {
                        px.add(x.get(st));
                        py.add(fc.lower()[l][st][c]);
                    }
                    XYSeries band = chart.addSeries(name(fc.levels().get(l) + "% interval", f, forecasts.size()), px, py);
                    band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                    band.setFillColor(Charts.band(l, n));
                    band.setLineColor(Charts.band(l, n));
                    band.setMarker(SeriesMarkers.NONE);
                    band.setShowInLegend(f == 0);
                }
            }
            double[] values = series.column(target);
            XYSeries hist = chart.addSeries("history", xs(index, axis, from, to - from), slice(values, from, to));
            hist.setLineColor(Charts.HISTORY);
            hist.setLineStyle(Charts.THIN);
            hist.setMarker(SeriesMarkers.NONE);
            if (to > first) {
                XYSeries held = chart.addSeries("actual (held out)", xs(index, axis, first, to - first), slice(values, first, to));
                held.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                held.setMarker(SeriesMarkers.CIRCLE);
                held.setMarkerColor(Charts.ACTUAL);
            }
            for (int f = 0; f < forecasts.size(); f++) {
                Forecast fc = forecasts.get(f);
                // The forecast line starts at the last observed value before its origin, so it joins the history.
                int origin = firstRows.get(f) - 1;
                List<Object> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                if (origin >= 0 && origin < values.length) {
                    x.add(xAt(index, axis, origin));
                    y.add(values[origin]);
                }
                x.addAll(xs(index, axis, firstRows.get(f), fc.horizon()));
                for (int st = 0; st < fc.horizon(); st++) {
                    y.add(fc.values()[st][c]);
                }
                XYSeries line = chart.addSeries(name("forecast", f, forecasts.size()), x, y);
                line.setLineColor(Charts.FORECAST);
                line.setLineStyle(Charts.THICK);
                line.setMarker(SeriesMarkers.NONE);
                line.setShowInLegend(f == 0);
            }
            charts.add(chart);
        }
        return charts;
    }

    private static String title(TimeSeries series, List<Forecast> forecasts, String target) {
        String src = series.source();
        int slash = Math.max(src.lastIndexOf('/'), src.lastIndexOf('\\'));
        String name = slash >= 0 ? src.substring(slash + 1) : src;
        return forecasts.size() == 1 ? name + ": " + target + forecasts.get(0).horizon() + "-step forecast"
                : name + ": " + target + forecasts.size() + " backtest forecasts of " + forecasts.get(0).horizon() + " steps";
    }

    private static String name(String base, int f, int n) {
        return n == 1 || f == 0 ? base : base + " " + (f + 1);
    }

    private static Object xAt(TimeIndex index, CalendarAxis axis, int row) {
        long p = index.positionAt(row);
        return axis != null ? axis.x(index.epochMillis(p)) : (double) p;
    }

    private static List<Object> xs(TimeIndex index, CalendarAxis axis, int from, int n) {
        List<Object> x = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            x.add(xAt(index, axis, from + i));
        }
        return x;
    }

    private static List<Double> slice(double[] v, int from, int to) {
        List<Double> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(v[i]);
        }
        return out;
    }
}
