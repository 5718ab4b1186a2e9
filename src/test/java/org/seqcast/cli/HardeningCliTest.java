package org.seqcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defect classes of issue 11 seen from the command line: outputs, stdout, inputs, options and exit codes. */
class HardeningCliTest {
    static final String[] TINY = {"--set", "training.epochs=2", "--set", "model.layers=[{units: 4}]", "--set", "training.ensemble=1",
        "--set", "window.horizon=6"};

    @TempDir
    static Path dir;

    static Path model;
    static String forecast;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return run(new PrintStream(out, true, StandardCharsets.UTF_8), out, args);
    }

    static Run run(PrintStream stdout, ByteArrayOutputStream captured, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(stdout, new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, captured == null ? "" : captured.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String[] train(String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("train", "-c", "configs/airpassengers.yaml"));
        a.addAll(List.of(TINY));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @BeforeAll
    static void trainSmallModel() {
        model = dir.resolve("air.seqcast");
        Run t = run(train("-o", model.toString(), "-q"));
        assertEquals(0, t.code(), t.err());
        forecast = t.out();
    }

    /** A stdout whose every write fails, as with a closed descriptor or a broken pipe. */
    static PrintStream failingStdout() {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Bad file descriptor");
            }
        }, true);
    }

    // ---- class 1: a failed write to stdout is an error

    @Test
    void predictToAFullDiskStdoutExitsWithTheIoCode() throws IOException {
        try (PrintStream full = new PrintStream(new FileOutputStream("/dev/full"), false, StandardCharsets.UTF_8)) {
            Run r = run(full, null, "predict", "-m", model.toString(), "-i", "data/airpassengers.csv");
            assertEquals(ExitCode.IO.code(), r.code(), r.err());
            assertTrue(r.err().contains("standard output"), r.err());
        }
    }

    @Test
    void predictAndTrainToAClosedStdoutExitWithTheIoCode() {
        Run p = run(failingStdout(), null, "predict", "-m", model.toString(), "-i", "data/airpassengers.csv");
        assertEquals(ExitCode.IO.code(), p.code(), p.err());
        Run t = run(failingStdout(), null, train("-q"));
        assertEquals(ExitCode.IO.code(), t.code(), t.err());
        Run ok = run(failingStdout(), null, "predict", "-m", model.toString(), "-i", "data/airpassengers.csv", "-o",
                dir.resolve("to-file.csv").toString());
        assertEquals(0, ok.code(), "nothing goes to stdout with -o FILE: " + ok.err());
    }

    // ---- class 4: -i is read once

    @Test
    void predictAndEvaluateReadAFifoOnce() throws Exception {
        for (String command : List.of("predict", "evaluate")) {
            Path fifo = dir.resolve(command + ".fifo");
            Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
            assertEquals(0, mk.waitFor());
            Thread writer = new Thread(() -> {
                try {
                    Files.write(fifo, Files.readAllBytes(Path.of("data/airpassengers.csv")));
                } catch (IOException e) {
                    // the test fails on the output instead
                }
            });
            writer.setDaemon(true);
            writer.start();
            String[] args = command.equals("predict") ? new String[] {command, "-m", model.toString(), "-i", fifo.toString()}
                    : new String[] {command, "-m", model.toString(), "-i", fifo.toString(), "--all-origins"};
            Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(args));
            assertEquals(0, r.code(), r.err());
            if (command.equals("predict")) {
                assertEquals(forecast, r.out());
            }
        }
    }

    // ---- class 6: an output equal to an input is refused before any work

    @Test
    void outputEqualToAnInputIsRefusedAndTheInputKept() throws IOException {
        Path csv = dir.resolve("x.csv");
        Files.copy(Path.of("data/airpassengers.csv"), csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] before = Files.readAllBytes(csv);
        Run r = run("predict", "-m", model.toString(), "-i", csv.toString(), "-o", csv.toString());
        assertEquals(ExitCode.USAGE.code(), r.code(), r.err());
        assertTrue(r.err().contains("same file"), r.err());
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(csv)));

        byte[] modelBefore = Files.readAllBytes(model);
        Run m = run("predict", "-m", model.toString(), "-i", csv.toString(), "-o", model.toString());
        assertEquals(ExitCode.USAGE.code(), m.code(), m.err());
        assertTrue(java.util.Arrays.equals(modelBefore, Files.readAllBytes(model)));

        Path x = dir.resolve("both.out");
        Run t = run(train("-o", x.toString(), "--forecast", x.toString()));
        assertEquals(ExitCode.USAGE.code(), t.code(), t.err());
        assertFalse(t.err().contains("best epoch"), "refused before training: " + t.err());
        assertFalse(Files.exists(x));
    }

    // ---- class 10: the umask decides the mode of outputs

    @Test
    void outputsAreCreatedWithTheUmask() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "umask").start();
        int umask = Integer.parseInt(new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip(), 8);
        p.waitFor();
        Set<PosixFilePermission> want = PosixFilePermissions.fromString(mode(0666 & ~umask));
        assertEquals(want, Files.getPosixFilePermissions(model), "model");
        Path f = dir.resolve("umask-forecast.csv");
        Run r = run("predict", "-m", model.toString(), "-i", "data/airpassengers.csv", "-o", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(want, Files.getPosixFilePermissions(f), "forecast");
    }

    private static String mode(int bits) {
        String rwx = "rwxrwxrwx";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            b.append((bits & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return b.toString();
    }

    // ---- class 15 and the missing directory: outputs are checked before training; all appear or none

    @Test
    void trainChecksItsOutputsBeforeTrainingAndLeavesNoModelWhenTheForecastFails() throws IOException {
        Path notADir = dir.resolve("plain-file");
        Files.writeString(notADir, "x");
        Run r = run(train("-o", notADir.resolve("m.seqcast").toString()));
        assertEquals(ExitCode.IO.code(), r.code(), r.err());
        assertFalse(r.err().contains("best epoch"), "checked before training: " + r.err());

        Path m = dir.resolve("kept-not.seqcast");
        Path forecastDir = Files.createDirectories(dir.resolve("a-directory"));
        Run f = run(train("-o", m.toString(), "--forecast", forecastDir.toString()));
        assertEquals(ExitCode.IO.code(), f.code(), f.err());
        assertFalse(Files.exists(m), "no model left when the forecast cannot be written");
    }

    @Test
    void anOutputInAMissingDirectoryIsRefusedAndNothingIsCreated() {
        Path missing = dir.resolve("no-such-dir");
        Run r = run("predict", "-m", model.toString(), "-i", "data/airpassengers.csv", "-o", missing.resolve("sub/f.csv").toString());
        assertEquals(ExitCode.IO.code(), r.code(), r.err());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(missing));
    }

    // ---- class 14: Ctrl-C / SIGTERM during a write leaves no temp file

    @Test
    void sigtermDuringAWriteLeavesNoTempFile() throws Exception {
        Path out = dir.resolve("slow");
        Files.createDirectories(out);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SlowWrite.class.getName(), out.resolve("target.csv").toString())
                .redirectErrorStream(true).start();
        String first = new String(p.getInputStream().readNBytes(8), StandardCharsets.US_ASCII);
        assertEquals("writing\n", first);
        assertTrue(Files.list(out).anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "the temp file exists mid-write");
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(ExitCode.TERMINATED.code(), p.exitValue());
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).toList(), "no temp file, no partial target");
        }
    }

    /** Writes a file through AtomicFiles and blocks mid-write (for the SIGTERM test). */
    public static final class SlowWrite {
        public static void main(String[] args) throws Exception {
            org.seqcast.io.AtomicFiles.write(Path.of(args[0]), out -> {
                out.write("month,passengers\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                System.out.print("writing\n");
                System.out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    // ---- class 5: a second batch on a locked --out refuses with its own exit code

    @Test
    void aBatchOnADirectoryAnotherBatchHoldsExitsBusyAndChangesNothing() throws IOException {
        Path out = dir.resolve("busy");
        try (org.seqcast.batch.BatchOutputs holder = new org.seqcast.batch.BatchOutputs(out, "series", List.of("month", "passengers"))) {
            holder.start("another run", false);
            Run r = run("batch", "--input", "data/airpassengers.csv", "--out", out.toString(), "--set", "data.time_column=month",
                    "--set", "data.target=passengers");
            assertEquals(ExitCode.BUSY.code(), r.code(), r.err());
            assertTrue(r.err().contains("another seqcast batch"), r.err());
            assertEquals("another run", Files.readString(out.resolve(".parts/run.txt")));
        }
    }

    // ---- class 9: memory exhaustion is one line and its own exit code, never exit 1 with a stack trace

    @Test
    void runningOutOfHeapExitsWithTheMemoryCodeAndOneLine() throws Exception {
        Path big = dir.resolve("big.csv");
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            row.append(String.format(java.util.Locale.ROOT, "%d,%d.5%n", i, i % 97));
        }
        try (var w = Files.newBufferedWriter(big)) {
            w.write("t,y\n");
            for (int k = 0; k < 200; k++) {
                w.write(row.toString());
            }
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx40m", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "summary", "--set", "data.path=" + big, "--set",
                "data.time_column=t", "--set", "data.target=y").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(ExitCode.MEMORY.code(), p.exitValue(), err);
        assertTrue(err.contains("out of memory"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    // ---- class 18: options that contradict or are out of range are usage errors; a model's bad config is a model error

    @Test
    void optionMismatchesAreUsageErrors() {
        Run vq = run("summary", "-v", "-q", "-m", model.toString());
        assertEquals(ExitCode.USAGE.code(), vq.code(), vq.err());
        Run folds = run("backtest", "-c", "configs/airpassengers.yaml", "--folds", "0");
        assertEquals(ExitCode.USAGE.code(), folds.code(), folds.err());
        Run both = run("backtest", "-c", "configs/airpassengers.yaml", "--folds", "2", "--holdout", "12");
        assertEquals(ExitCode.USAGE.code(), both.code(), both.err());
        assertTrue(both.err().contains("--holdout"), both.err());
    }

    @Test
    void anInvalidStoredConfigIsAModelError() throws IOException {
        Path edited = dir.resolve("bad-config.seqcast");
        rewriteMeta(model, edited, meta -> meta.put("config", "training:\n  epochs: -5\n"));
        Run r = run("predict", "-m", edited.toString(), "-i", "data/airpassengers.csv");
        assertEquals(ExitCode.MODEL.code(), r.code(), r.err());
        assertTrue(r.err().contains("stored"), r.err());
    }

    // ---- class 16: summary -m escapes control characters from the model file

    @Test
    void summaryOfAModelEscapesControlCharacters() throws IOException {
        Path edited = dir.resolve("escapes.seqcast");
        rewriteMeta(model, edited, meta -> ((com.fasterxml.jackson.databind.node.ObjectNode) meta.get("provenance"))
                .put("data_path", "x\u001b]0;pwned\u0007\u001b[2J.csv"));
        Run r = run("summary", "-m", edited.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), "raw control characters: " + r.out());
        assertTrue(r.out().contains("x\\u001b]0;pwned"), r.out());
    }

    // ---- class 11: predict refuses data at another frequency than the model's

    @Test
    void predictRefusesACsvWhoseFrequencyDiffersFromTheModels() throws IOException {
        Path daily = dir.resolve("daily.csv");
        StringBuilder b = new StringBuilder("month,passengers\n");
        java.time.LocalDate d = java.time.LocalDate.of(2020, 1, 1);
        for (int i = 0; i < 60; i++) {
            b.append(d.plusDays(i)).append(',').append(100 + i).append('\n');
        }
        Files.writeString(daily, b.toString());
        Run r = run("predict", "-m", model.toString(), "-i", daily.toString());
        assertEquals(ExitCode.DATA.code(), r.code(), r.err());
        assertTrue(r.err().contains("monthly"), r.err());
        assertEquals("", r.out());
    }

    /** Copies a model file with its metadata changed, dropping the checksum entry (as an edited older file would be). */
    static void rewriteMeta(Path from, Path to, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit)
            throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var z = new java.util.zip.ZipInputStream(Files.newInputStream(from))) {
            for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                entries.put(e.getName(), z.readAllBytes());
            }
        }
        com.fasterxml.jackson.databind.node.ObjectNode meta = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(entries.get("seqcast.json"));
        edit.accept(meta);
        entries.put("seqcast.json", m.writeValueAsBytes(meta));
        entries.remove("seqcast.sha256");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }

    // ---- class 9: values near the double range are bad data (exit 3), not an internal error (70)

    @Test
    void aValueOfMinus1e308IsADataError() throws IOException {
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(Path.of("data/airpassengers.csv")));
        rows.set(5, rows.get(5).split(",")[0] + ",-1.5e308");
        Path csv = dir.resolve("huge-value.csv");
        Files.write(csv, rows);
        Run r = run(train("--set", "data.path=" + csv, "-q"));
        assertEquals(ExitCode.DATA.code(), r.code(), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    // ---- class 3: an endless input is refused at the documented size limit, never an OutOfMemoryError

    @Test
    void dataPathDevZeroIsRefusedAtTheCsvLimit() {
        String before = System.getProperty("seqcast.max_csv_bytes");
        System.setProperty("seqcast.max_csv_bytes", String.valueOf(4 << 20)); // the documented override, small for the test
        try {
            Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(train("--set", "data.path=/dev/zero")));
            assertEquals(ExitCode.DATA.code(), r.code(), r.err());
            assertTrue(r.err().contains("size limit"), r.err());
            Run c = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("summary", "-c", "/dev/zero"));
            assertEquals(ExitCode.USAGE.code(), c.code(), c.err());
            assertTrue(c.err().contains("1 MiB"), c.err());
        } finally {
            if (before == null) {
                System.clearProperty("seqcast.max_csv_bytes");
            } else {
                System.setProperty("seqcast.max_csv_bytes", before);
            }
        }
    }
}
