package org.seqcast.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.seqcast.SeqcastException;
import org.seqcast.data.CsvProfile;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.config.MissingPolicy;
import org.seqcast.data.ReadOptions;
import org.seqcast.data.TimeSeries;

/**
 * The series of a batch, in input order: either every series of one long-format CSV (id = the value of
 * the series column), or one series per CSV file (id = the file name without extension). Files are
 * read lazily, when a worker asks for the series; a series that cannot be read comes back with its
 * error instead of stopping the batch.
 */
public final class SeriesSource {
    /** The column that names the series in forecasts.csv when the input is many files. */
    public static final String FILE_ID_COLUMN = "series";

    /** One series as loaded: the series, or the reason it could not be. */
    public record Loaded(String id, TimeSeries series, SeqcastException error) {
        public Loaded {
            if ((series == null) == (error == null)) {
                throw new IllegalArgumentException("Invalid loaded series " + id + ": exactly one of series and error must be set");
            }
        }
    }

    private final List<String> ids;
    private final List<Path> files;
    private final List<Loaded> loaded;
    private final String idColumn;
    private final String timeColumn;
    private final List<String> columns;
    private final ReadOptions missing;

    private SeriesSource(List<String> ids, List<Path> files, List<Loaded> loaded, String idColumn, String timeColumn, List<String> columns,
                         ReadOptions missing) {
        this.ids = List.copyOf(ids);
        this.files = files;
        this.loaded = loaded;
        this.idColumn = idColumn;
        this.timeColumn = timeColumn;
        this.columns = List.copyOf(columns);
        this.missing = missing;
    }

    /** Every series of a long-format CSV ({@code -} = standard input), split on {@code seriesColumn}. */
    public static SeriesSource longFormat(String pathOrDash, String seriesColumn, String timeColumn, List<String> columns, MissingPolicy missing) {
        return longFormat(pathOrDash, seriesColumn, timeColumn, columns, ReadOptions.of(missing));
    }

    /** A long-format file read with all the reading options. */
    public static SeriesSource longFormat(String pathOrDash, String seriesColumn, String timeColumn, List<String> columns, ReadOptions missing) {
        if (seriesColumn.equals(timeColumn) || columns.contains(seriesColumn)) {
            throw SeqcastException.config("--series-column " + seriesColumn + " is also the time column or a target/feature; "
                    + "name the column that identifies each series");
        }
        List<Loaded> loaded = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (CsvSeriesReader.Entry e : CsvSeriesReader.readLong(pathOrDash, seriesColumn, timeColumn, columns, missing)) {
            ids.add(e.id());
            loaded.add(new Loaded(e.id(), e.series(), e.error()));
        }
        if (ids.isEmpty()) {
            throw SeqcastException.data(("-".equals(pathOrDash) ? "<stdin>" : pathOrDash) + ": no data rows; nothing to forecast");
        }
        return new SeriesSource(ids, null, loaded, seriesColumn, timeColumn, columns, missing);
    }

    /** The one value column of each series of {@link #perColumn}. */
    public static final String PER_COLUMN_VALUE = "value";

    /**
     * Each value column of one wide CSV as its own series: the id is the column name, the values are named
     * {@value #PER_COLUMN_VALUE}; a column that cannot be read fails alone.
     */
    public static SeriesSource perColumn(CsvProfile file, String timeColumn, List<String> valueColumns, ReadOptions options) {
        if (valueColumns.isEmpty()) {
            throw SeqcastException.data(file.source() + ": no numeric column besides the time column '" + timeColumn + "' (the file has "
                    + file.describeHeader() + ")");
        }
        List<Loaded> loaded = new ArrayList<>();
        for (String c : valueColumns) {
            try {
                loaded.add(new Loaded(c, file.read(timeColumn, List.of(c), options).renamed(List.of(PER_COLUMN_VALUE)), null));
            } catch (SeqcastException e) {
                loaded.add(new Loaded(c, null, e));
            }
        }
        return new SeriesSource(valueColumns, null, loaded, FILE_ID_COLUMN, timeColumn, List.of(PER_COLUMN_VALUE), options);
    }

    /** One series per file, ids from the file names (which must be distinct). */
    public static SeriesSource files(List<Path> files, String timeColumn, List<String> columns, MissingPolicy missing) {
        return files(files, timeColumn, columns, ReadOptions.of(missing));
    }

    /** One series per file, read with all the reading options. */
    public static SeriesSource files(List<Path> files, String timeColumn, List<String> columns, ReadOptions missing) {
        if (files.isEmpty()) {
            throw SeqcastException.config("no input files; give --input FILE|DIR|GLOB (repeatable) or --input - with paths on stdin");
        }
        List<String> ids = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path f : files) {
            String id = idOf(f);
            Path before = seen.putIfAbsent(id, f);
            if (before != null) {
                throw SeqcastException.config("two inputs have the series id '" + id + "' (" + before + " and " + f
                        + "); the id is the file name, so give each series file a distinct name");
            }
            ids.add(id);
        }
        return new SeriesSource(ids, List.copyOf(files), null, FILE_ID_COLUMN, timeColumn, columns, missing);
    }

    /** The series id of a file: its name without the extension. */
    public static String idOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Expands {@code --input} arguments to files, in order: a directory gives its {@code *.csv} files
     * (sorted), a glob ({@code *}, {@code ?}, {@code [..]}, {@code {..}}) its sorted matches, {@code -} the
     * paths listed on {@code stdin} (one per line; blank lines and {@code #} comments ignored), anything
     * else the file itself.
     */
    public static List<Path> expand(List<String> inputs, BufferedReader stdin) {
        List<Path> out = new ArrayList<>();
        for (String in : inputs) {
            if ("-".equals(in)) {
                try {
                    String line;
                    long read = 0;
                    int number = 0;
                    while ((line = readLine(stdin)) != null) {
                        number++;
                        read += line.length() + 1;
                        if (read > org.seqcast.io.Limits.PATH_LIST_BYTES) {
                            throw SeqcastException.config("--input -: the list of paths on standard input is larger than "
                                    + org.seqcast.io.Limits.describe(org.seqcast.io.Limits.PATH_LIST_BYTES) + "; give directories or globs instead");
                        }
                        String s = line.strip();
                        if (!s.isEmpty() && !s.startsWith("#")) {
                            try {
                                out.add(Path.of(s));
                            } catch (java.nio.file.InvalidPathException e) {
                                throw SeqcastException.config("--input -: line " + number + " of standard input is not a file path ("
                                        + e.getReason() + "); give one path per line");
                            }
                        }
                    }
                } catch (IOException | UncheckedIOException e) {
                    throw SeqcastException.io("<stdin>: cannot read the list of input paths: " + e.getMessage(), e);
                }
            } else if (isGlob(in)) {
                out.addAll(glob(in));
            } else {
                Path p = Path.of(in);
                if (Files.isDirectory(p)) {
                    List<Path> csvs = list(p, "glob:*.csv");
                    if (csvs.isEmpty()) {
                        throw SeqcastException.config("--input " + in + ": the directory has no *.csv files");
                    }
                    out.addAll(csvs);
                } else {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Longest line accepted in the path list: far beyond any file path (PATH_MAX is 4096). */
    private static final int MAX_LINE = 1 << 16;

    /** One line of the path list, refusing an endless one (say /dev/zero as stdin) instead of filling memory. */
    private static String readLine(BufferedReader in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return b.toString();
            }
            if (b.length() >= MAX_LINE) {
                throw SeqcastException.config("--input -: a line of standard input is longer than " + MAX_LINE + " characters; "
                        + "give one file path per line");
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static boolean isGlob(String s) {
        return s.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static List<Path> glob(String pattern) {
        String[] parts = pattern.split("/", -1);
        int fixed = 0;
        while (fixed < parts.length - 1 && !isGlob(parts[fixed])) {
            fixed++;
        }
        String baseText = String.join("/", java.util.Arrays.copyOf(parts, fixed));
        Path base = pattern.startsWith("/") && fixed <= 1 ? Path.of("/") : Path.of(baseText.isEmpty() ? "." : baseText);
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, fixed, parts.length));
        int depth = rest.contains("**") ? Integer.MAX_VALUE : parts.length - fixed;
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(base)) {
            try (Stream<Path> s = Files.walk(base, depth)) {
                s.filter(Files::isRegularFile).filter(p -> m.matches(base.relativize(p))).sorted().forEach(found::add);
            } catch (IOException | UncheckedIOException e) {
                throw SeqcastException.io("--input " + pattern + ": cannot list " + base + ": " + e.getMessage(), e);
            }
        }
        if (found.isEmpty()) {
            throw SeqcastException.config("--input " + pattern + ": no file matches");
        }
        return found;
    }

    private static List<Path> list(Path dir, String glob) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher(glob);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> m.matches(p.getFileName())).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw SeqcastException.io("--input " + dir + ": cannot list the directory: " + e.getMessage(), e);
        }
    }

    /** The series whose ids {@code keep} accepts, in the same order (e.g. those of one {@code --shard}). */
    public SeriesSource filter(java.util.function.Predicate<String> keep) {
        List<String> i2 = new ArrayList<>();
        List<Path> f2 = files == null ? null : new ArrayList<>();
        List<Loaded> l2 = loaded == null ? null : new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (keep.test(ids.get(i))) {
                i2.add(ids.get(i));
                if (f2 != null) {
                    f2.add(files.get(i));
                }
                if (l2 != null) {
                    l2.add(loaded.get(i));
                }
            }
        }
        return new SeriesSource(i2, f2, l2, idColumn, timeColumn, columns, missing);
    }

    /**
     * The hash of a loaded series' data (time column and name, value column names, every time label and
     * value), whatever file or long-format group it came from: what {@code --resume} compares to decide that
     * an earlier result still holds. Null for a series that could not be loaded.
     */
    public static String dataHash(Loaded l) {
        if (l.series() == null) {
            return null;
        }
        TimeSeries s = l.series();
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8);
            java.util.function.Consumer<String> text = t -> {
                byte[] b = t.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                md.update(buf.clear().putInt(b.length).array(), 0, 4);
                md.update(b);
            };
            text.accept(s.timeColumn());
            for (int i = 0; i < s.length(); i++) {
                text.accept(s.index().label(i));
            }
            for (String c : s.columns()) {
                text.accept(c);
                for (double v : s.column(c)) {
                    md.update(buf.clear().putLong(Double.doubleToLongBits(v)).array());
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> ids() {
        return ids;
    }

    public int size() {
        return ids.size();
    }

    /** The column holding the series id in forecasts.csv: the long file's series column, or {@value #FILE_ID_COLUMN}. */
    public String idColumn() {
        return idColumn;
    }

    /**
     * Series {@code i}: read now for file inputs (any thread), already split for a long file. Never throws
     * for a problem of this series alone.
     */
    public Loaded load(int i) {
        if (loaded != null) {
            return loaded.get(i);
        }
        Path f = files.get(i);
        try {
            return new Loaded(ids.get(i), CsvSeriesReader.read(f.toString(), timeColumn, columns, missing), null);
        } catch (SeqcastException e) {
            return new Loaded(ids.get(i), null, e);
        }
    }
}
