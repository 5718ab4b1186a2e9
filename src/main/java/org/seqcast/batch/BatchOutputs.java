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
import org.seqcast.store.ModelFile;

/**
 * The files of a batch under {@code --out DIR}: {@code forecasts.csv}, {@code summary.csv},
 * {@code models/<series>.seqcast}, and {@code .parts/}, where each finished series leaves its forecast
 * rows and then its summary row (the summary part marks the series complete). The two CSVs are
 * assembled from the parts in input order, so their content does not depend on which worker finished
 * first, and a killed run loses only the series in flight. Every file is written atomically.
 */
public final class BatchOutputs {
    /** The columns of summary.csv. */
    public static final List<String> SUMMARY_HEADER = List.of("series", "status", "rows", "epochs", "validation_mae", "mase",
            "holdout_mae", "naive_mae", "seasonal_naive_mae", "seconds", "error");
    static final String PARTS = ".parts";
    private static final String FINGERPRINT = "run.txt";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    /** One line of summary.csv, as written. */
    public record Row(String series, SeriesResult.Status status, double seconds, String error, List<String> cells) {
    }

    private final Path dir;
    private final Path parts;
    private final String idColumn;
    private final List<String> forecastHeader;

    /**
     * @param idColumn       first column of forecasts.csv (the series column)
     * @param forecastHeader the columns of each series' forecast (time, targets, intervals): every OK
     *                       result must have exactly these
     */
    public BatchOutputs(Path dir, String idColumn, List<String> forecastHeader) {
        this.dir = dir;
        this.parts = dir.resolve(PARTS);
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
     * Prepares the directory. Without {@code resume} earlier parts are removed; with it they are kept,
     * provided they were made by the same run settings ({@code fingerprint}: config and mode).
     */
    public void start(String fingerprint, boolean resume) {
        Path fp = parts.resolve(FINGERPRINT);
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw SeqcastException.io("--out " + dir + ": exists and is not a directory", null);
            }
            Files.createDirectories(parts);
            if (resume && Files.exists(fp)) {
                String before = Files.readString(fp, StandardCharsets.UTF_8);
                if (!before.equals(fingerprint)) {
                    throw SeqcastException.config("--resume: " + dir + " holds results of a run with another config or mode; "
                            + "use the same -c/--set/--evaluate/--global/--models as before, or drop --resume to start over");
                }
                return;
            }
            try (Stream<Path> s = Files.list(parts)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw SeqcastException.io(parts + ": cannot prepare the output directory: " + e.getMessage(), e);
        }
        AtomicFiles.writeString(fp, fingerprint);
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

    public Path modelsDir() {
        return dir.resolve("models");
    }

    /** The stored summary row of a series that completed OK earlier (with its model when required), else null. */
    public Row completed(String id, boolean needModel) {
        Row r = readSummaryPart(id);
        if (r == null || r.status() != SeriesResult.Status.OK || !Files.exists(forecastPart(id))) {
            return null;
        }
        return needModel && !Files.exists(modelFile(modelsDir(), id)) ? null : r;
    }

    /** Records a finished series: its model (when kept), its forecast rows, then its summary row; each atomically. */
    public Row write(SeriesResult r) {
        if (r.bundle() != null) {
            ModelFile.write(modelFile(modelsDir(), r.id()), r.bundle());
        }
        if (r.ok()) {
            AtomicFiles.write(forecastPart(r.id()), out -> writeForecastRows(r.id(), r.forecast(), out));
        }
        Row row = row(r);
        AtomicFiles.write(summaryPart(r.id()), out -> {
            CSVPrinter p = printer(out);
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
        AtomicFiles.write(dir.resolve("forecasts.csv"), out -> {
            CSVPrinter p = printer(out);
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
        AtomicFiles.write(dir.resolve("summary.csv"), out -> {
            CSVPrinter p = printer(out);
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
                r.error() == null ? "" : r.error());
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
        Path f = summaryPart(id);
        if (!Files.exists(f)) {
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

    private static List<CSVRecord> parse(Path f) {
        try (CSVParser p = CSVParser.parse(Files.readString(f, StandardCharsets.UTF_8), CSV)) {
            return p.getRecords();
        } catch (NoSuchFileException e) {
            throw SeqcastException.io(f + ": missing (was the output directory changed during the run?)", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw SeqcastException.io(f + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static CSVPrinter printer(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSV);
    }

    private Path forecastPart(String id) {
        return parts.resolve(key(id) + ".forecast.csv");
    }

    private Path summaryPart(String id) {
        return parts.resolve(key(id) + ".summary.csv");
    }
}
