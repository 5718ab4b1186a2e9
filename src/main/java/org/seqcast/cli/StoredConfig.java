package org.seqcast.cli;

import java.nio.file.Path;
import java.util.List;
import org.seqcast.SeqcastException;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.store.ModelBundle;

/** The config a model file carries: an invalid one is a fault of the model file (exit 4), not of the command line. */
final class StoredConfig {
    private StoredConfig() {
    }

    static SeqcastConfig of(ModelBundle bundle, Path model) {
        try {
            return ConfigLoader.fromYaml(bundle.configYaml(), model + " (stored config)", List.of());
        } catch (SeqcastException e) {
            if (e.kind() != SeqcastException.Kind.CONFIG) {
                throw e;
            }
            throw SeqcastException.model(model + ": the config stored in the model is invalid (" + e.getMessage()
                    + "); the file was edited or written by another version: train it again");
        }
    }
}
