package org.seqcast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.SeqcastException;

/** Model files that are hostile or edited: memory bounded by the declared sizes, metadata checksummed, shapes checked. */
class ModelFileHardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Map<String, byte[]> written() throws IOException {
        Path f = dir.resolve("ok.seqcast");
        ModelFile.write(f, ModelFileTest.bundle());
        return entries(f);
    }

    static Map<String, byte[]> entries(Path f) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(f))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                out.put(e.getName(), z.readAllBytes());
            }
        }
        return out;
    }

    /** Writes the entries in the given order (a stream of zero bytes for a null value of {@code bomb} bytes). */
    static void zip(Path f, Map<String, byte[]> entries, String bombEntry, long bomb) throws IOException {
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals(bombEntry)) {
                    byte[] zeros = new byte[1 << 20];
                    for (long n = 0; n < bomb; n += zeros.length) {
                        z.write(zeros);
                    }
                } else {
                    z.write(e.getValue());
                }
                z.closeEntry();
            }
        }
    }

    private static SeqcastException refused(Path f) {
        return assertThrows(SeqcastException.class, () -> ModelFile.read(f));
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aZipBombParameterEntryIsRefusedAfterReadingOnlyWhatTheMetadataDeclares() throws IOException {
        Map<String, byte[]> e = written();
        Path bomb = dir.resolve("bomb.seqcast");
        zip(bomb, e, ModelFile.PARAMS, 256L << 20); // 256 MiB of zeros, about 250 KiB on disk
        assertTrue(Files.size(bomb) < 2 << 20, "a small file");
        long before = allocatedBytes();
        SeqcastException x = refused(bomb);
        long allocated = allocatedBytes() - before;
        assertEquals(SeqcastException.Kind.MODEL, x.kind(), x.getMessage());
        assertTrue(x.getMessage().contains("larger than its metadata declares"), x.getMessage());
        assertTrue(allocated < 32L << 20, "read at most what the metadata declares, allocated " + (allocated >> 20) + " MiB");
    }

    @Test
    void aModelDeclaringParametersOverTheLimitIsRefusedBeforeReadingThem() throws IOException {
        Map<String, byte[]> e = written();
        ObjectNode meta = (ObjectNode) JSON.readTree(e.get(ModelFile.META));
        ArrayNode shape = (ArrayNode) meta.get("tensors").get(0).get("shape");
        shape.removeAll().add(65536).add(65536); // 16 GiB of floats
        e.put(ModelFile.META, JSON.writeValueAsBytes(meta));
        e.remove(ModelFile.SUMS);
        Path f = dir.resolve("huge.seqcast");
        zip(f, e, null, 0);
        SeqcastException x = refused(f);
        assertEquals(SeqcastException.Kind.MODEL, x.kind(), x.getMessage());
        assertTrue(x.getMessage().contains("limit"), x.getMessage());
    }

    @Test
    void editedMetadataFailsTheChecksum() throws IOException {
        Map<String, byte[]> e = written();
        String meta = new String(e.get(ModelFile.META), StandardCharsets.UTF_8);
        e.put(ModelFile.META, meta.replace("\"rows\" : 100", "\"rows\" : 101").getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("edited.seqcast");
        zip(f, e, null, 0);
        SeqcastException x = refused(f);
        assertEquals(SeqcastException.Kind.MODEL, x.kind());
        assertTrue(x.getMessage().contains("checksum"), x.getMessage());
    }

    /** Edits that keep the JSON valid but make the numbers disagree: each is a bad model (kind MODEL), never a crash later. */
    @Test
    void inconsistentShapesAndUnknownFrequencyAreBadModels() throws IOException {
        String[][] edits = {
            {"\"frequency_unit\" : \"MONTH\"", "\"frequency_unit\" : \"FORTNIGHT\""},
            {"\"horizon\" : 3", "\"horizon\" : 4"},
            {"\"timesteps\" : 5,\n    \"horizon\"", "\"timesteps\" : 7,\n    \"horizon\""},
        };
        for (String[] edit : edits) {
            Map<String, byte[]> e = written();
            String meta = new String(e.get(ModelFile.META), StandardCharsets.UTF_8);
            assertTrue(meta.contains(edit[0]), meta);
            e.put(ModelFile.META, meta.replace(edit[0], edit[1]).getBytes(StandardCharsets.UTF_8));
            e.remove(ModelFile.SUMS); // as an older file would be: only the consistency checks stand
            Path f = dir.resolve("inconsistent.seqcast");
            zip(f, e, null, 0);
            SeqcastException x = refused(f);
            assertEquals(SeqcastException.Kind.MODEL, x.kind(), x.getMessage());
            assertTrue(x.getMessage().contains("inconsistent"), edit[1] + ": " + x.getMessage());
        }
    }
}
