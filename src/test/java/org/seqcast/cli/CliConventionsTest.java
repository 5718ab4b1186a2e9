package org.seqcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seqcast.forecast.ForecastCsv;
import org.seqcast.io.Json;
import picocli.CommandLine;

/** Unix conventions of the CLI: --version everywhere, completion, man pages, option spellings, JSON shapes, full precision. */
class CliConventionsTest {
    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void train() {
        model = dir.resolve("m.seqcast");
        CliTest.Run t = CliTest.run(FirstHourCliTest.with(FirstHourCliTest.FAST, "train", "-c", "configs/airpassengers.yaml",
                "--set", "window.horizon=3", "--set", "forecast.intervals=[80]", "-o", model.toString()));
        assertEquals(0, t.code(), t.err());
    }

    @Test
    void everySubcommandPrintsTheVersion() {
        String expected = CliTest.run("--version").out();
        assertTrue(expected.startsWith("seqcast "), expected);
        for (String sub : Main.commandLine().getSubcommands().keySet()) {
            if (sub.equals("help")) {
                continue;
            }
            CliTest.Run r = CliTest.run(sub, "--version");
            assertEquals(0, r.code(), sub + ": " + r.err());
            assertEquals(expected, r.out(), sub);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void completionScriptsCoverTheCommandsAndOptions(String shell) {
        CliTest.Run r = CliTest.run("completion", shell);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("complete -F _complete_seqcast"), r.out().substring(0, 200));
        assertTrue(r.out().contains("--per-column"), "batch options");
        assertTrue(r.out().contains("init"), "init command");
        assertEquals(shell.equals("zsh"), r.out().startsWith("autoload -U +X compinit"));
    }

    @Test
    void manPagesAreRenderedFromTheCommandModel() throws Exception {
        CliTest.Run r = CliTest.run("man");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(".TH SEQCAST 1"), r.out());
        assertTrue(r.out().contains(".B init\n"), r.out());
        Path man = Files.createDirectories(dir.resolve("man1"));
        assertEquals(0, CliTest.run("man", man.toString()).code());
        String train = Files.readString(man.resolve("seqcast-train.1"));
        assertTrue(train.contains("\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fIMODEL\\fR"), train);
        assertTrue(Files.exists(man.resolve("seqcast-batch.1")));
        assertEquals(5, CliTest.run("man", dir.resolve("missing").toString()).code());
    }

    @Test
    void outputOptionsMeanOneThingAndOldSpellingsAreHiddenAliases() {
        CommandLine cl = Main.commandLine();
        for (String cmd : List.of("train", "predict", "init", "batch", "backtest")) {
            CommandLine.Model.OptionSpec o = cl.getSubcommands().get(cmd).getCommandSpec().findOption("--output");
            assertTrue(o != null && List.of(o.names()).contains("-o"), cmd + " has -o/--output");
        }
        for (String cmd : List.of("predict", "evaluate", "batch")) {
            CommandLine.Model.OptionSpec o = cl.getSubcommands().get(cmd).getCommandSpec().findOption("--input");
            assertTrue(o != null && List.of(o.names()).contains("-i"), cmd + " has -i/--input");
        }
        assertTrue(cl.getSubcommands().get("batch").getCommandSpec().findOption("--out").hidden());
        assertTrue(cl.getSubcommands().get("backtest").getCommandSpec().findOption("--out").hidden());
        assertTrue(cl.getSubcommands().get("predict").getCommandSpec().findOption("--forecast") != null);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 1.0 / 3, 12025.9, 123456789.123456, 1e-7, 6.02e23, -2.5e-300, 432.00000000000006})
    void outputNumbersRoundTripAtFullPrecision(double v) {
        String s = ForecastCsv.number(v);
        assertEquals(v, Double.parseDouble(s), 0.0, s);
        assertTrue(!s.endsWith(".0") && !s.contains("E") || Math.abs(v) < 1e-4 || Math.abs(v) >= 1e15, s);
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    static final Set<String> DATA_KEYS = Set.of("path", "rows", "frequency", "season", "first_time", "last_time", "targets", "features");

    @Test
    void predictJsonHasTheDocumentedShape() throws Exception {
        CliTest.Run r = CliTest.run("predict", "-m", model.toString(), "-i", "data/airpassengers.csv", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(Set.of("model", "data", "horizon", "intervals", "forecast", "seconds"), keys(j));
        assertEquals(new TreeSet<>(DATA_KEYS), keys(j.get("data")));
        assertEquals(144, j.get("data").get("rows").asInt());
        assertEquals("monthly", j.get("data").get("frequency").asText());
        assertEquals(12, j.get("data").get("season").asInt());
        assertEquals("1960-12", j.get("data").get("last_time").asText());
        assertEquals(3, j.get("horizon").asInt());
        assertEquals(Set.of("month", "passengers", "passengers_lo80", "passengers_hi80"), keys(j.get("forecast").get(0)));
        assertEquals("1961-01", j.get("forecast").get(0).get("month").asText());
        assertTrue(j.get("seconds").isNumber());
    }

    /** The JSON block of the README that follows {@code marker}. */
    static JsonNode readmeJson(String marker) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, marker);
        int from = readme.indexOf("```json\n", at) + 8;
        return Json.MAPPER.readTree(readme.substring(from, readme.indexOf("```", from)));
    }

    @Test
    void theReadmeDocumentsTheShapesTheCommandsPrint() throws Exception {
        JsonNode p = readmeJson("`--json` on `predict` prints");
        JsonNode actual = Json.MAPPER.readTree(CliTest.run("predict", "-m", model.toString(), "-i", "data/airpassengers.csv", "--json").out());
        assertEquals(keys(actual), keys(p));
        assertEquals(keys(actual.get("data")), keys(p.get("data")));
        assertEquals(keys(actual.get("forecast").get(0)), keys(p.get("forecast").get(0)));
        JsonNode s = readmeJson("and `summary --json`");
        JsonNode sa = Json.MAPPER.readTree(CliTest.run("summary", "-m", model.toString(), "--json").out());
        assertEquals(keys(sa), keys(s));
        assertEquals(keys(sa.get("window")), keys(s.get("window")));
        assertEquals(keys(sa.get("provenance")), keys(s.get("provenance")));
        assertEquals(keys(sa.get("provenance").get("validation")), keys(s.get("provenance").get("validation")));
        assertEquals(keys(sa.get("provenance").get("validation").get("model")), keys(s.get("provenance").get("validation").get("model")));
        assertEquals(keys(sa.get("layers").get(0)), keys(s.get("layers").get(0)));
    }

    @Test
    void summaryJsonHasTheDocumentedShapeForAModelAndAConfig() throws Exception {
        CliTest.Run r = CliTest.run("summary", "-m", model.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(Set.of("source", "layers", "parameters", "window", "data", "provenance", "seconds", "kind", "recipe"), keys(j));
        assertEquals("network", j.get("kind").asText());
        assertEquals(Set.of("layer", "output_shape", "parameters"), keys(j.get("layers").get(0)));
        assertEquals(Set.of("timesteps", "inputs", "outputs", "horizon", "targets"), keys(j.get("window")));
        assertEquals(new TreeSet<>(DATA_KEYS), keys(j.get("data")));
        assertEquals("monthly", j.get("data").get("frequency").asText());
        assertTrue(j.get("provenance").has("data_sha256") && j.get("provenance").get("validation").get("model").has("mase"),
                j.get("provenance").toString());
        JsonNode c = Json.MAPPER.readTree(CliTest.run("summary", "-c", "configs/airpassengers.yaml", "--json").out());
        assertTrue(c.get("provenance").isNull());
        assertEquals(144, c.get("data").get("rows").asInt());
    }

    @Test
    void batchPerColumnForecastsEachColumnOfAWideFileAsItsOwnSeries() throws Exception {
        Path out = dir.resolve("wide");
        List<String> args = new ArrayList<>(List.of("batch", "--input", "data/eustocks-wide.csv", "--per-column", "-o", out.toString(),
                "--workers", "1", "-q", "--set", "data.target=[DAX,FTSE]", "--set", "window.horizon=2"));
        args.addAll(List.of(FirstHourCliTest.FAST));
        CliTest.Run r = CliTest.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        List<String> f = Files.readAllLines(out.resolve("forecasts.csv"));
        assertEquals("series,day,value", f.get(0));
        assertEquals(List.of("DAX", "DAX", "FTSE", "FTSE"), f.subList(1, 5).stream().map(l -> l.split(",")[0]).toList());
        assertEquals("1861", f.get(1).split(",")[1]);
    }
}
