package org.seqcast.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.seqcast.SeqcastException;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastCsv;
import org.seqcast.io.AtomicFiles;
import org.seqcast.io.OutputDir;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.store.ModelFile;

/**
 * The files of a batch under {@code --out DIR}: {@code forecasts.csv}, {@code summary.csv},
 * {@code models/<series>.seqcast}, and {@code .parts/}, where each finished series leaves its forecast
 * rows, the hash of its data, and then its summary row (the summary part marks the series complete). The
 * two CSVs are assembled from the parts in input order, so their content does not depend on which worker
 * finished first, and a killed run loses only the series in flight. Every file is written atomically.
 * <p>
 * The directory is held open ({@link OutputDir}): {@code .parts} and {@code models} are opened without
 * following links, only files with the names seqcast gives are ever deleted, and the lock file
 * {@value #LOCK} keeps a second batch from using the same directory at the same time ({@link #close()}
 * releases it; so does the end of the process, even kill -9).
 */
public final class BatchOutputs implements AutoCloseable {
    /** The columns of summary.csv. */
    public static final List<String> SUMMARY_HEADER = List.of("series", "status", "rows", "epochs", "validation_mae", "mase",
            "holdout_mae", "naive_mae", "seasonal_naive_mae", "seconds", "error", "method");
    static final String PARTS = ".parts";
    private static final String FINGERPRINT = "run.txt";
    /** The lock file in --out: held while a batch runs there. */
    public static final String LOCK = ".seqcast.lock";
    private static final String MODELS = "models";
    private static final long MAX_PART_BYTES = 256L << 20;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    /** One line of summary.csv, as written. */
    public record Row(String series, SeriesResult.Status status, double seconds, String error, List<String> cells) {
        private static final int METHOD = SUMMARY_HEADER.indexOf("method");

        /** The {@code method} cell ({@code model}, or {@code theta} for the classical fallback); empty in a summary written before it. */
        public String method() {
            return METHOD < cells.size() ? cells.get(METHOD) : "";
        }
    }

    private final Path dir;
    private final String idColumn;
    private final List<String> forecastHeader;
    private OutputDir out;
    private OutputDir parts;
    private OutputDir models;
    private java.nio.channels.FileLock lock;

    /**
     * @param idColumn       first column of forecasts.csv (the series column)
     * @param forecastHeader the columns of each series' forecast (time, targets, intervals): every OK
     *                       result must have exactly these
     */
    public BatchOutputs(Path dir, String idColumn, List<String> forecastHeader) {
        this.dir = dir;
        this.idColumn = idColumn;
        this.forecastHeader = List.copyOf(forecastHeader);
    }

    public Path dir() {
        return dir;
    }

    public List<String> forecastHeader() {
        return forecastHeader;
    }

    /**
     * Locks and prepares the directory. Without {@code resume} the parts of earlier runs are removed; with
     * it they are kept, provided they were made by the same run settings ({@code fingerprint}: config and
     * mode). Temp files left by a killed run are removed either way.
     *
     * @throws SeqcastException of kind BUSY when another batch holds the directory
     */
    public synchronized void start(String fingerprint, boolean resume) {
        if (out == null) {
            out = OutputDir.open(dir, "--out");
            lock = out.tryLock(LOCK);
            if (lock == null) {
                out.close();
                out = null;
                throw new SeqcastException(SeqcastException.Kind.BUSY, "--out " + dir + ": another seqcast batch is running in this "
                        + "directory (it holds " + dir.resolve(LOCK) + "); nothing was changed: wait for it to finish, or give another --out");
            }
            parts = out.subdirectory(PARTS);
        }
        removeTemps(out, "forecasts.csv", "summary.csv");
        byte[] before = parts.read(FINGERPRINT, MAX_PART_BYTES);
        if (resume && before != null) {
            if (!new String(before, StandardCharsets.UTF_8).equals(fingerprint)) {
                throw SeqcastException.config("--resume: " + dir + " holds results of a run with another config or mode; "
                        + "use the same -c/--set/--evaluate/--global/--models as before, or drop --resume to start over");
            }
            removeTemps(parts, null);
            return;
        }
        for (String name : parts.list()) {
            if (ours(name)) {
                parts.delete(name);
            }
        }
        parts.write(FINGERPRINT, o -> o.write(fingerprint.getBytes(StandardCharsets.UTF_8)));
    }

    /** Names seqcast gives the files in .parts: the only ones it deletes there. */
    private static boolean ours(String name) {
        return name.equals(FINGERPRINT) || name.endsWith(".forecast.csv") || name.endsWith(".summary.csv") || name.endsWith(".data.sha256")
                || AtomicFiles.isTempName(name);
    }

    /** Removes temp files of the given targets (all temp files when {@code targets} is null) left by a killed run. */
    private static void removeTemps(OutputDir d, String... targets) {
        for (String name : d.list()) {
            if (!AtomicFiles.isTempName(name) || !d.isFile(name)) {
                continue;
            }
            boolean match = targets == null;
            for (int i = 0; targets != null && i < targets.length; i++) {
                match |= name.startsWith("." + targets[i] + ".");
            }
            if (match) {
                d.delete(name);
            }
        }
    }

    /** Releases the lock and the directory handles. */
    @Override
    public synchronized void close() {
        for (OutputDir d : new OutputDir[] {models, parts}) {
            if (d != null) {
                d.close();
            }
        }
        if (lock != null) {
            try {
                lock.channel().close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
            lock = null;
        }
        if (out != null) {
            out.close();
        }
        out = null;
        parts = null;
        models = null;
    }

    private synchronized OutputDir models() {
        if (models == null) {
            models = out.subdirectory(MODELS);
            removeTemps(models, (String[]) null);
        }
        return models;
    }

    /** A file-system-safe name for a series id: the id itself when safe, else a cleaned id plus a hash of it. */
    public static String key(String id) {
        if (SAFE.matcher(id).matches()) {
            return id;
        }
        String clean = id.replaceAll("[^A-Za-z0-9._-]", "_");
        clean = clean.substring(0, Math.min(clean.length(), 60));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "_" + clean + "~" + HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the model of a series is saved (and where {@code --models DIR} looks for it). */
    public static Path modelFile(Path modelsDir, String id) {
        return modelsDir.resolve(key(id) + ".seqcast");
    }

    /** The one model of a {@code --global --save-models} run, in the output directory. */
    public static final String GLOBAL_MODEL = "global.seqcast";

    /** Writes the model of a {@code --global} run to {@value #GLOBAL_MODEL} in the output directory, atomically. */
    public void writeGlobalModel(ModelBundle model) {
        out.write(GLOBAL_MODEL, o -> ModelFile.write(o, model));
    }

    public Path modelsDir() {
        return dir.resolve(MODELS);
    }

    /**
     * The stored summary row of a series that completed OK earlier from the same data ({@code dataHash},
     * see {@link SeriesSource#dataHash}), with its model when required; else null.
     */
    public Row completed(String id, String dataHash, boolean needModel) {
        Row r = readSummaryPart(id);
        if (r == null || r.status() != SeriesResult.Status.OK || !parts.isFile(forecastPart(id)) || dataHash == null) {
            return null;
        }
        byte[] stored = parts.read(hashPart(id), 1024);
        if (stored == null || !new String(stored, StandardCharsets.US_ASCII).equals(dataHash)) {
            return null; // the data changed since (or the part predates data hashes): run the series again
        }
        return needModel && !models().isFile(key(id) + ".seqcast") ? null : r;
    }

    /**
     * Records a finished series: its model (when kept), its forecast rows, the hash of the data it was made
     * from, then its summary row; each atomically.
     */
    public Row write(SeriesResult r, String dataHash) {
        if (r.bundle() != null) {
            models().write(key(r.id()) + ".seqcast", o -> ModelFile.write(o, r.bundle()));
        }
        if (r.ok()) {
            parts.write(forecastPart(r.id()), o -> writeForecastRows(r.id(), r.forecast(), o));
        }
        if (dataHash != null) {
            parts.write(hashPart(r.id()), o -> o.write(dataHash.getBytes(StandardCharsets.US_ASCII)));
        } else {
            parts.delete(hashPart(r.id()));
        }
        Row row = row(r);
        parts.write(summaryPart(r.id()), o -> {
            CSVPrinter p = printer(o);
            p.printRecord(SUMMARY_HEADER);
            p.printRecord(row.cells());
            p.flush();
        });
        return row;
    }

    /**
     * Writes forecasts.csv and summary.csv from the parts, in the order of {@code ids}. A series without a
     * summary part takes its row from {@code unfinished} (skipped or failed before it could be recorded).
     */
    public List<Row> assemble(List<String> ids, Map<String, SeriesResult> unfinished) {
        List<Row> rows = new ArrayList<>();
        for (String id : ids) {
            Row r = readSummaryPart(id);
            if (r == null) {
                SeriesResult u = unfinished.get(id);
                r = row(u != null ? u : SeriesResult.notOk(id, SeriesResult.Status.SKIPPED, 0, 0, "not run: the batch stopped first"));
            }
            rows.add(r);
        }
        out.write("forecasts.csv", o -> {
            CSVPrinter p = printer(o);
            List<String> header = new ArrayList<>();
            header.add(idColumn);
            header.addAll(forecastHeader);
            p.printRecord(header);
            for (Row r : rows) {
                if (r.status() == SeriesResult.Status.OK) {
                    for (CSVRecord rec : parse(forecastPart(r.series()))) {
                        if (rec.getRecordNumber() > 1) {
                            p.printRecord(rec);
                        }
                    }
                }
            }
            p.flush();
        });
        out.write("summary.csv", o -> {
            CSVPrinter p = printer(o);
            p.printRecord(SUMMARY_HEADER);
            for (Row r : rows) {
                p.printRecord(r.cells());
            }
            p.flush();
        });
        return rows;
    }

    /** The summary.csv line of a result (also what a distributed runner writes). */
    public static Row row(SeriesResult r) {
        SeriesResult.Holdout h = r.holdout();
        List<String> cells = List.of(r.id(), r.status().word(), r.rows() > 0 ? String.valueOf(r.rows()) : "",
                r.epochs() > 0 ? String.valueOf(r.epochs()) : "", ForecastCsv.number(r.validationMae()), ForecastCsv.number(r.mase()),
                h == null ? "" : ForecastCsv.number(h.mae()), h == null ? "" : ForecastCsv.number(h.naiveMae()),
                h == null ? "" : ForecastCsv.number(h.seasonalNaiveMae()), String.format(Locale.ROOT, "%.3f", r.seconds()),
                r.error() == null ? "" : r.error(), r.method() == null ? "" : r.method());
        return new Row(r.id(), r.status(), r.seconds(), r.error(), cells);
    }

    private void writeForecastRows(String id, Forecast f, OutputStream out) throws IOException {
        CSVPrinter p = printer(out);
        List<String> header = new ArrayList<>();
        header.add(idColumn);
        header.addAll(f.header());
        p.printRecord(header);
        for (List<String> row : forecastRows(id, f)) {
            p.printRecord(row);
        }
        p.flush();
    }

    /** The forecasts.csv lines of a series, as written: the id, the time, then per target its value and interval bounds. */
    public static List<List<String>> forecastRows(String id, Forecast f) {
        List<List<String>> rows = new ArrayList<>();
        for (int s = 0; s < f.horizon(); s++) {
            List<String> row = new ArrayList<>();
            row.add(id);
            row.add(f.times().get(s));
            for (int k = 0; k < f.targets().size(); k++) {
                row.add(ForecastCsv.number(f.values()[s][k]));
                for (int l = 0; l < f.levels().size(); l++) {
                    row.add(ForecastCsv.number(f.lower()[l][s][k]));
                    row.add(ForecastCsv.number(f.upper()[l][s][k]));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private Row readSummaryPart(String id) {
        String f = summaryPart(id);
        if (!parts.isFile(f)) {
            return null;
        }
        List<CSVRecord> recs = parse(f);
        if (recs.size() != 2 || recs.get(1).size() != SUMMARY_HEADER.size() || !recs.get(1).get(0).equals(id)) {
            return null; // not ours or damaged: the series is simply run again
        }
        CSVRecord rec = recs.get(1);
        List<String> cells = new ArrayList<>();
        rec.forEach(cells::add);
        try {
            SeriesResult.Status status = SeriesResult.Status.of(rec.get(1));
            String error = rec.get(10);
            return new Row(id, status, Double.parseDouble(rec.get(9)), error.isEmpty() ? null : error, List.copyOf(cells));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private List<CSVRecord> parse(String name) {
        Path f = dir.resolve(PARTS).resolve(name);
        byte[] bytes = parts.read(name, MAX_PART_BYTES);
        if (bytes == null) {
            throw SeqcastException.io(f + ": missing (was the output directory changed during the run?)", null);
        }
        try (CSVParser p = CSVParser.parse(new String(bytes, StandardCharsets.UTF_8), CSV)) {
            return p.getRecords();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw SeqcastException.io(f + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static CSVPrinter printer(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSV);
    }

    private static String forecastPart(String id) {
        return key(id) + ".forecast.csv";
    }

    private static String summaryPart(String id) {
        return key(id) + ".summary.csv";
    }

    private static String hashPart(String id) {
        return key(id) + ".data.sha256";
    }
}
