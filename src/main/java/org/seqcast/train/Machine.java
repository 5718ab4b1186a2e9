package org.seqcast.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a model is trained on, for its provenance. */
final class Machine {
    private static final String CPU = read();

    private Machine() {
    }

    /** The CPU architecture and, on Linux, its model name, e.g. {@code amd64, AMD EPYC 7B13 (2 cores)}. */
    static String cpu() {
        return CPU;
    }

    private static String read() {
        String arch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
        String model = null;
        try {
            Path info = Path.of("/proc/cpuinfo");
            if (Files.isReadable(info)) {
                model = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(null);
            }
        } catch (IOException | RuntimeException e) {
            model = null;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return arch + (model == null ? "" : ", " + model) + " (" + cores + " core" + (cores == 1 ? "" : "s") + ")";
    }
}
