package org.seqcast.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
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
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.model.Tensor;

/**
 * Reads and writes {@code .seqcast} model files: a zip holding exactly two entries we write ourselves,
 * {@code seqcast.json} (metadata as plain JSON bound to {@link ModelMetadata} records) and {@code params.bin} (raw
 * little-endian float32, checked against a SHA-256 in the metadata). Nothing is ever deserialized
 * into objects by class name: a foreign or tampered file is refused with a clear message.
 */
public final class ModelFile {
    public static final String FORMAT = "seqcast-model";
    /** 2: provenance with engine, kernel, CPU, BLAS and per-method validation scores (version 1 files still read). */
    public static final int VERSION = 2;
    static final String META = "seqcast.json";
    static final String PARAMS = "params.bin";
    private static final long MAX_META = 64L << 20;
    private static final long MAX_PARAMS = 1L << 31;

    private ModelFile() {
    }

    /** Writes atomically: a temp file beside {@code file}, renamed over it when complete. */
    public static void write(Path file, ModelBundle bundle) {
        byte[] params = paramBytes(bundle.members());
        ModelMetadata meta = ModelMetadata.of(bundle, sha256(params), ConfigLoader.toYaml(bundle.config()));
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(META));
            zip.write(Json.MAPPER.writeValueAsBytes(meta));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(PARAMS));
            zip.write(params);
            zip.closeEntry();
            zip.finish();
        });
    }

    public static ModelBundle read(Path file) {
        byte[] meta = null;
        byte[] params = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (META.equals(name) && meta == null) {
                    meta = readLimited(zip, MAX_META, file);
                } else if (PARAMS.equals(name) && params == null) {
                    params = readLimited(zip, MAX_PARAMS, file);
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
        try {
            return parse(file, Json.MAPPER.readValue(meta, ModelMetadata.class), params);
        } catch (JsonProcessingException e) {
            throw SeqcastException.model(file + ": model metadata is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw SeqcastException.model(file + ": model metadata is unreadable (" + e.getMessage() + ")");
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            throw SeqcastException.model(file + ": model metadata is inconsistent (" + e.getMessage() + ")");
        }
    }

    private static SeqcastException notOurs(Path file, String why) {
        return SeqcastException.model(file + ": not a seqcast model file (" + why + "); give a file written by 'seqcast train -o'");
    }

    private static byte[] readLimited(InputStream in, long max, Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > max) {
                throw SeqcastException.model(file + ": model file entry is larger than " + max + " bytes; refusing it");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
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
        SeqcastConfig cfg;
        try {
            cfg = ConfigLoader.fromYaml(m.config(), file + " (stored config)", List.of());
        } catch (SeqcastException e) {
            throw SeqcastException.model(file + ": the model's stored config is invalid (" + e.getMessage() + "); train it again");
        }
        return new ModelBundle(cfg, schema, spec, list, m.toPreprocessor(), m.toIntervals(), m.toProvenance());
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
