package org.seqcast.store;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.seqcast.SeqcastException;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.forecast.Schema;
import org.seqcast.io.AtomicFiles;
import org.seqcast.io.Json;
import org.seqcast.io.Limits;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.model.Tensor;

/**
 * Reads and writes {@code .seqcast} model files: a zip holding the entries we write ourselves,
 * {@code seqcast.json} (metadata as plain JSON bound to {@link ModelMetadata} records), {@code params.bin} (raw
 * little-endian float32, checked against a SHA-256 in the metadata) and {@code seqcast.sha256} (SHA-256 of both,
 * so that an edited metadata entry is caught too; older files lack it). Reads are bounded by the declared sizes
 * and every shape is checked ({@link ModelChecks}). Nothing is ever deserialized
 * into objects by class name: a foreign or tampered file is refused with a clear message.
 */
public final class ModelFile {
    public static final String FORMAT = "seqcast-model";
    /**
     * 2: provenance with engine, kernel, CPU, BLAS and per-method validation scores; 3: global models (a recipe instead of
     * a fitted transform, the training set in the provenance) and classical models (no network: provenance method theta
     * and why, an empty params.bin). Versions 1 and 2 still read.
     */
    public static final int VERSION = 3;
    static final String META = "seqcast.json";
    static final String PARAMS = "params.bin";
    /** SHA-256 of the two entries above, in sha256sum's format, written last; files without it are from before it existed. */
    static final String SUMS = "seqcast.sha256";
    private static final long MAX_META = Limits.MODEL_META_BYTES;
    private static final long MAX_PARAMS = Limits.MODEL_PARAMS_BYTES;

    private ModelFile() {
    }

    /** Writes atomically: a temp file beside {@code file}, renamed over it when complete. */
    public static void write(Path file, ModelBundle bundle) {
        AtomicFiles.write(file, out -> write(out, bundle));
    }

    /** Writes the model file's bytes to a stream. */
    public static void write(java.io.OutputStream out, ModelBundle bundle) throws IOException {
        byte[] params = paramBytes(bundle.members());
        ModelMetadata m = ModelMetadata.of(bundle, sha256(params), ConfigLoader.toYaml(bundle.config()));
        byte[] meta = Json.MAPPER.writeValueAsBytes(m);
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
        ModelMetadata m = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (META.equals(name) && meta == null) {
                    meta = readLimited(zip, MAX_META, file, META);
                    m = metadata(file, meta);
                } else if (PARAMS.equals(name) && params == null) {
                    long declared = m == null ? -1 : declaredParamBytes(file, m);
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
            ModelBundle b = parse(file, m, params);
            ModelChecks.check(file, b);
            return b;
        } catch (IllegalArgumentException | NullPointerException | ClassCastException | ArithmeticException
                 | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw SeqcastException.model(file + ": model metadata is inconsistent (" + e.getMessage() + "); train it again");
        }
    }

    private static ModelMetadata metadata(Path file, byte[] meta) {
        try {
            return Json.MAPPER.readValue(meta, ModelMetadata.class);
        } catch (JsonProcessingException e) {
            throw SeqcastException.model(file + ": model metadata is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw SeqcastException.model(file + ": model metadata is unreadable (" + e.getMessage() + ")");
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            throw SeqcastException.model(file + ": model metadata is inconsistent (" + e.getMessage() + ")");
        }
    }

    /** The bytes of params.bin that the metadata declares (members x tensor sizes x 4), checked against the limits. */
    private static long declaredParamBytes(Path file, ModelMetadata m) {
        if (m.classical()) {
            if (m.members() != 0 || (m.tensors() != null && !m.tensors().isEmpty()) || m.network() != null) {
                throw SeqcastException.model(file + ": model metadata is inconsistent (a classical model with a network); train it again");
            }
            return 0;
        }
        if (m.tensors() == null || m.members() < 1 || m.members() > ModelChecks.MAX_MEMBERS) {
            throw SeqcastException.model(file + ": model metadata is inconsistent (tensors or members missing or out of range); train it again");
        }
        long floats = 0;
        for (ModelMetadata.TensorJson t : m.tensors()) {
            long size = 1;
            for (int dim : t.shape() == null ? new int[] {-1} : t.shape()) {
                if (dim < 1) {
                    throw SeqcastException.model(file + ": model metadata is inconsistent (tensor shape "
                            + java.util.Arrays.toString(t.shape()) + "); train it again");
                }
                size = Math.min(size * dim, MAX_PARAMS + 1);
            }
            floats = Math.min(floats + size, MAX_PARAMS + 1);
        }
        long bytes = floats > MAX_PARAMS ? Long.MAX_VALUE : floats * 4 * m.members();
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

    // ---- reading ----

    private static ModelBundle parse(Path file, ModelMetadata m, byte[] params) {
        if (!FORMAT.equals(m.format())) {
            throw notOurs(file, "format is '" + m.format() + "'");
        }
        if (m.version() < 1 || m.version() > VERSION) {
            throw SeqcastException.model(file + ": model file version " + m.version() + " is not supported by seqcast "
                    + org.seqcast.Versions.seqcast() + " (reads versions 1 to " + VERSION + "); retrain or upgrade seqcast");
        }
        if (!sha256(params).equals(m.paramsSha256())) {
            throw SeqcastException.model(file + ": parameters do not match their checksum: the file was modified or damaged; train it again");
        }
        Schema schema = m.toSchema();
        SeqcastConfig cfg;
        try {
            cfg = ConfigLoader.fromYaml(m.config(), file + " (stored config)", List.of());
        } catch (SeqcastException e) {
            throw SeqcastException.model(file + ": the model's stored config is invalid (" + e.getMessage() + "); train it again");
        }
        if (m.classical()) {
            if (params.length != 0) {
                throw SeqcastException.model(file + ": a classical model has no parameters but params.bin has " + params.length + " bytes");
            }
            return ModelBundle.classical(cfg, schema, m.toProvenance());
        }
        NetworkSpec spec = m.toNetwork();
        int members = m.members();
        long perMember = m.floatsPerMember();
        if (members < 1 || perMember * members * 4 != params.length) {
            throw SeqcastException.model(file + ": parameter block has " + params.length + " bytes, metadata describes "
                    + perMember * members * 4 + "; the file is damaged");
        }
        ByteBuffer buf = ByteBuffer.wrap(params).order(ByteOrder.LITTLE_ENDIAN);
        List<NetworkParams> list = new ArrayList<>();
        for (int k = 0; k < members; k++) {
            List<Map<String, Tensor>> ls = new ArrayList<>();
            for (ModelMetadata.TensorJson t : m.tensors()) {
                while (ls.size() <= t.layer()) {
                    ls.add(new LinkedHashMap<>());
                }
                float[] data = new float[Math.toIntExact(t.size())];
                buf.asFloatBuffer().get(data);
                buf.position(buf.position() + data.length * 4);
                ls.get(t.layer()).put(t.name(), new Tensor(t.name(), t.shape(), data));
            }
            list.add(new NetworkParams(ls));
        }
        return new ModelBundle(cfg, schema, spec, list, m.toPreprocessor(), m.toIntervals(), m.toProvenance(), m.toRecipe());
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
