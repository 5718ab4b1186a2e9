package org.seqcast.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;

/** Test helpers: decode a chart PNG and count the pixels of the colours the charts draw with. */
public final class Pixels {
    private Pixels() {
    }

    /** Decodes the PNG and checks it is {@code panels} charts of the standard size, stacked. */
    public static BufferedImage read(Path png, int panels) throws IOException {
        assertTrue(Files.exists(png), png + " missing");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "not a decodable image: " + png);
        assertEquals(Charts.WIDTH, img.getWidth(), "width of " + png);
        assertEquals(Charts.HEIGHT * panels, img.getHeight(), "height of " + png);
        return img;
    }

    /** Pixels in rows [fromY, toY) whose RGB matches. */
    public static int count(BufferedImage img, int fromY, int toY, IntPredicate rgb) {
        int n = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (rgb.test(img.getRGB(x, y) & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }

    public static int count(BufferedImage img, IntPredicate rgb) {
        return count(img, 0, img.getHeight(), rgb);
    }

    /** The forecast line and its interval bands: blue over white. */
    public static boolean blue(int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        return b > 150 && b > r + 30 && b > g + 10;
    }

    /** The held-out actual markers. */
    public static boolean red(int rgb) {
        return (rgb >> 16 & 0xff) > 180 && (rgb >> 8 & 0xff) < 90 && (rgb & 0xff) < 90;
    }

    /** The history line. */
    public static boolean dark(int rgb) {
        return (rgb >> 16 & 0xff) < 80 && (rgb >> 8 & 0xff) < 80 && (rgb & 0xff) < 80;
    }

    /** The validation loss curve. */
    public static boolean orange(int rgb) {
        return (rgb >> 16 & 0xff) > 200 && (rgb >> 8 & 0xff) > 100 && (rgb >> 8 & 0xff) < 160 && (rgb & 0xff) < 60;
    }
}
