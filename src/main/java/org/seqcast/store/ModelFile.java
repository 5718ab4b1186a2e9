package org.seqcast.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.seqcast.SeqcastException;
import org.seqcast.io.AtomicFiles;
import org.seqcast.io.Limits;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.model.Tensor;
import org.seqcast.transform.ColumnScaler;
import org.seqcast.transform.Preprocessor;

/**
 * Reads and writes {@code .seqcast} model files: a zip holding exactly two entries we write ourselves,
 * {@code seqcast.json} (metadata as plain JSON, read field by field) and {@code params.bin} (raw
 * little-endian float32, checked against a SHA-256 in the metadata). Nothing is ever deserialized
 * into objects by class name: a foreign or tampered file is refused with a clear message.
 */
public final class ModelFile {
    public static final String FORMAT = "seqcast-model";
    public static final int VERSION = 1;
    static final String META = "seqcast.json";
    static final String PARAMS = "params.bin";
    /** SHA-256 of the two entries above, in sha256sum's format, written last; files without it are from before it existed. */
    static final String SUMS = "seqcast.sha256";
    private static final long MAX_META = Limits.MODEL_META_BYTES;
    private static final long MAX_PARAMS = Limits.MODEL_PARAMS_BYTES;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    /** Writes atomically: a temp file beside {@code file}, renamed over it when complete. */
    public static void write(Path file, ModelBundle bundle) {
        AtomicFiles.write(file, out -> write(out, bundle));
    }

    /** Writes the model file's bytes to a stream. */
    public static void write(java.io.OutputStream out, ModelBundle bundle) throws IOException {
        byte[] params = paramBytes(bundle.members());
        byte[] meta = JSON.writeValueAsBytes(meta(bundle, sha256(params)));
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(META));
        zip.write(meta);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(PARAMS));
        zip.write(params);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(SUMS));
        zip.write(sums(meta, params).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        zip.closeEntry();
        zip.finish();
    }

    /**
     * Reads and checks a model file. Memory is bounded by what the file declares: the metadata (at most
     * {@link Limits#MODEL_META_BYTES}) comes first and declares the size of the parameters, which are read
     * up to that size only (at most {@link Limits#MODEL_PARAMS_BYTES}); a zip bomb is refused, never inflated.
     */
    public static ModelBundle read(Path file) {
        byte[] meta = null;
        byte[] params = null;
        byte[] sums = null;
        JsonNode root = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (META.equals(name) && meta == null) {
                    meta = readLimited(zip, MAX_META, file, META);
                    root = json(file, meta);
                } else if (PARAMS.equals(name) && params == null) {
                    long declared = root == null ? -1 : declaredParamBytes(file, root);
                    params = readLimited(zip, declared < 0 ? MAX_PARAMS : declared, file, PARAMS);
                } else if (SUMS.equals(name) && sums == null && meta != null && params != null) {
                    sums = readLimited(zip, 1024, file, SUMS);
                } else {
                    throw notOurs(file, "unexpected entry '" + name + "'");
                }
            }
        } catch (NoSuchFileException e) {
            throw SeqcastException.io(file + ": model file not found", e);
        } catch (ZipException | java.io.EOFException e) {
            throw SeqcastException.model(file + ": model file is truncated or corrupt (" + e.getMessage() + "); train it again");
        } catch (IOException e) {
            throw SeqcastException.io(file + ": cannot read model file: " + e.getMessage(), e);
        }
        if (meta == null && params == null) {
            throw notOurs(file, "not a zip with seqcast entries");
        }
        if (meta == null || params == null) {
            throw SeqcastException.model(file + ": model file is truncated or corrupt (missing " + (meta == null ? META : PARAMS)
                    + "); train it again");
        }
        if (sums != null && !new String(sums, java.nio.charset.StandardCharsets.US_ASCII).equals(sums(meta, params))) {
            throw SeqcastException.model(file + ": the model's metadata or parameters do not match their checksums: the file was "
                    + "modified or damaged; train it again");
        }
        try {
            ModelBundle b = parse(file, root, params);
            ModelChecks.check(file, b, root);
            return b;
        } catch (IllegalArgumentException | NullPointerException | ClassCastException | ArithmeticException
                 | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw SeqcastException.model(file + ": model metadata is inconsistent (" + e.getMessage() + "); train it again");
        }
    }

    private static JsonNode json(Path file, byte[] meta) {
        try {
            return JSON.readTree(meta);
        } catch (JsonProcessingException e) {
            throw SeqcastException.model(file + ": model metadata is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw SeqcastException.model(file + ": model metadata is unreadable (" + e.getMessage() + ")");
        }
    }

    /** The bytes of params.bin that the metadata declares (members x tensor sizes x 4), checked against the limits. */
    private static long declaredParamBytes(Path file, JsonNode root) {
        long floats = 0;
        JsonNode tensors = root.path("tensors");
        int members = root.path("members").asInt(0);
        if (!tensors.isArray() || members < 1 || members > ModelChecks.MAX_MEMBERS) {
            throw SeqcastException.model(file + ": model metadata is inconsistent (tensors or members missing or out of range); train it again");
        }
        for (JsonNode t : tensors) {
            long size = 1;
            for (JsonNode d : t.path("shape")) {
                int dim = d.canConvertToInt() && d.isIntegralNumber() ? d.asInt() : -1;
                if (dim < 1) {
                    throw SeqcastException.model(file + ": model metadata is inconsistent (tensor shape " + t.path("shape") + "); train it again");
                }
                size *= dim;
                if (size > MAX_PARAMS) {
                    break;
                }
            }
            floats += size;
            if (floats > MAX_PARAMS) {
                break;
            }
        }
        long bytes = floats > MAX_PARAMS ? Long.MAX_VALUE : floats * 4 * members;
        if (bytes > MAX_PARAMS) {
            throw SeqcastException.model(file + ": the model declares more than " + Limits.describe(MAX_PARAMS)
                    + " of parameters, seqcast's limit for a model file; refusing it");
        }
        ModelChecks.requireHeap(file, bytes);
        return bytes;
    }

    private static SeqcastException notOurs(Path file, String why) {
        return SeqcastException.model(file + ": not a seqcast model file (" + why + "); give a file written by 'seqcast train -o'");
    }

    private static byte[] readLimited(InputStream in, long max, Path file, String entry) throws IOException {
        return Limits.readAll(in, max, limit -> SeqcastException.model(file + ": model file entry " + entry + " is larger than "
                + (entry.equals(PARAMS) && limit < MAX_PARAMS ? "its metadata declares (" + limit + " bytes)" : Limits.describe(limit))
                + "; refusing it (damaged, or not written by seqcast)"));
    }

    /** The checksum entry: SHA-256 of the metadata and of the parameters, as sha256sum prints them. */
    private static String sums(byte[] meta, byte[] params) {
        return sha256(meta) + "  " + META + "\n" + sha256(params) + "  " + PARAMS + "\n";
    }

    // ---- writing ----

    private static byte[] paramBytes(List<NetworkParams> members) {
        long floats = 0;
        for (NetworkParams p : members) {
            floats += p.count();
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(floats * 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (NetworkParams p : members) {
            for (int l = 0; l < p.layerCount(); l++) {
                for (Tensor t : p.layer(l).values()) {
                    for (float v : t.data()) {
                        buf.putFloat(v);
                    }
                }
            }
        }
        return buf.array();
    }

    private static ObjectNode meta(ModelBundle b, String paramsSha) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        Schema s = b.schema();
        ObjectNode schema = root.putObject("schema");
        schema.put("time_column", s.timeColumn());
        schema.put("frequency_unit", s.frequencyUnit());
        schema.put("frequency_multiple", s.frequencyMultiple());
        strings(schema.putArray("targets"), s.targets());
        strings(schema.putArray("features"), s.features());
        schema.put("timesteps", s.timesteps());
        schema.put("horizon", s.horizon());
        schema.put("season", s.season());
        schema.put("season_inputs", s.seasonInputs());
        schema.put("strategy", s.recursive() ? "recursive" : "direct");

        ObjectNode net = root.putObject("network");
        NetworkSpec n = b.network();
        net.put("inputs", n.inputs());
        net.put("timesteps", n.timesteps());
        net.put("outputs", n.outputs());
        ArrayNode layers = net.putArray("layers");
        for (NetworkSpec.Recurrent r : n.layers()) {
            ObjectNode l = layers.addObject();
            l.put("type", "lstm");
            l.put("n_in", r.nIn());
            l.put("units", r.units());
            l.put("bidirectional", r.bidirectional());
            l.put("dropout", r.dropout());
        }
        ArrayNode tensors = root.putArray("tensors");
        NetworkParams first = b.members().get(0);
        for (int l = 0; l < first.layerCount(); l++) {
            for (Tensor t : first.layer(l).values()) {
                ObjectNode o = tensors.addObject();
                o.put("layer", l);
                o.put("name", t.name());
                ArrayNode shape = o.putArray("shape");
                for (int d : t.shape()) {
                    shape.add(d);
                }
            }
        }
        root.put("members", b.members().size());
        root.put("params_sha256", paramsSha);

        ObjectNode transform = root.putObject("transform");
        transform.put("log", b.preprocessor().log());
        transform.put("window_norm", b.preprocessor().windowNorm());
        transform.put("targets", b.preprocessor().targets());
        ObjectNode scaler = transform.putObject("scaler");
        doubles(scaler.putArray("mean"), b.preprocessor().scaler().mean());
        doubles(scaler.putArray("scale"), b.preprocessor().scaler().scale());

        ArrayNode intervals = root.putArray("intervals");
        for (ModelBundle.IntervalBand band : b.intervals()) {
            ObjectNode o = intervals.addObject();
            o.put("level", band.level());
            matrix(o.putArray("lower"), band.lower());
            matrix(o.putArray("upper"), band.upper());
            o.put("log_scale", band.logScale());
        }

        Provenance p = b.provenance();
        ObjectNode prov = root.putObject("provenance");
        prov.put("data_path", p.dataPath());
        prov.put("data_sha256", p.dataSha256());
        prov.put("rows", p.rows());
        prov.put("first_time", p.firstTime());
        prov.put("last_time", p.lastTime());
        prov.put("seed", p.seed());
        prov.put("seqcast_version", p.seqcastVersion());
        prov.put("dl4j_version", p.dl4jVersion());
        prov.put("java_version", p.javaVersion());
        prov.put("trained_at", p.trainedAt());
        prov.put("best_epoch", p.bestEpoch());
        prov.put("epochs_run", p.epochsRun());
        ObjectNode scores = prov.putObject("scores");
        new TreeMap<>(p.scores()).forEach(scores::put);
        root.put("config", b.configYaml());
        return root;
    }

    private static void strings(ArrayNode a, List<String> v) {
        v.forEach(a::add);
    }

    private static void doubles(ArrayNode a, double[] v) {
        for (double d : v) {
            a.add(d);
        }
    }

    private static void matrix(ArrayNode a, double[][] m) {
        for (double[] row : m) {
            doubles(a.addArray(), row);
        }
    }

    // ---- reading ----

    private static ModelBundle parse(Path file, JsonNode root, byte[] params) {
        if (!FORMAT.equals(text(root, "format"))) {
            throw notOurs(file, "format is '" + root.path("format").asText("") + "'");
        }
        int version = integer(root, "version");
        if (version != VERSION) {
            throw SeqcastException.model(file + ": model file version " + version + " is not supported by seqcast "
                    + org.seqcast.Versions.seqcast() + " (reads version " + VERSION + "); retrain or upgrade seqcast");
        }
        String sha = text(root, "params_sha256");
        if (!sha.equals(sha256(params))) {
            throw SeqcastException.model(file + ": parameters do not match their checksum: the file was modified or damaged; train it again");
        }
        JsonNode s = root.get("schema");
        String strategy = s.has("strategy") ? text(s, "strategy") : "direct"; // files before forecast.strategy are direct
        if (!strategy.equals("direct") && !strategy.equals("recursive")) {
            throw SeqcastException.model(file + ": unknown forecast strategy '" + strategy + "'; this seqcast knows direct and recursive");
        }
        Schema schema = new Schema(text(s, "time_column"), text(s, "frequency_unit"), integer(s, "frequency_multiple"),
                strings(s.get("targets")), strings(s.get("features")), integer(s, "timesteps"), integer(s, "horizon"),
                integer(s, "season"), optionalBool(s, "season_inputs"), strategy.equals("recursive"));

        JsonNode n = root.get("network");
        List<NetworkSpec.Recurrent> layers = new ArrayList<>();
        for (JsonNode l : n.get("layers")) {
            if (!"lstm".equals(text(l, "type"))) {
                throw SeqcastException.model(file + ": unknown layer type '" + text(l, "type") + "'");
            }
            layers.add(new NetworkSpec.Recurrent(integer(l, "n_in"), integer(l, "units"), l.get("bidirectional").asBoolean(),
                    l.get("dropout").asDouble()));
        }
        NetworkSpec spec = new NetworkSpec(integer(n, "inputs"), integer(n, "timesteps"), layers, integer(n, "outputs"));

        int members = integer(root, "members");
        JsonNode tensors = root.get("tensors");
        long perMember = 0;
        for (JsonNode t : tensors) {
            long size = 1;
            for (JsonNode d : t.get("shape")) {
                size *= d.asInt();
            }
            perMember += size;
        }
        if (members < 1 || perMember * members * 4 != params.length) {
            throw SeqcastException.model(file + ": parameter block has " + params.length + " bytes, metadata describes "
                    + perMember * members * 4 + "; the file is damaged");
        }
        ByteBuffer buf = ByteBuffer.wrap(params).order(ByteOrder.LITTLE_ENDIAN);
        List<NetworkParams> list = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            List<Map<String, Tensor>> ls = new ArrayList<>();
            for (JsonNode t : tensors) {
                int layer = integer(t, "layer");
                while (ls.size() <= layer) {
                    ls.add(new LinkedHashMap<>());
                }
                int[] shape = new int[t.get("shape").size()];
                int size = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = t.get("shape").get(i).asInt();
                    size *= shape[i];
                }
                float[] data = new float[size];
                buf.asFloatBuffer().get(data);
                buf.position(buf.position() + size * 4);
                String name = text(t, "name");
                ls.get(layer).put(name, new Tensor(name, shape, data));
            }
            list.add(new NetworkParams(ls));
        }

        JsonNode tr = root.get("transform");
        JsonNode sc = tr.get("scaler");
        Preprocessor pre = new Preprocessor(bool(tr, "log"), bool(tr, "window_norm"), integer(tr, "targets"),
                new ColumnScaler(doubles(sc.get("mean")), doubles(sc.get("scale"))));

        List<ModelBundle.IntervalBand> bands = new ArrayList<>();
        for (JsonNode o : root.path("intervals")) {
            bands.add(new ModelBundle.IntervalBand(integer(o, "level"), matrix(o.get("lower")), matrix(o.get("upper")),
                    o.path("log_scale").asBoolean(false)));
        }

        JsonNode p = root.get("provenance");
        Map<String, Double> scores = new LinkedHashMap<>();
        p.path("scores").fields().forEachRemaining(e -> scores.put(e.getKey(), e.getValue().asDouble()));
        Provenance prov = new Provenance(text(p, "data_path"), text(p, "data_sha256"), integer(p, "rows"),
                text(p, "first_time"), text(p, "last_time"), p.get("seed").asLong(), text(p, "seqcast_version"),
                text(p, "dl4j_version"), text(p, "java_version"), text(p, "trained_at"), integer(p, "best_epoch"),
                integer(p, "epochs_run"), scores);
        return new ModelBundle(text(root, "config"), schema, spec, list, pre, bands, prov);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not text");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not a boolean");
        }
        return v.asBoolean();
    }

    /** A boolean field that older files lack: absent means false. */
    private static boolean optionalBool(JsonNode n, String field) {
        return n.has(field) && bool(n, field);
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not an integer");
        }
        return v.asInt();
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : a) {
            out.add(v.asText());
        }
        return out;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static double[][] matrix(JsonNode a) {
        double[][] out = new double[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(a.get(i));
        }
        return out;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
