package org.seqcast.spark;

import java.io.Serializable;

/**
 * The JavaCPP settings that {@code bin/seqcast} and {@code cli.Main} apply, applied by the job itself in each
 * executor JVM before ND4J loads (executors never run {@code Main}): no physical-memory cap (JavaCPP
 * otherwise reads /proc/self/statm on every off-heap allocation: 23% of a batch's time), and where the
 * ~360 MB of native libraries are unpacked. OpenMP/OpenBLAS threads are environment variables, read when the
 * natives load, so they are set through {@code spark.executorEnv.*} by the driver instead.
 *
 * @param cacheDir JavaCPP's cache directory (null: JavaCPP's default, ~/.javacpp/cache, shared by the
 *                 executors of a node and kept between jobs)
 */
public record NativeSettings(String cacheDir) implements Serializable {
    static final String MAX_PHYSICAL = "org.bytedeco.javacpp.maxPhysicalBytes";
    static final String CACHE_DIR = "org.bytedeco.javacpp.cachedir";

    /** Sets the properties this JVM does not already have (an explicit -D wins). Idempotent; call before any ND4J class loads. */
    public void apply() {
        synchronized (NativeSettings.class) {
            if (System.getProperty(MAX_PHYSICAL) == null && System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
                System.setProperty(MAX_PHYSICAL, "0");
            }
            if (cacheDir != null && System.getProperty(CACHE_DIR) == null && System.getProperty("org.bytedeco.javacpp.cacheDir") == null) {
                System.setProperty(CACHE_DIR, cacheDir);
            }
        }
    }
}
