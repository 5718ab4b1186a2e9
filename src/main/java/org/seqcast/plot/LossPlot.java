package org.seqcast.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.seqcast.train.Trainer;

/**
 * Training and validation loss per epoch (MSE in the network's scaled units, log axis) of the first
 * ensemble member, with the best epoch, whose parameters were kept, marked by a vertical line.
 */
public final class LossPlot {
    private LossPlot() {
    }

    public static void write(Path png, Trainer.Result curve, String title) {
        int n = curve.trainLoss().length;
        if (n == 0) {
            throw new IllegalArgumentException("Invalid loss curve: no epochs");
        }
        XYChart chart = Charts.chart(title, "epoch", "loss (MSE, scaled units)");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false); // labels between powers of ten: loss often spans less than one
        chart.getStyler().setXAxisDecimalPattern("0");
        List<Double> epochs = new ArrayList<>();
        List<Double> train = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int e = 0; e < n; e++) {
            epochs.add((double) (e + 1));
            train.add(positive(curve.trainLoss()[e]));
            val.add(positive(curve.validationLoss()[e]));
            lo = Math.min(lo, Math.min(train.get(e), val.get(e)));
            hi = Math.max(hi, Math.max(train.get(e), val.get(e)));
        }
        XYSeries t = chart.addSeries("training loss", epochs, train);
        t.setLineColor(Charts.FORECAST);
        t.setMarker(SeriesMarkers.NONE);
        XYSeries v = chart.addSeries("validation loss", epochs, val);
        v.setLineColor(Charts.VALIDATION);
        v.setMarker(SeriesMarkers.NONE);
        XYSeries best = chart.addSeries("best epoch " + curve.bestEpoch(), List.of((double) curve.bestEpoch(), (double) curve.bestEpoch()),
                List.of(lo, hi));
        best.setLineColor(Charts.HISTORY);
        best.setLineStyle(Charts.DASHED);
        best.setMarker(SeriesMarkers.NONE);
        Charts.write(png, List.of(chart));
    }

    private static double positive(double v) {
        return v > 1e-12 ? v : 1e-12; // a log axis cannot show 0
    }
}
