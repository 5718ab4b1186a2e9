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

    /** Draws when --plot was given; returns whether it did. */
    boolean draw(TimeSeries series, List<Forecast> forecasts, List<Integer> firstRows, int season) {
        if (plot == null) {
            return false;
        }
        ForecastPlot.write(plot, series, forecasts, firstRows, season);
        return true;
    }

    Path path() {
        return plot;
    }
}
