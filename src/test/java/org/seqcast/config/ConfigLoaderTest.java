package org.seqcast.config;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.SeqcastException;
import org.seqcast.config.MissingPolicy;

class ConfigLoaderTest {
    private static final String FILE = "configs/x.yaml";

    private static SeqcastConfig yaml(String yaml, String... sets) {
        return ConfigLoader.fromYaml(yaml, FILE, List.of(sets));
    }

    private static String error(String yaml, String... sets) {
        SeqcastException e = assertThrows(SeqcastException.class, () -> yaml(yaml, sets));
        assertEquals(SeqcastException.Kind.CONFIG, e.kind());
        assertFalse(e.getMessage().contains("\n"), () -> "not one line: " + e.getMessage());
        return e.getMessage();
    }

    // ---------------------------------------------------------------- defaults and round trip

    @Test
    void defaultsMatchTheDocumentedValues() {
        SeqcastConfig d = SeqcastConfig.defaults();
        assertNull(d.data().path());
        assertNull(d.data().timeColumn());
        assertEquals(List.of(), d.data().target());
        assertEquals(List.of(), d.data().features());
        assertEquals(MissingPolicy.ERROR, d.data().missing());
        assertTrue(d.data().autoSeason());
        assertEquals(new WindowConfig(OptionalInt.empty(), OptionalInt.empty(), 1), d.window()); // timesteps and horizon auto
        assertEquals(new ModelConfig(List.of(new LayerConfig(LayerType.LSTM, OptionalInt.empty(), 0.0, false)), OutputLayer.LINEAR), d.model());
        assertEquals(64, d.model().layers().get(0).unitsFor(false), "auto units: 64");
        assertEquals(32, d.model().layers().get(0).unitsFor(true), "auto units: 32 for windows into the forecast period");
        assertEquals(new TrainingConfig(200, 32, java.util.OptionalDouble.empty(), 0.2, 20, 42, 2, true, Engine.AUTO), d.training());
        assertEquals(new ForecastConfig(List.of(), false, Strategy.DIRECT, org.seqcast.config.Combine.AUTO), d.forecast());
        assertEquals(new TransformConfig(TargetTransform.AUTO, WindowNorm.RELATIVE, true), d.transform());
        assertEquals(d, yaml(""));
        assertEquals(d, yaml("# nothing but a comment\n"));
        assertEquals(d, ConfigLoader.load(null, null));
    }

    @Test
    void requireDataNamesTheFirstMissingKeyAndHowToSetIt() {
        SeqcastException e = assertThrows(SeqcastException.class, () -> SeqcastConfig.defaults().requireData());
        assertEquals("data.path is not set; give it in the config file or with --set data.path=FILE", e.getMessage());
        e = assertThrows(SeqcastException.class, () -> yaml("data: {path: a.csv}").requireData());
        assertTrue(e.getMessage().startsWith("data.time_column is not set"), e.getMessage());
        e = assertThrows(SeqcastException.class, () -> yaml("data: {path: a.csv, time_column: t}").requireData());
        assertTrue(e.getMessage().startsWith("data.target is not set"), e.getMessage());
        yaml("data: {path: a.csv, time_column: t, target: y}").requireData();
    }

    @Test
    void fullConfigRoundTripsThroughYaml() {
        String text = """
                data:
                  path: "C:\\\\data\\\\my file #1.csv"
                  time_column: 'date: day'
                  target: [NO, "2020", null-ish, "null", ' padded ']
                  features: [-x, "a,b", "tab\\there", Zürich]
                  missing: interpolate
                  season: 7
                window: {timesteps: auto, horizon: 3, stride: 2}
                model:
                  layers:
                    - {units: 128, dropout: 0.25, bidirectional: true}
                    - {units: 16}
                  output: linear
                training: {epochs: 5, batch_size: 8, learning_rate: 1.0e-5, validation: 0.9, patience: 0,
                           seed: -9223372036854775808, ensemble: 3}
                forecast: {intervals: [95, 80]}
                """;
        SeqcastConfig c = yaml(text);
        assertEquals("C:\\data\\my file #1.csv", c.data().path());
        assertEquals("date: day", c.data().timeColumn());
        assertEquals(List.of("NO", "2020", "null-ish", "null", " padded "), c.data().target());
        assertEquals(List.of("-x", "a,b", "tab\there", "Zürich"), c.data().features());
        assertEquals(2, c.model().layers().size());
        assertEquals(new LayerConfig(LayerType.LSTM, 16, 0.0, false), c.model().layers().get(1));
        assertEquals(java.util.OptionalDouble.of(1.0e-5), c.training().learningRate());
        assertEquals(0.001, yaml("").training().learningRateFor(false));
        assertEquals(0.002, yaml("").training().learningRateFor(true));
        assertEquals(Long.MIN_VALUE, c.training().seed());
        assertFalse(c.training().earlyStopping());
        assertTrue(c.window().autoTimesteps());

        String out = ConfigLoader.toYaml(c);
        assertEquals(c, yaml(out), out);
        assertEquals(out, ConfigLoader.toYaml(yaml(out)));
        assertTrue(out.contains("  learning_rate: 0.00001\n"), out);
        assertTrue(out.contains("  timesteps: auto\n"), out);
        assertTrue(out.contains("    - {type: lstm, units: 16, dropout: 0.0, bidirectional: false}\n"), out);
        SeqcastConfig d = SeqcastConfig.defaults();
        assertEquals(d, yaml(ConfigLoader.toYaml(d)));
        DataConfig odd = new DataConfig("a\u2028b\u0001.csv", "~", List.of("x\"y", "back\\slash", "'q'"), List.of("a: b", "#c"),
                MissingPolicy.DROP, OptionalInt.of(1));
        SeqcastConfig withOdd = new SeqcastConfig(odd, d.window(), d.transform(), d.model(), d.training(), d.forecast());
        assertEquals(withOdd, yaml(ConfigLoader.toYaml(withOdd)), ConfigLoader.toYaml(withOdd));
    }

    @Test
    void nullOrEmptyValuesTakeTheDefault() {
        SeqcastConfig c = yaml("data:\n  features:\n  season: ~\ntraining:\n  epochs: null\nwindow:\n");
        assertEquals(SeqcastConfig.defaults(), c);
    }

    // ---------------------------------------------------------------- value forms

    @Test
    void targetIsAStringOrAList() {
        assertEquals(List.of("passengers"), yaml("data: {target: passengers}").data().target());
        assertEquals(List.of("DAX", "SMI"), yaml("data: {target: [DAX, SMI]}").data().target());
        assertEquals(List.of("DAX", "SMI"), yaml("data:\n  target:\n    - DAX\n    - SMI\n").data().target());
        assertEquals(List.of("close"), yaml("data: {features: close}").data().features());
        assertEquals(List.of("123"), yaml("data: {target: 123}").data().target());
    }

    @Test
    void seasonAndTimestepsTakeAutoOrAPositiveInteger() {
        assertEquals(List.of(12), yaml("data: {season: 12}").data().season());
        assertEquals(List.of(), yaml("data: {season: auto}").data().season());
        assertEquals(List.of(48, 336), yaml("data: {season: [48, 336]}").data().season());
        assertEquals(OptionalInt.of(48), yaml("data: {season: [48, 336]}").data().firstSeason());
        assertEquals(OptionalInt.empty(), yaml("window: {timesteps: auto}").window().timesteps());
        assertEquals(OptionalInt.of(48), yaml("window: {timesteps: 48}").window().timesteps());
        String m = error("data:\n  season: 0\n");
        assertEquals(FILE + ":2: data.season: expected 'auto' or an integer between 1 and 100000, or a list of them, got '0'", m);
        assertTrue(error("data: {season: [48, 48]}").contains("data.season: 48 is listed twice"));
        assertTrue(error("data: {season: [48, 0]}").contains("data.season[1]: expected an integer between 1 and 100000, got '0'"));
        m = error("window: {timesteps: automatic}");
        assertTrue(m.contains("window.timesteps: expected 'auto' or an integer between 1 and 10000, got 'automatic'"), m);
    }

    @Test
    void quotedNumbersAreAccepted() {
        assertEquals(50, yaml("training: {epochs: \"50\", learning_rate: '0.01'}").training().epochs());
        assertEquals(java.util.OptionalDouble.of(0.01), yaml("training: {learning_rate: '0.01'}").training().learningRate());
    }

    @Test
    void missingPolicyIsOneOfFourWords() {
        assertEquals(MissingPolicy.FFILL, yaml("data: {missing: ffill}").data().missing());
        String m = error("data: {missing: zero}");
        assertEquals(FILE + ":1: data.missing: expected one of error, interpolate, ffill, drop, got 'zero'", m);
    }

    // ---------------------------------------------------------------- errors

    @Test
    void badValueNamesFileLineKeyValueAndExpectation() {
        String m = error("data:\n  path: a.csv\ntraining:\n  batch_size: 16\n  epochs: abc\n");
        assertEquals(FILE + ":5: training.epochs: expected an integer between 1 and 100000, got 'abc'", m);
    }

    @Test
    void boundsAreChecked() {
        assertTrue(error("training: {epochs: 0}").contains("training.epochs: expected an integer between 1 and 100000, got '0'"));
        assertTrue(error("training: {epochs: 99999999999}").contains("got '99999999999'"));
        assertTrue(error("training: {validation: 0.95}").contains("training.validation: expected a number in (0, 0.9], got '0.95'"));
        assertTrue(error("training: {validation: 0}").contains("training.validation"));
        assertTrue(error("training: {learning_rate: 0}").contains("training.learning_rate: expected 'auto' or a number in (0, 1], got '0'"));
        assertTrue(error("training: {learning_rate: .nan}").contains("got '.nan'"));
        assertTrue(error("training: {patience: -1}").contains("training.patience: expected an integer between 0 and 100000, got '-1'"));
        assertTrue(error("training: {ensemble: 0}").contains("training.ensemble"));
        assertTrue(error("model: {layers: [{dropout: 1}]}").contains("model.layers[0].dropout: expected a number in [0, 1), got '1'"));
        assertTrue(error("model: {layers: [{type: gru}]}").contains("model.layers[0].type: expected 'lstm', got 'gru'"));
        assertTrue(error("model: {layers: [{units: 8}, {units: 0}]}").contains("model.layers[1].units: expected 'auto' or an integer between 1 and 4096, got '0'"));
        assertTrue(error("model: {layers: [{bidirectional: maybe}]}").contains("expected true or false, got 'maybe'"));
        assertTrue(error("model: {output: softmax}").contains("model.output: expected 'linear', got 'softmax'"));
        assertTrue(error("model: {layers: []}").contains("model.layers: expected a non-empty list of layer mappings, got an empty list"));
        assertTrue(error("model: {layers: [64]}").contains("model.layers[0]: expected a mapping of type, units, dropout, bidirectional, got '64'"));
        assertTrue(error("forecast: {intervals: [80, 100]}").contains("forecast.intervals[1]: expected an integer between 1 and 99, got '100'"));
        assertTrue(error("forecast: {intervals: 95}").contains("forecast.intervals: expected a list of integers between 1 and 99"));
        assertTrue(error("forecast: {intervals: [80, 80]}").contains("forecast.intervals: 80 is listed twice"));
        assertTrue(error("data: {path: ''}").contains("data.path: expected a non-empty string, got ''"));
        assertTrue(error("data: {target: [a, [b]]}").contains("data.target[1]: expected a non-empty string, got a list"));
        assertTrue(error("window: 24").contains("window: expected a mapping of timesteps, horizon, stride, seasonal_lags, got '24'"));
        assertTrue(error("- data").contains("expected a mapping with the sections data, window, transform, model, training, forecast"));
    }

    @Test
    void targetAlsoListedAsFeatureIsAnError() {
        String m = error("data:\n  target: [DAX, SMI]\n  features: [VIX, SMI]\n");
        assertEquals(FILE + ":3: data.features: 'SMI' is also in data.target; a column is either a target or a feature", m);
    }

    @Test
    void unknownKeysSuggestTheClosestKnownKey() {
        assertEquals(FILE + ":2: unknown key 'trainng' (did you mean 'training'?)", error("data: {}\ntrainng:\n  epochs: 5\n"));
        assertEquals(FILE + ":4: unknown key 'model.layers[0].unit' (did you mean 'units'?)",
                error("model:\n  layers:\n    - type: lstm\n      unit: 32\n"));
        assertEquals(FILE + ":1: unknown key 'training.horizon' (did you mean 'window.horizon'?)", error("training: {horizon: 3}"));
        assertEquals(FILE + ":1: unknown key 'training.optimizer' (expected one of: epochs, batch_size, learning_rate,"
                + " validation, patience, seed, ensemble, refit, engine)", error("training: {optimizer: adam}"));
    }

    @Test
    void yamlSyntaxErrorIsOneLineWithFileAndLine() {
        String m = error("data:\n  target: [a, b\nwindow: {}\n");
        assertTrue(m.startsWith(FILE + ":3:"), m);
        assertTrue(m.contains("invalid YAML"), m);
        m = error("data:\n\tpath: x\n");
        assertTrue(m.startsWith(FILE + ":2:1: invalid YAML: found character 'tab'"), m);
    }

    // ---------------------------------------------------------------- safety

    @Test
    void tagsAreRejected() {
        String m = error("data:\n  path: !!python/object/apply:os.system [ls]\n");
        assertTrue(m.startsWith(FILE + ":2: YAML tags such as '!!python/object/apply:os.system' are not allowed"), m);
        assertTrue(error("training: {epochs: !!int 5}").contains("'!!int'"));
        assertTrue(error("data: !custom {path: a}").contains("'!custom'"));
        assertTrue(error("", "data.path=!!binary aGVsbG8=").startsWith("--set: YAML tags"));
    }

    @Test
    void aliasesAndMultipleDocumentsAreRejected() {
        assertTrue(error("training: {epochs: &n 5, patience: *n}").contains("YAML aliases such as '*n' are not allowed"));
        assertTrue(error("data: {}\n---\nwindow: {}\n").contains("more than one YAML document"));
        String deep = "data: {path: " + "[".repeat(200) + "]".repeat(200) + "}";
        assertTrue(error(deep).contains("nesting deeper than " + Yaml.MAX_DEPTH + " levels"), error(deep));
    }

    @Test
    void duplicateKeysAreRejected() {
        assertEquals(FILE + ":4: duplicate key 'training.epochs' (first given on line 2)",
                error("training:\n  epochs: 5\n  patience: 3\n  epochs: 6\n"));
        assertTrue(error("data: {}\ndata: {}\n").contains("duplicate key 'data'"));
    }

    // ---------------------------------------------------------------- --set

    @Test
    void setOverridesScalarsAndTheFile() {
        SeqcastConfig c = yaml("training: {epochs: 10, patience: 2}", "training.epochs=50", "data.path=my data/x.csv");
        assertEquals(50, c.training().epochs());
        assertEquals(2, c.training().patience());
        assertEquals("my data/x.csv", c.data().path());
        assertEquals(7, yaml("", "training.epochs=5", "training.epochs=7").training().epochs());
        assertNull(yaml("data: {path: a.csv}", "data.path=").data().path());
    }

    @Test
    void setTakesFlowListsAndAuto() {
        assertEquals(List.of("DAX", "SMI"), yaml("data: {target: x}", "data.target=[DAX,SMI]").data().target());
        assertEquals(List.of("DAX"), yaml("", "data.target=DAX").data().target());
        assertEquals(OptionalInt.empty(), yaml("window: {timesteps: 12}", "window.timesteps=auto").window().timesteps());
        assertEquals(List.of(80, 95), yaml("", "forecast.intervals=[80, 95]").forecast().intervals());
    }

    @Test
    void setAddressesListElementsByIndexInBothSpellings() {
        String file = "model:\n  layers:\n    - {units: 64, dropout: 0.1}\n    - {units: 32}\n";
        SeqcastConfig a = yaml(file, "model.layers.0.units=16");
        SeqcastConfig b = yaml(file, "model.layers[0].units=16");
        assertEquals(a, b);
        assertEquals(new LayerConfig(LayerType.LSTM, 16, 0.1, false), a.model().layers().get(0));
        assertEquals(OptionalInt.of(32), a.model().layers().get(1).units());
        assertEquals(OptionalInt.of(32), yaml("", "model.layers[0].units=32").model().layers().get(0).units());
        assertEquals(List.of(80, 90), yaml("forecast: {intervals: [80, 95]}", "forecast.intervals[1]=90").forecast().intervals());
        assertEquals(new LayerConfig(LayerType.LSTM, OptionalInt.empty(), 0.5, true),
                yaml("", "model.layers[0]={dropout: 0.5, bidirectional: true}").model().layers().get(0));
    }

    @Test
    void setReplacesLayersAndEachLayerTakesTheDefaults() {
        SeqcastConfig c = yaml("model: {layers: [{units: 8, dropout: 0.3}]}", "model.layers=[{units: 32}, {units: 16}]");
        assertEquals(List.of(new LayerConfig(LayerType.LSTM, 32, 0.0, false), new LayerConfig(LayerType.LSTM, 16, 0.0, false)),
                c.model().layers());
    }

    @Test
    void setErrorsNameSetAsTheSource() {
        assertEquals("--set: unknown key 'trainng' (did you mean 'training'?)", error("", "trainng.epochs=5"));
        assertEquals("--set: unknown key 'model.layers[0].unit' (did you mean 'units'?)", error("", "model.layers.0.unit=5"));
        assertEquals("--set: unknown key 'model.layers[0].unit' (did you mean 'units'?)", error("", "model.layers=[{unit: 5}]"));
        assertEquals("--set: training.epochs: expected an integer between 1 and 100000, got 'abc'", error("training: {epochs: 5}", "training.epochs=abc"));
        assertEquals("--set: unknown key 'data.path.x' (data.path has no sub-keys)", error("", "data.path.x=1"));
        assertTrue(error("", "data.target=[DAX").startsWith("--set: data.target: invalid YAML value:"));
        assertTrue(error("", "model.layers[1].units=8").startsWith("--set: model.layers[1]: no such element, model.layers has 1"));
        assertTrue(error("", "model.layers.units=8").startsWith("--set: model.layers is a list; give an element index"));
        assertTrue(error("", "data.path[0]=x").startsWith("--set: data.path is not a list"));
    }

    @Test
    void setWithoutEqualsOrWithABadPathIsAnError() {
        assertEquals("--set 'training.epochs': expected KEY=VALUE, e.g. --set training.epochs=50", error("", "training.epochs"));
        assertTrue(error("", "model..units=3").contains("bad key path 'model..units'"));
        assertTrue(error("", "=3").contains("bad key path ''"));
    }

    // ---------------------------------------------------------------- files

    @Test
    void loadReadsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.yaml");
        Files.writeString(f, "\uFEFFdata:\n  path: a.csv\ntraining:\n  epochs: -3\n");
        SeqcastException e = assertThrows(SeqcastException.class, () -> ConfigLoader.load(f, List.of()));
        assertEquals(f + ":4: training.epochs: expected an integer between 1 and 100000, got '-3'", e.getMessage());
        assertEquals(3, ConfigLoader.load(f, List.of("training.epochs=3")).training().epochs());
    }

    @Test
    void missingOrNonUtf8FileIsAOneLineError(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.yaml");
        SeqcastException e = assertThrows(SeqcastException.class, () -> ConfigLoader.load(missing, List.of()));
        assertEquals(SeqcastException.Kind.IO, e.kind());
        assertEquals("config file not found: " + missing, e.getMessage());
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'d', 'a', 't', 'a', ':', ' ', '{', 'p', 'a', 't', 'h', ':', ' ', (byte) 0xE9, '}', '\n'});
        e = assertThrows(SeqcastException.class, () -> ConfigLoader.load(latin1, List.of()));
        assertEquals(latin1 + ": not UTF-8 text; save the config file as UTF-8", e.getMessage());
    }

    @Test
    void windowNormTakesAutoOrABooleanAndRoundTrips() {
        assertEquals(WindowNorm.RELATIVE, yaml("").transform().windowNorm());
        assertEquals(List.of(WindowNorm.RELATIVE, WindowNorm.LEVELS), yaml("transform:\n  window_norm: auto\n").transform().windowNorm().candidates());
        assertEquals(WindowNorm.RELATIVE, yaml("transform:\n  window_norm: true\n").transform().windowNorm());
        assertEquals(WindowNorm.LEVELS, yaml("", "transform.window_norm=false").transform().windowNorm());
        SeqcastConfig off = yaml("", "transform.window_norm=false");
        assertEquals(off, yaml(ConfigLoader.toYaml(off)));
        String e = error("transform:\n  window_norm: sometimes\n");
        assertTrue(e.contains("transform.window_norm") && e.contains("'auto', true or false") && e.contains("'sometimes'"), e);
    }

    @Test
    void recursiveStrategyRefusesFeaturesAndShrink() {
        assertTrue(yaml("", "forecast.strategy=recursive").forecast().recursive());
        String e = error("", "forecast.strategy=recursive", "data.features=[temp]");
        assertTrue(e.contains("forecast.strategy") && e.contains("data.features"), e);
        e = error("", "forecast.strategy=recursive", "forecast.shrink=true");
        assertTrue(e.contains("forecast.shrink") && e.contains("forecast.strategy: direct"), e);
        e = error("forecast:\n  strategy: multi\n");
        assertTrue(e.contains("forecast.strategy") && e.contains("'multi'"), e);
    }
}
