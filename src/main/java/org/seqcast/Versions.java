package org.seqcast;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of seqcast, DL4J and Java, for {@code --version} and model provenance. */
public final class Versions {
    private static final Properties PROPS = load();

    private Versions() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/seqcast-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return p;
    }

    public static String seqcast() {
        return PROPS.getProperty("seqcast.version", "unknown");
    }

    public static String dl4j() {
        return PROPS.getProperty("dl4j.version", "unknown");
    }

    public static String java() {
        return System.getProperty("java.version");
    }
}
