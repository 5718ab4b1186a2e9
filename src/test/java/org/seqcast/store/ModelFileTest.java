package org.seqcast.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.SeqcastException;
import org.seqcast.config.ConfigLoader;
import org.seqcast.eval.Scores;
import org.seqcast.forecast.Method;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.forecast.Provenance;
import org.seqcast.forecast.Schema;
import org.seqcast.model.Inference;
import org.seqcast.model.NetworkFactory;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.transform.ColumnScaler;
import org.seqcast.transform.Preprocessor;

class ModelFileTest {
    @TempDir
    Path dir;

    static ModelBundle bundle() {
        NetworkSpec spec = NetworkSpec.of(2, 5, List.of(new int[] {4, 0}, new int[] {3, 1}), List.of(0.0, 0.1), 6);
        MultiLayerNetwork net = NetworkFactory.build(spec, 1e-3, 11);
        NetworkParams p1 = NetworkParams.of(net);
        NetworkParams p2 = NetworkParams.of(NetworkFactory.build(spec, 1e-3, 12));
        Schema schema = new Schema("month", "MONTH", 1, List.of("a", "b"), List.of(), 5, 3, 12);
        Preprocessor pre = new Preprocessor(true, true, 2, new ColumnScaler(new double[] {1.5, -2}, new double[] {3, 0.25}));
        ModelBundle.IntervalBand band = new ModelBundle.IntervalBand(80, new double[][] {{-1, -2}, {-3, -4}, {-5, -6}},
                new double[][] {{1, 2}, {3, 4}, {5, 6}}, true);
        Map<Method, Scores> validation = new java.util.LinkedHashMap<>();
        validation.put(Method.MODEL, new Scores(1.25, 1.5, Double.NaN, 12.5, 0.75));
        validation.put(Method.NAIVE, new Scores(2.5, 3, 20, 25, 1.5));
        Provenance prov = new Provenance("data/x.csv", "ab".repeat(32), 100, "1949-01", "1957-04", 42, "0.1.0", "1.0.0-M2.1", "17",
                "2026-11-23T00:00:00Z", 7, 19, 1, "fast", "FastNetwork", "amd64, test CPU (2 cores)", "OpenBLAS test", validation, Method.MODEL, null, null, Provenance.ETS);
        return new ModelBundle(ConfigLoader.fromYaml("data:\n  path: data/x.csv\n", "test", List.of()), schema, spec, List.of(p1, p2), pre,
                List.of(band), prov);
    }

    @Test
    void roundTripKeepsEverything() {
        ModelBundle b = bundle();
        Path f = dir.resolve("m.seqcast");
        ModelFile.write(f, b);
        ModelBundle r = ModelFile.read(f);
        assertEquals(b.schema(), r.schema());
        assertEquals(b.network(), r.network());
        assertEquals(b.members(), r.members());
        assertEquals(b.preprocessor(), r.preprocessor());
        assertEquals(b.provenance(), r.provenance());
        assertEquals(b.config(), r.config());
        assertEquals(80, r.intervals().get(0).level());
        assertArrayEquals(b.intervals().get(0).upper()[2], r.intervals().get(0).upper()[2]);
        float[][] x = {{0.1f, 0.2f, -0.3f, 0.4f, 0.5f}, {1, 0, -1, 0, 1}};
        assertArrayEquals(new Inference(b.network(), b.members().get(1)).forward(x), new Inference(r.network(), r.members().get(1)).forward(x));
        // only our own file: no temp file left beside it
        assertEquals(List.of(f), list());
    }

    @Test
    void seasonInputsRoundTripAndOldFilesWithoutThemLoad() throws IOException {
        NetworkSpec spec = NetworkSpec.of(3, 5, List.<int[]>of(new int[] {4, 0}), List.of(0.0), 3);
        Schema schema = new Schema("month", "MONTH", 1, List.of("a"), List.of(), 5, 3, 12, true);
        Preprocessor pre = new Preprocessor(false, true, 1, new ColumnScaler(new double[] {1, 0, 0}, new double[] {2, 0.7, 0.7}));
        ModelBundle old = bundle();
        ModelBundle b = new ModelBundle(old.config(), schema, spec, List.of(NetworkParams.of(NetworkFactory.build(spec, 1e-3, 3))), pre,
                List.of(), old.provenance());
        Path f = dir.resolve("season.seqcast");
        ModelFile.write(f, b);
        ModelBundle r = ModelFile.read(f);
        assertEquals(schema, r.schema());
        assertTrue(r.schema().seasonInputs());
        assertEquals(3, r.network().inputs());

        // A file written before season inputs existed has no such field: it loads without them.
        Path g = dir.resolve("old.seqcast");
        ModelFile.write(g, old);
        Map<String, byte[]> entries = readZip(g);
        byte[] meta = entries.get(ModelFile.META);
        byte[] params = entries.get(ModelFile.PARAMS);
        String json = new String(meta, java.nio.charset.StandardCharsets.UTF_8);
        String stripped = json.replaceAll(",\\s*\"season_inputs\"\\s*:\\s*false", "");
        assertTrue(json.contains("\"season_inputs\"") && !stripped.contains("\"season_inputs\""), stripped);
        writeZip(g, Map.of(ModelFile.META, stripped.getBytes(java.nio.charset.StandardCharsets.UTF_8), ModelFile.PARAMS, params));
        ModelBundle o = ModelFile.read(g);
        assertFalse(o.schema().seasonInputs());
        assertEquals(old.schema(), o.schema());
    }

    @Test
    void recursiveStrategyRoundTripsAndUnknownStrategiesAreRefused() throws IOException {
        NetworkSpec spec = NetworkSpec.of(3, 5, List.<int[]>of(new int[] {4, 0}), List.of(0.0), 1);
        Schema schema = new Schema("month", "MONTH", 1, List.of("a"), List.of(), 5, 3, 12, true, true);
        Preprocessor pre = new Preprocessor(false, true, 1, new ColumnScaler(new double[] {1, 0, 0}, new double[] {2, 0.7, 0.7}));
        ModelBundle old = bundle();
        ModelBundle b = new ModelBundle(old.config(), schema, spec, List.of(NetworkParams.of(NetworkFactory.build(spec, 1e-3, 3))), pre,
                List.of(), old.provenance());
        Path f = dir.resolve("rec.seqcast");
        ModelFile.write(f, b);
        assertEquals(schema, ModelFile.read(f).schema());
        assertTrue(ModelFile.read(f).schema().recursive());

        Map<String, byte[]> entries = readZip(f);
        byte[] meta = entries.get(ModelFile.META);
        byte[] params = entries.get(ModelFile.PARAMS);
        String json = new String(meta, java.nio.charset.StandardCharsets.UTF_8).replace("\"recursive\"", "\"sideways\"");
        Path g = dir.resolve("bad.seqcast");
        writeZip(g, Map.of(ModelFile.META, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), ModelFile.PARAMS, params));
        SeqcastException e = assertThrows(SeqcastException.class, () -> ModelFile.read(g));
        assertTrue(e.getMessage().contains("sideways"), e.getMessage());
    }

    @Test
    void seasonInputsMustMatchTheNetworkInputs() {
        ModelBundle b = bundle();
        Schema schema = new Schema("month", "MONTH", 1, List.of("a", "b"), List.of(), 5, 3, 12, true);
        assertThrows(IllegalArgumentException.class, () -> new ModelBundle(b.config(), schema, b.network(), b.members(),
                b.preprocessor(), b.intervals(), b.provenance()));
    }

    @Test
    void tamperedParametersAreRefused() throws IOException {
        Path f = dir.resolve("m.seqcast");
        ModelFile.write(f, bundle());
        byte[] bytes = Files.readAllBytes(f);
        // params.bin is stored deflated: flipping a byte near the end of its data breaks the checksum or the zip
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(f, bytes);
        SeqcastException e = assertThrows(SeqcastException.class, () -> ModelFile.read(f));
        assertEquals(SeqcastException.Kind.MODEL, e.kind());
    }

    @Test
    void modifiedParamsWithValidZipFailTheChecksum() throws IOException {
        Path f = dir.resolve("m.seqcast");
        ModelFile.write(f, bundle());
        Map<String, byte[]> entries = readZip(f);
        byte[] meta = entries.get(ModelFile.META);
        byte[] params = entries.get(ModelFile.PARAMS);
        params[0] ^= 1;
        writeZip(f, Map.of(ModelFile.META, meta, ModelFile.PARAMS, params));
        SeqcastException e = assertThrows(SeqcastException.class, () -> ModelFile.read(f));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Path f = dir.resolve("m.seqcast");
        ModelFile.write(f, bundle());
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length / 3));
        SeqcastException e = assertThrows(SeqcastException.class, () -> ModelFile.read(f));
        assertEquals(SeqcastException.Kind.MODEL, e.kind());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void dl4jModelZipIsForeignAndNeverDeserialized() throws IOException {
        Path f = dir.resolve("dl4j.zip");
        ModelSerializer.writeModel(NetworkFactory.build(bundle().network(), 1e-3, 1), f.toFile(), true);
        SeqcastException e = assertThrows(SeqcastException.class, () -> ModelFile.read(f));
        assertTrue(e.getMessage().contains("not a seqcast model file"), e.getMessage());
        // an extra entry such as DL4J's preprocessor.bin is refused before anything is parsed
        writeZip(f, Map.of("preprocessor.bin", new byte[] {(byte) 0xac, (byte) 0xed, 0, 5}));
        e = assertThrows(SeqcastException.class, () -> ModelFile.read(f));
        assertTrue(e.getMessage().contains("preprocessor.bin"), e.getMessage());
    }

    @Test
    void plainTextAndMissingFilesGetClearErrors() throws IOException {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "hello");
        assertEquals(SeqcastException.Kind.MODEL, assertThrows(SeqcastException.class, () -> ModelFile.read(f)).kind());
        assertEquals(SeqcastException.Kind.IO, assertThrows(SeqcastException.class, () -> ModelFile.read(dir.resolve("none"))).kind());
    }

    @Test
    void failedWriteLeavesNoPartialFile() {
        Path f = dir.resolve("out.seqcast");
        assertThrows(SeqcastException.class, () -> org.seqcast.io.AtomicFiles.write(f, out -> {
            out.write(new byte[100]);
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(f));
        assertEquals(List.of(), list());
    }

    private List<Path> list() {
        try (var s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    /** The entries of a model file by name. */
    static Map<String, byte[]> readZip(Path f) throws IOException {
        Map<String, byte[]> out = new java.util.HashMap<>();
        try (var zin = new java.util.zip.ZipInputStream(Files.newInputStream(f))) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                out.put(e.getName(), zin.readAllBytes());
            }
        }
        return out;
    }

    static void writeZip(Path f, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }
}
