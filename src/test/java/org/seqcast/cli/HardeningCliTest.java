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
            Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(command, "-m", model.toString(), "-i", fifo.toString()));
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
}
