package org.seqcast.config;

import java.util.OptionalInt;
import org.seqcast.SeqcastException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.seqcast.config.MissingPolicy;

class ConfigSchemaTest {
    private static final Path DOCS = Path.of("docs", "config.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]+) \\| `([^`]*)` \\| ([^|]+) \\|$");

    /** The rows of the key table in docs/config.md as "key | type | default". */
    private static List<String> documentedRows() throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DOCS, StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                rows.add(m.group(1) + " | " + m.group(2).strip() + " | " + m.group(3));
            }
        }
        return rows;
    }

    @Test
    void docsTableListsExactlyTheSchemaKeysWithTypesAndDefaults() throws IOException {
        List<String> expected = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (ConfigSchema.Key k : ConfigSchema.keys()) {
            expected.add(k.path() + " | " + k.type() + " | " + k.defaultText());
            table.append("| `").append(k.path()).append("` | ").append(k.type()).append(" | `").append(k.defaultText())
                    .append("` | ").append(k.doc()).append(" |\n");
        }
        assertEquals(expected, documentedRows(), () -> "docs/config.md key table is out of date; expected rows:\n" + table);
    }

    @Test
    void docsCompleteExampleIsAValidConfig() throws IOException {
        String md = Files.readString(DOCS, StandardCharsets.UTF_8);
        int start = md.indexOf("```yaml\n", md.indexOf("## Complete example"));
        String yaml = md.substring(start + 8, md.indexOf("```", start + 8));
        SeqcastConfig c = ConfigLoader.fromYaml(yaml, "docs/config.md", List.of());
        c.requireData();
        assertEquals(List.of("passengers"), c.data().target());
        assertEquals(List.of(80, 95), c.forecast().intervals());
    }

    @Test
    void everyKeyHasADocAndAValidDefault() {
        for (ConfigSchema.Key k : ConfigSchema.keys()) {
            assertTrue(!k.doc().isBlank() && !k.doc().contains("|"), k.path());
            assertNotNull(k.defaultText(), k.path());
        }
    }

    @Test
    void recordConstructorsRejectValuesOutsideTheSchema() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingConfig(0, 32, java.util.OptionalDouble.of(0.001), 0.2, 20, 42, 1, false, Engine.AUTO));
        assertTrue(e.getMessage().contains("training.epochs = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LayerConfig(LayerType.LSTM, 8, 1.0, false));
        assertTrue(e.getMessage().contains("model.layers[*].dropout = 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LayerConfig(null, 8, 0.0, false));
        assertTrue(e.getMessage().contains("model.layers[*].type = null"), e.getMessage());
        SeqcastException gru = assertThrows(SeqcastException.class, () -> ConfigLoader.fromYaml("model: {layers: [{type: gru}]}", "c.yaml", List.of()));
        assertTrue(gru.getMessage().contains("'gru'") && gru.getMessage().contains("lstm"), gru.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new DataConfig("a.csv", "t", List.of("x"), List.of("x"), MissingPolicy.ERROR, OptionalInt.empty()));
        assertTrue(e.getMessage().contains("'x' is also in data.target"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new DataConfig("a.csv", "t", List.of(" "), List.of(), MissingPolicy.ERROR, OptionalInt.empty()));
        assertTrue(e.getMessage().contains("data.target"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ForecastConfig(List.of(95, 100), false, Strategy.DIRECT, org.seqcast.config.Combine.AUTO));
        assertTrue(e.getMessage().contains("forecast.intervals = [95, 100]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ModelConfig(List.of(), OutputLayer.LINEAR));
        assertTrue(e.getMessage().contains("model.layers"), e.getMessage());
        SeqcastConfig d = SeqcastConfig.defaults();
        e = assertThrows(IllegalArgumentException.class,
                () -> new SeqcastConfig(d.data(), null, d.transform(), d.model(), d.training(), d.forecast()));
        assertTrue(e.getMessage().contains("window = null"), e.getMessage());
    }

    @Test
    void recordsAreImmutable() {
        List<String> target = new ArrayList<>(List.of("a"));
        DataConfig data = new DataConfig("a.csv", "t", target, List.of(), MissingPolicy.FFILL, OptionalInt.of(7));
        target.add("b");
        assertEquals(List.of("a"), data.target());
        assertThrows(UnsupportedOperationException.class, () -> data.target().add("c"));
    }

    @Test
    void snakeCaseMatchesRecordComponents() {
        assertEquals("batch_size", ConfigSchema.snake("batchSize"));
        assertEquals("time_column", ConfigSchema.snake("timeColumn"));
        assertEquals("epochs", ConfigSchema.snake("epochs"));
        assertEquals(List.of("data", "window", "transform", "model", "training", "forecast"), ConfigSchema.namesAt(""));
        assertEquals(List.of("type", "units", "dropout", "bidirectional"), ConfigSchema.namesAt("model.layers[*]"));
    }
}
