package org.seqcast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqcast.SeqcastException;
import org.seqcast.config.WindowNorm;
import org.seqcast.forecast.Method;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.forecast.Provenance;
import org.seqcast.forecast.Recipe;
import org.seqcast.forecast.TrainingSet;

/** Version 3 files: a global model (a recipe, no fitted transform) and a classical one (no network) round-trip and are checked. */
class ModelKindsFileTest {
    @TempDir
    Path dir;

    private static Provenance provenance(ModelBundle b, Method method, String reason, TrainingSet training) {
        Provenance p = b.provenance();
        return new Provenance(p.dataPath(), p.dataSha256(), p.rows(), p.firstTime(), p.lastTime(), p.seed(), p.seqcastVersion(),
                p.dl4jVersion(), p.javaVersion(), p.trainedAt(), p.bestEpoch(), p.epochsRun(), training == null ? 1 : training.series(),
                p.engine(), p.kernel(), p.cpu(), p.blas(), p.validation(), method, reason, training, p.combine());
    }

    static ModelBundle global() {
        ModelBundle b = ModelFileTest.bundle();
        TrainingSet training = TrainingSet.of(List.of("a", "b", "c"), 300);
        return new ModelBundle(b.config(), b.schema(), b.network(), b.members(), null, b.intervals(), provenance(b, Method.MODEL, null, training),
                new Recipe(5, 1, false, 1, false, false, true, WindowNorm.RELATIVE));
    }

    @Test
    void aGlobalModelRoundTripsWithItsRecipeAndTrainingSet() {
        Path f = dir.resolve("g.seqcast");
        ModelFile.write(f, global());
        ModelBundle r = ModelFile.read(f);
        assertEquals(ModelBundle.Kind.GLOBAL, r.kind());
        assertNull(r.preprocessor());
        assertEquals(global().recipe(), r.recipe());
        assertEquals(global().provenance().training(), r.provenance().training());
        assertEquals(List.of("a", "b", "c"), r.provenance().training().ids());
        assertEquals(global().members(), r.members());
    }

    @Test
    void aClassicalModelHasNoParametersAndSaysWhy() throws IOException {
        ModelBundle b = ModelFileTest.bundle();
        ModelBundle theta = ModelBundle.classical(b.config(), b.schema(), provenance(b, Method.THETA, "10 rows is too short", null));
        Path f = dir.resolve("t.seqcast");
        ModelFile.write(f, theta);
        ModelBundle r = ModelFile.read(f);
        assertEquals(ModelBundle.Kind.CLASSICAL, r.kind());
        assertEquals(Method.THETA, r.provenance().method());
        assertEquals("10 rows is too short", r.provenance().reason());
        assertEquals(0, ModelFileTest.readZip(f).get(ModelFile.PARAMS).length);
        // parameters smuggled into a classical model are refused
        Map<String, byte[]> e = ModelFileTest.readZip(f);
        Path g = dir.resolve("t2.seqcast");
        ModelFileTest.writeZip(g, Map.of(ModelFile.META, e.get(ModelFile.META), ModelFile.PARAMS, new byte[16]));
        assertEquals(SeqcastException.Kind.MODEL, assertThrows(SeqcastException.class, () -> ModelFile.read(g)).kind());
    }

    @Test
    void anEditedRecipeIsRefusedAsABadModel() throws IOException {
        Path f = dir.resolve("g.seqcast");
        ModelFile.write(f, global());
        Map<String, byte[]> e = ModelFileTest.readZip(f);
        String meta = new String(e.get(ModelFile.META), StandardCharsets.UTF_8);
        assertTrue(meta.contains("\"recipe\""), meta);
        String edited = meta.replaceFirst("(\"recipe\" : \\{\\s*\"timesteps\" : )5", "$16");
        assertTrue(!edited.equals(meta), "the recipe's timesteps were edited");
        Path g = dir.resolve("g2.seqcast");
        ModelFileTest.writeZip(g, Map.of(ModelFile.META, edited.getBytes(StandardCharsets.UTF_8), ModelFile.PARAMS, e.get(ModelFile.PARAMS)));
        SeqcastException x = assertThrows(SeqcastException.class, () -> ModelFile.read(g));
        assertEquals(SeqcastException.Kind.MODEL, x.kind());
        assertTrue(x.getMessage().contains("inconsistent"), x.getMessage());
    }

    @Test
    void aVersionTwoFileStillReads() throws IOException {
        Path f = dir.resolve("m.seqcast");
        ModelFile.write(f, ModelFileTest.bundle());
        Map<String, byte[]> e = ModelFileTest.readZip(f);
        String meta = new String(e.get(ModelFile.META), StandardCharsets.UTF_8)
                .replace("\"version\" : 3", "\"version\" : 2")
                .replaceAll(",\\s*\"method\" : \"model\",\\s*\"reason\" : null,\\s*\"training\" : null", "")
                .replaceAll(",\\s*\"recipe\" : null", "");
        assertTrue(!meta.contains("\"recipe\"") && !meta.contains("\"training\"") && meta.contains("\"version\" : 2"), meta);
        Path g = dir.resolve("v2.seqcast");
        ModelFileTest.writeZip(g, Map.of(ModelFile.META, meta.getBytes(StandardCharsets.UTF_8), ModelFile.PARAMS, e.get(ModelFile.PARAMS)));
        ModelBundle r = ModelFile.read(g);
        assertEquals(ModelBundle.Kind.NETWORK, r.kind());
        assertEquals(ModelFileTest.bundle().preprocessor(), r.preprocessor());
        assertEquals(Method.MODEL, r.provenance().method());
    }
}
