package org.seqcast.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.seqcast.SeqcastException;
import org.seqcast.cli.BatchModeMixin;
import org.seqcast.cli.ConfigMixin;
import org.seqcast.cli.ExitCode;
import org.seqcast.cli.Main;
import org.seqcast.cli.Subcommand;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spark-submit --class org.seqcast.spark.SparkBatch seqcast-spark.jar ...}: {@code seqcast batch} over a
 * long-format table on a Spark cluster. Same config, options and output columns as {@code seqcast batch};
 * see the README's "Spark" section.
 */
@Command(name = "seqcast-spark-batch", mixinStandardHelpOptions = true,
        description = {"Forecast every series of a long-format table (CSV or Parquet, any Hadoop path) on Spark: each series is",
                "trained and forecast in a Spark task (or one network over all with --global); a failing series is a summary row",
                "with its reason. Writes OUT/forecasts/ and OUT/summary/ (CSV with a header, sorted by series).",
                "Exit code 0 when every series succeeded, 7 when some failed."})
public final class SparkBatch extends Subcommand {
    @Mixin
    ConfigMixin config;

    @Option(names = {"-i", "--input"}, paramLabel = "PATH", description = "Long-format table: files, directories or globs on any Hadoop"
            + " file system (hdfs://, s3a://, file://, ...). Repeatable. Default: data.path of the config.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FMT", description = "csv, parquet or auto (parquet when every input ends in .parquet; default).")
    String format = "auto";

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV delimiter (default: detected from the first file's header,"
            + " comma, semicolon or tab).")
    String delimiter;

    @Option(names = "--series-column", paramLabel = "COL", required = true, description = "The column naming the series.")
    String seriesColumn;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Output directory (any Hadoop path).")
    String out;

    @Mixin
    BatchModeMixin batchMode;

    @Option(names = "--partitions", paramLabel = "N", description = "Spark tasks for the series (default: half the series count, at least"
            + " the cluster's cores, at most 50 per core).")
    int partitions;

    @Option(names = "--chunk", paramLabel = "N", description = "Series per run: each run is committed on its own, so a killed job"
            + " loses at most N series' work (--resume runs the rest). Default: all series in one run.")
    int chunk;

    @Option(names = "--javacpp-cache", paramLabel = "DIR", description = "Where executors unpack ND4J's native libraries (~360 MB; default"
            + " JavaCPP's ~/.javacpp/cache, shared by a node's executors). Must be writable on every node.")
    String javacppCache;

    @Option(names = "--json", description = "Print the run summary as JSON on stdout.")
    boolean json;

    /** The JSON report ({@code --json}). */
    record Summary(String out, String forecasts, String summary, long series, long ok, long failed, long resumed, long ran, int partitions,
                   double seconds, double seriesPerSecond, int exitCode, List<Failure> failures) {
    }

    /** A failed series in the JSON report. */
    record Failure(String series, String status, String error) {
    }

    public static void main(String[] args) {
        int code = Main.execute(new SparkBatch(), System.out, System.err, args);
        System.out.flush();
        System.exit(code);
    }

    @Override
    protected int run() throws Exception {
        checkOptions();
        SeqcastConfig cfg = config.load();
        if (inputs.isEmpty()) {
            if (cfg.data().path() == null) {
                throw SeqcastException.config("no input: give --input PATH (repeatable), or data.path in the config");
            }
            inputs = List.of(cfg.data().path());
        }
        SparkInput.Format fmt = SparkInput.Format.of(format, inputs);
        boolean created = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSession.builder().config(sparkConf()).appName("seqcast batch").getOrCreate();
        try {
            HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
            Dataset<Row> table;
            try {
                table = SparkInput.read(spark, files, inputs, fmt, delimiter);
            } catch (Exception e) { // Spark's AnalysisException is checked but thrown undeclared (Scala)
                if (e instanceof AnalysisException a) {
                    throw SeqcastException.io("--input " + String.join(", ", inputs) + ": " + a.getSimpleMessage(), e);
                }
                throw e;
            }
            String models = batchMode.models();
            boolean global = batchMode.global();
            SeqcastTask.Mode mode = models != null ? SeqcastTask.Mode.APPLY : global ? SeqcastTask.Mode.GLOBAL : SeqcastTask.Mode.TRAIN;
            String source = String.join(",", inputs);
            SeqcastTask task = SeqcastTask.create(cfg, List.of(table.columns()), seriesColumn, source, mode, batchMode.evaluate(), batchMode.saveModels(),
                    new NativeSettings(javacppCache));
            info(String.format(Locale.ROOT, "spark batch: %s (%s), series column '%s', time column '%s', target %s%s on %s -> %s", source,
                    fmt.name().toLowerCase(Locale.ROOT), seriesColumn, task.timeColumn(), task.targets(), global ? ", one global network" : "",
                    spark.sparkContext().master(), out));
            SparkBatchJob.Settings settings = new SparkBatchJob.Settings(seriesColumn, out, partitions, chunk, batchMode.resume(), models,
                    batchMode.saveModels(), global,
                    task.fingerprint() + (models != null ? "# models " + models + "\n" : ""), 1000);
            SparkBatchJob.Report r;
            try {
                r = new SparkBatchJob(spark, task, files, settings, this::info).run(table);
            } catch (Exception e) { // SparkException is checked but thrown undeclared (Scala)
                if (e instanceof org.apache.spark.SparkException) {
                    throw failure(e, source);
                }
                throw e;
            }
            ExitCode code = r.failed() > 0 ? ExitCode.PARTIAL : ExitCode.OK;
            report(r, code);
            return code.code();
        } finally {
            if (created) {
                spark.stop();
            }
        }
    }

    private void checkOptions() {
        batchMode.check();
        boolean global = batchMode.global();
        if (chunk < 0 || (chunk > 0 && global)) {
            throw SeqcastException.config("Invalid --chunk = " + chunk + "; give 1 or more series per run" + (global ? ", without --global"
                    + " (one network over all series is one run)" : ""));
        }
        if (partitions < 0) {
            throw SeqcastException.config("Invalid --partitions = " + partitions + "; give 1 or more (or leave it out)");
        }
        if (delimiter != null && delimiter.length() != 1 && !delimiter.equals("\\t")) {
            throw SeqcastException.config("Invalid --delimiter '" + delimiter + "'; give one character (or \\t)");
        }
        if ("\\t".equals(delimiter)) {
            delimiter = "\t";
        }
    }

    /**
     * Executor settings the job applies when the user has not: one OpenMP/OpenBLAS thread per task (seqcast's
     * networks are fastest single-threaded, and a task has one core). Only takes effect for a session this job
     * creates; in local mode the executors are the driver's JVM, whose environment is set by its launcher.
     */
    private static SparkConf sparkConf() {
        SparkConf c = new SparkConf();
        for (String env : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
            c.setIfMissing("spark.executorEnv." + env, "1");
        }
        return c;
    }

    /**
     * A failed Spark job as a one-line error: a seqcast error raised in a task keeps its kind; a malformed input
     * row is bad data (exit 3); anything else (lost executors, out of memory) is an internal error with Spark's reason.
     */
    static SeqcastException failure(Throwable e, String source) {
        String best = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SeqcastException se) {
                return se;
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage();
            }
        }
        String line = best == null ? e.toString() : best.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        line = line.length() > 400 ? line.substring(0, 400) + "..." : line;
        if (line.contains("Malformed")) {
            return SeqcastException.data("--input " + source + ": malformed CSV row (check --delimiter, the quoting and the number "
                    + "of fields): " + line);
        }
        return new SeqcastException(SeqcastException.Kind.INTERNAL, "the Spark job failed: " + line
                + " (see the driver and executor logs)");
    }

    private void report(SparkBatchJob.Report r, ExitCode code) {
        double perSecond = r.ran() > 0 && r.seconds() > 0 ? r.ran() / r.seconds() : 0;
        info(String.format(Locale.ROOT, "spark batch: %d ok, %d failed%s in %.1f s (%.3f series/s over %d run in %d task%s); %s/forecasts, %s/summary",
                r.ok(), r.failed(), r.resumed() > 0 ? " (" + r.resumed() + " resumed)" : "", r.seconds(), perSecond, r.ran(), r.partitions(),
                r.partitions() == 1 ? "" : "s", out, out));
        for (List<String> f : r.failures().subList(0, Math.min(5, r.failures().size()))) {
            info("  " + f.get(0) + ": " + f.get(2));
        }
        if (json) {
            List<Failure> failures = r.failures().stream().map(f -> new Failure(f.get(0), f.get(1), f.get(2))).toList();
            out().println(Json.write(new Summary(out, out + "/forecasts", out + "/summary", r.series(), r.ok(), r.failed(), r.resumed(), r.ran(),
                    r.partitions(), r.seconds(), perSecond, code.code(), failures)));
        }
    }
}
