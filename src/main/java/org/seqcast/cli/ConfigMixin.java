package org.seqcast.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.SeqcastConfig;
import picocli.CommandLine.Option;

/** {@code -c CONFIG} and repeatable {@code --set key.path=value}, shared by commands that take a config. */
public final class ConfigMixin {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML config (optional when --set gives the data).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config key, e.g. --set training.epochs=50 --set data.target=[DAX,SMI]. Repeatable.")
    List<String> sets = new ArrayList<>();

    public SeqcastConfig load() {
        return ConfigLoader.load(config, sets);
    }

    public Path configFile() {
        return config;
    }

    /**
     * Resolves data.path: as given when it exists (relative to the working directory), otherwise
     * relative to the config file's directory when that exists; '-' is standard input.
     */
    public String resolveDataPath(String path) {
        if (path == null || "-".equals(path)) {
            return path;
        }
        Path p = Path.of(path);
        if (Files.exists(p) || p.isAbsolute() || config == null) {
            return path;
        }
        Path dir = config.toAbsolutePath().getParent();
        Path alt = dir == null ? p : dir.resolve(p);
        return Files.exists(alt) ? alt.toString() : path;
    }
}
