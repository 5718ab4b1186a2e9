package org.seqcast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqcast.SeqcastException;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.config.DataConfig;
import org.seqcast.forecast.ModelBundle;
import picocli.CommandLine.Option;

/**
 * {@code --set} for commands that apply a saved model to a CSV ({@code predict}, {@code evaluate}): only the
 * keys that say how to read the file (the model fixes everything else), applied over the model's stored config.
 */
public final class ReadingMixin {
    /** The keys these commands accept. */
    static final List<String> KEYS = List.of("data.missing", "data.time_format", "data.decimal");

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "How to read the CSV: data.missing, data.time_format or data.decimal, e.g. --set data.missing=ffill. Repeatable.")
    List<String> sets = new ArrayList<>();

    /** The model's stored config with the reading overrides applied. */
    SeqcastConfig config(ModelBundle bundle, Path model) {
        for (String s : sets) {
            int eq = s.indexOf('=');
            String key = (eq < 0 ? s : s.substring(0, eq)).strip();
            if (!KEYS.contains(key)) {
                throw SeqcastException.config("--set '" + s + "': this command takes only " + String.join(", ", KEYS)
                        + " (how to read the CSV); the model fixes the other keys");
            }
        }
        SeqcastConfig with = ConfigLoader.fromYaml("", model + " (stored config)", sets);
        DataConfig stored = bundle.config().data();
        DataConfig d = new DataConfig(stored.path(), stored.timeColumn(), stored.target(), stored.features(),
                set("data.missing") ? with.data().missing() : stored.missing(), stored.season(),
                set("data.time_format") ? with.data().timeFormat() : stored.timeFormat(),
                set("data.decimal") ? with.data().decimal() : stored.decimal(), stored.known());
        return bundle.config().withData(d);
    }

    private boolean set(String key) {
        return sets.stream().anyMatch(s -> s.strip().startsWith(key + "=") || s.strip().startsWith(key + " "));
    }
}
