package org.seqcast.cli;

import java.nio.file.Path;
import java.util.List;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;
import org.seqcast.plot.ForecastPlot;
import picocli.CommandLine.Option;

/** {@code --plot PNG}: a chart of the series and its forecast(s), shared by train, predict and backtest. */
public final class PlotMixin {
    @Option(names = "--plot", paramLabel = "PNG",
            description = "Also draw the history, the forecast and its intervals (actuals in a backtest) to this PNG (written atomically).")
    Path plot;

    @Option(names = "--plot-history", paramLabel = "N",
            description = "Rows of history drawn before the first forecast (default: max(4 x forecast span, 3 seasons, 48)).")
    Integer history;

    /** Draws when --plot was given; returns whether it did. */
    boolean draw(TimeSeries series, List<Forecast> forecasts, List<Integer> firstRows, int season) {
        if (plot == null) {
            return false;
        }
        if (history != null && history < 1) {
            throw org.seqcast.SeqcastException.config("--plot-history must be >= 1, got " + history);
        }
        ForecastPlot.write(plot, series, forecasts, firstRows, season, history == null ? 0 : history);
        return true;
    }

    Path path() {
        return plot;
    }
}
