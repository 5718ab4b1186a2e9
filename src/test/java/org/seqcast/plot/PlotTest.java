package org.seqcast.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.SeqcastException;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.data.MissingPolicy;
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

    private static int countColour(BufferedImage img, java.util.function.IntPredicate rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (rgb.test(img.getRGB(x, y) & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean blueish(int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        return b > 150 && b > r + 30 && b > g + 10;
    }

    @Test
    void forecastPlotDrawsHistoryLineAndShadedBands() throws IOException {
        Path png = dir.resolve("fc.png");
        ForecastPlot.write(png, AIR, List.of(forecast(AIR.futureTimes(12))), List.of(AIR.length()), 12);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        // The bands (translucent blue over white) cover a visible area; the history line is near-black.
        assertTrue(countColour(img, PlotTest::blueish) > 2000, "band and forecast pixels");
        assertTrue(countColour(img, rgb -> (rgb >> 16 & 0xff) < 80 && (rgb >> 8 & 0xff) < 80 && (rgb & 0xff) < 80) > 300, "history line pixels");
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
        BufferedImage img = ImageIO.read(png.toFile());
        int red = countColour(img, rgb -> (rgb >> 16 & 0xff) > 180 && (rgb >> 8 & 0xff) < 90 && (rgb & 0xff) < 90);
        assertTrue(red > 50, "held-out actual markers: " + red + " red pixels");
        Path future = dir.resolve("future.png");
        ForecastPlot.write(future, AIR, List.of(forecast(AIR.futureTimes(12))), List.of(n), 12);
        int none = countColour(ImageIO.read(future.toFile()), rgb -> (rgb >> 16 & 0xff) > 180 && (rgb >> 8 & 0xff) < 90 && (rgb & 0xff) < 90);
        assertTrue(none < red / 5, "a forecast of the future has no held-out markers: " + none);
    }

    @Test
    void lossPlotRendersBothCurves() throws IOException {
        Path png = dir.resolve("loss.png");
        Trainer.Result r = new Trainer.Result(3, 5, 0.1, new double[] {1, 0.5, 0.2, 0.1, 0.05}, new double[] {1.2, 0.6, 0.1, 0.15, 0.2});
        LossPlot.write(png, r, "loss");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Charts.WIDTH, img.getWidth());
        assertTrue(countColour(img, rgb -> (rgb >> 16 & 0xff) > 200 && (rgb >> 8 & 0xff) > 100 && (rgb >> 8 & 0xff) < 160
                && (rgb & 0xff) < 60) > 100, "orange validation curve");
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
        assertEquals(Charts.HEIGHT, ImageIO.read(png.toFile()).getHeight());
    }
}
