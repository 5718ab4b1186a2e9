package org.seqcast.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.seqcast.io.AtomicFiles;

/** Shared chart style and the atomic PNG writer. AWT runs headless: no display is ever needed. */
final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 1000;
    static final int HEIGHT = 450;
    static final Color HISTORY = new Color(40, 40, 40);
    static final Color FORECAST = new Color(31, 119, 180);
    static final Color ACTUAL = new Color(214, 39, 40);
    static final Color VALIDATION = new Color(255, 127, 14);
    static final BasicStroke THIN = new BasicStroke(1.2f);
    static final BasicStroke THICK = new BasicStroke(2.2f);
    static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private Charts() {
    }

    /**
     * An empty chart in the shared style. Dates are labelled in UTC (TimeIndex.epochMillis is UTC, so the
     * JVM's zone would shift month and day labels) and numbers in the root locale, as in the CSV output;
     * the legend sits below the plot, in one row, where it cannot hide data.
     */
    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        c.getStyler().setTimezone(TimeZone.getTimeZone("UTC"));
        c.getStyler().setLocale(Locale.ROOT);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        c.getStyler().setAntiAlias(true);
        c.getStyler().setMarkerSize(4);
        return c;
    }

    /** A fill colour for interval band {@code l} of {@code n} (widest level lightest). */
    static Color band(int l, int n) {
        int alpha = 40 + 50 * (n - 1 - l) / Math.max(1, n - 1);
        return new Color(FORECAST.getRed(), FORECAST.getGreen(), FORECAST.getBlue(), n == 1 ? 70 : alpha);
    }

    /** Writes the charts stacked vertically into one PNG, atomically. */
    static void write(Path png, List<XYChart> charts) {
        AtomicFiles.write(png, out -> {
            if (charts.size() == 1) {
                BitmapEncoder.saveBitmap(charts.get(0), out, BitmapEncoder.BitmapFormat.PNG);
            } else {
                BitmapEncoder.saveBitmap(charts, charts.size(), 1, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }
}
