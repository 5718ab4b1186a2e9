package org.seqcast.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.series.Series;
import org.seqcast.SeqcastException;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.config.MissingPolicy;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;
import org.seqcast.train.Trainer;

class PlotTest {
    @TempDir
    Path dir;

    private static final TimeSeries AIR = CsvSeriesReader.read("data/airpassengers.csv", "month", List.of("passengers"), MissingPolicy.ERROR);

    /** A 12-step forecast continuing the series at 500 with 80% and 95% bands of +-40 and +-80. */
    private static Forecast forecast(List<String> times) {
        int h = times.size();
        double[][] v = new double[h][1];
        double[][][] lo = new double[2][h][1];
        double[][][] hi = new double[2][h][1];
        for (int s = 0; s < h; s++) {
            v[s][0] = 500;
            lo[0][s][0] = 460;
            hi[0][s][0] = 540;
            lo[1][s][0] = 420;
            hi[1][s][0] = 580;
        }
        return new Forecast("month", times, List.of("passengers"), v, List.of(80, 95), lo, hi);
    }

    @Test
    void forecastPlotDrawsHistoryLineAndShadedBands() throws IOException {
        Path png = dir.resolve("fc.png");
        ForecastPlot.write(png, AIR, List.of(forecast(AIR.futureTimes(12))), List.of(AIR.length()), 12);
        BufferedImage img = Pixels.read(png, 1);
        // The bands (translucent blue over white) cover a visible area; the history line is near-black.
        assertTrue(Pixels.count(img, Pixels::blue) > 2000, "band and forecast pixels");
        assertTrue(Pixels.count(img, Pixels::dark) > 300, "history line pixels");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList(), "no temp file left behind");
        }
    }

    @Test
    void backtestPlotMarksTheHeldOutActualsInRed() throws IOException {
        Path png = dir.resolve("bt.png");
        int n = AIR.length();
        TimeSeries head = AIR.slice(0, n - 12);
        ForecastPlot.write(png, AIR, List.of(forecast(head.futureTimes(12))), List.of(n - 12), 12);
        int red = Pixels.count(Pixels.read(png, 1), Pixels::red);
        assertTrue(red > 50, "held-out actual markers: " + red + " red pixels");
        Path future = dir.resolve("future.png");
        ForecastPlot.write(future, AIR, List.of(forecast(AIR.futureTimes(12))), List.of(n), 12);
        int none = Pixels.count(Pixels.read(future, 1), Pixels::red);
        assertTrue(none < red / 5, "a forecast of the future has no held-out markers: " + none);
    }

    @Test
    void lossPlotRendersBothCurves() throws IOException {
        Path png = dir.resolve("loss.png");
        Trainer.Result r = new Trainer.Result(3, 5, 0.1, new double[] {1, 0.5, 0.2, 0.1, 0.05}, new double[] {1.2, 0.6, 0.1, 0.15, 0.2});
        LossPlot.write(png, r, "loss");
        BufferedImage img = Pixels.read(png, 1);
        assertTrue(Pixels.count(img, Pixels::orange) > 100, "orange validation curve");
        assertTrue(Pixels.count(img, Pixels::dark) > 100, "best-epoch marker and axes");
    }

    @Test
    void unwritablePathIsAnIoErrorAndLeavesNothing() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        Path png = blocker.resolve("sub.png"); // a directory that is a file
        SeqcastException e = assertThrows(SeqcastException.class,
                () -> ForecastPlot.write(png, AIR, List.of(forecast(AIR.futureTimes(12))), List.of(AIR.length()), 12));
        assertEquals(SeqcastException.Kind.IO, e.kind());
        assertTrue(e.getMessage().contains("sub.png"), e.getMessage());
        assertFalse(Files.exists(png));
    }

    @Test
    void integerTimeIndexesPlotOnANumericAxis() throws IOException {
        Path csv = dir.resolve("int.csv");
        StringBuilder sb = new StringBuilder("year,v\n");
        for (int y = 1900; y < 1960; y++) {
            sb.append(y).append(',').append(Math.sin(y / 3.0) * 10 + 50).append('\n');
        }
        Files.writeString(csv, sb.toString());
        TimeSeries s = CsvSeriesReader.read(csv.toString(), "year", List.of("v"), MissingPolicy.ERROR);
        Path png = dir.resolve("int.png");
        Forecast f = new Forecast("year", s.futureTimes(3), List.of("v"), new double[][] {{50}, {51}, {52}}, List.of(), new double[0][][],
                new double[0][][]);
        ForecastPlot.write(png, s, List.of(f), List.of(s.length()), 1);
        Pixels.read(png, 1);
        XYChart chart = ForecastPlot.charts(s, List.of(f), List.of(s.length()), 1).get(0);
        assertEquals("0", chart.getStyler().getXAxisDecimalPattern(), "years label as 1950, not 1,950");
        assertEquals(Series.DataType.Number, chart.getSeriesMap().get("history").getxAxisDataType());
        double[] x = chart.getSeriesMap().get("history").getXData();
        assertEquals(48, x.length, "the default tail of 48 rows");
        assertEquals(1959.0, x[47], "the step itself is the x value");
    }

    @Test
    void datesAreLabelledInUtcWhateverTheJvmZoneAndLocale() {
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            // Month starts are UTC midnights: in New York's zone they would print as the previous month.
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            Locale.setDefault(Locale.GERMANY);
            XYChart chart = ForecastPlot.charts(AIR, List.of(forecast(AIR.futureTimes(12))), List.of(AIR.length()), 12).get(0);
            assertEquals("UTC", chart.getStyler().getTimezone().getID());
            assertEquals(Locale.ROOT, chart.getStyler().getLocale());
            // Calendar-aligned ticks: x in years for this 5-year span, whole years labelled, other ticks blank.
            assertEquals(Series.DataType.Number, chart.getSeriesMap().get("history").getxAxisDataType());
            assertEquals("1960", chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(1960.0));
            assertEquals("", chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(1960.5));
            double[] x = chart.getSeriesMap().get("history").getXData();
            assertEquals(1960 + 335.0 / 366, x[x.length - 1], 1e-9, "last history point: 1960-12-01 00:00 UTC");
            assertEquals(1957.0, x[0], 1e-9, "first history point: 1957-01-01 00:00 UTC");
            // The default tail: max(4 x 12, 3 x 12, 48) = 48 months before the forecast.
            assertEquals(48, x.length);
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void severalTargetsStackOnePanelEach() throws IOException {
        Path csv = dir.resolve("two.csv");
        StringBuilder sb = new StringBuilder("month,a,b\n");
        for (int m = 0; m < 60; m++) {
            sb.append(String.format(Locale.ROOT, "%d-%02d,%f,%f%n", 2000 + m / 12, m % 12 + 1, 100 + 10 * Math.sin(m / 2.0), 5 + m * 0.1));
        }
        Files.writeString(csv, sb.toString());
        TimeSeries s = CsvSeriesReader.read(csv.toString(), "month", List.of("a", "b"), MissingPolicy.ERROR);
        int h = 6;
        double[][] v = new double[h][2];
        double[][][] lo = new double[1][h][2];
        double[][][] hi = new double[1][h][2];
        for (int st = 0; st < h; st++) {
            v[st] = new double[] {100, 11};
            lo[0][st] = new double[] {85, 10};
            hi[0][st] = new double[] {115, 12};
        }
        Forecast f = new Forecast("month", s.futureTimes(h), List.of("a", "b"), v, List.of(80), lo, hi);
        Path png = dir.resolve("two.png");
        ForecastPlot.write(png, s, List.of(f), List.of(s.length()), 12);
        BufferedImage img = Pixels.read(png, 2);
        assertTrue(Pixels.count(img, 0, Charts.HEIGHT, Pixels::blue) > 1000, "band in the first panel");
        assertTrue(Pixels.count(img, Charts.HEIGHT, 2 * Charts.HEIGHT, Pixels::blue) > 1000, "band in the second panel");
        List<XYChart> charts = ForecastPlot.charts(s, List.of(f), List.of(s.length()), 12);
        assertEquals("two.csv: a, 6-step forecast", charts.get(0).getTitle());
        assertEquals("two.csv: b, 6-step forecast", charts.get(1).getTitle());
        assertEquals("b", charts.get(1).getYAxisTitle());
    }

    @Test
    void plotHistoryChoosesHowManyRowsOfHistoryAreDrawn() {
        XYChart chart = ForecastPlot.charts(AIR, List.of(forecast(AIR.futureTimes(12))), List.of(AIR.length()), 12, 10).get(0);
        assertEquals(10, chart.getSeriesMap().get("history").getXData().length);
        XYChart all = ForecastPlot.charts(AIR, List.of(forecast(AIR.futureTimes(12))), List.of(AIR.length()), 12, 1000).get(0);
        assertEquals(AIR.length(), all.getSeriesMap().get("history").getXData().length);
    }

    @Test
    void ticksFallOnCalendarBoundariesAtEveryScale() {
        long day = 86_400_000L;
        long jan1960 = java.time.LocalDate.of(1960, 1, 1).toEpochDay() * day;
        CalendarAxis years = new CalendarAxis(jan1960, jan1960 + 5 * 366 * day);
        assertEquals(CalendarAxis.Unit.YEAR, years.unit());
        assertEquals(1960.0, years.x(jan1960), 1e-12);
        CalendarAxis months = new CalendarAxis(jan1960, jan1960 + 200 * day);
        assertEquals(CalendarAxis.Unit.MONTH, months.unit());
        assertEquals("1960-03", months.label(months.x(java.time.LocalDate.of(1960, 3, 1).toEpochDay() * day)));
        assertEquals("", months.label(months.x(java.time.LocalDate.of(1960, 3, 15).toEpochDay() * day)));
        CalendarAxis days = new CalendarAxis(jan1960, jan1960 + 20 * day);
        assertEquals(CalendarAxis.Unit.DAY, days.unit());
        assertEquals("01-11", days.label(days.x(jan1960 + 10 * day)));
        CalendarAxis hours = new CalendarAxis(jan1960, jan1960 + day);
        assertEquals("01-01 06:00", hours.label(hours.x(jan1960 + day / 4)));
    }
}
