package org.seqcast.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.seqcast.SeqcastException;
import scala.Tuple2;

/**
 * The Spark side of a batch: groups the input's rows by series id (rows of a series sorted by their time
 * text, so every series reaches the pipeline the same way whatever the partitioning), runs the
 * {@link SeriesTask} per series in parallel tasks (or once over all series with {@code --global}), and
 * writes the results.
 *
 * <p>Outputs under {@code --out DIR}, like {@code seqcast batch}'s: each run's results are first written
 * as one Parquet dataset {@code DIR/.parts/run-<time>/} (committed by Spark as a whole: {@code _SUCCESS});
 * then {@code DIR/forecasts/} and {@code DIR/summary/} (CSV with a header, sorted by series) are assembled
 * from the latest result of every input series. {@code --resume} skips the series whose latest result is
 * ok, so a killed job loses only its own run. The driver holds the list of series ids, never their data or
 * results (only the failures it reports).
 */
final class SparkBatchJob {
    static final String PARTS = ".parts";
    private static final String FINGERPRINT = "run.txt";
    private static final int ROWS_PER_FILE = 50_000;
    private static final StructType PART = new StructType()
            .add("series", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("seq", DataTypes.IntegerType, false)
            .add("cells", DataTypes.createArrayType(DataTypes.StringType, false), false);

    /**
     * How to run.
     *
     * @param partitions tasks for the series (0: from the series count and the cluster's cores)
     * @param models     apply the saved models in this directory (null: train)
     * @param chunk      series per run (each run a Spark job whose results are committed on its own, so a
     *                   killed job loses at most one chunk); 0: all series in one run
     * @param maxFailures failures listed in the report at most
     */
    record Settings(String seriesColumn, String out, int partitions, int chunk, boolean resume, String models, boolean saveModels,
                    boolean global, String fingerprint, int maxFailures) {
    }

    /** What the run did: counts over all input series, {@code failures} = (series, status, error) of the first failures. */
    record Report(long series, long ok, long failed, long resumed, long ran, int partitions, double seconds, List<List<String>> failures) {
    }

    private final SparkSession spark;
    private final SeriesTask task;
    private final HadoopFiles files;
    private final Settings s;
    private final java.util.function.Consumer<String> progress;

    SparkBatchJob(SparkSession spark, SeriesTask task, HadoopFiles files, Settings settings, java.util.function.Consumer<String> progress) {
        this.progress = progress;
        this.spark = spark;
        this.task = task;
        this.files = files;
        this.s = settings;
    }

    Report run(Dataset<Row> input) {
        long t0 = System.nanoTime();
        List<String> columns = new ArrayList<>();
        columns.add(s.seriesColumn());
        columns.add(task.timeColumn());
        columns.addAll(task.valueColumns());
        List<String> have = Arrays.asList(input.columns());
        List<String> missing = columns.stream().filter(c -> !have.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw SeqcastException.data("--input: missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + "; the input has " + String.join(", ", have));
        }
        Dataset<Row> table = input.select(columns.stream().map(SparkBatchJob::column).toArray(Column[]::new));

        String parts = s.out() + "/" + PARTS;
        Set<String> done = prepare(parts);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> ids = new ArrayList<>(table.javaRDD().map(r -> SparkInput.text(r.get(0)).trim()).distinct().collect());
        ids.sort(null);
        if (ids.isEmpty()) {
            throw SeqcastException.data("--input: no data rows; nothing to forecast");
        }
        Set<String> skip = new HashSet<>(ids);
        skip.retainAll(done);
        List<String> todoIds = ids.stream().filter(id -> !skip.contains(id)).toList();
        long todo = todoIds.size();
        int cores = jsc.defaultParallelism();
        int size = s.chunk() > 0 && !s.global() ? s.chunk() : (int) Math.max(1, todo);
        int partitions = s.partitions() > 0 ? s.partitions() : (int) Math.min(Math.min(size, todo), Math.max(cores,
                Math.min(Math.min(size, todo) / 2, 50L * cores)));
        int width = columns.size();
        JavaPairRDD<String, String[]> all = table.javaRDD().mapToPair(r -> {
            String[] row = new String[width - 1];
            for (int i = 1; i < width; i++) {
                row[i - 1] = SparkInput.text(r.get(i));
            }
            return new Tuple2<>(SparkInput.text(r.get(0)).trim(), row);
        });
        SeriesTask t = task;
        HadoopFiles f = files;
        String modelsIn = s.models();
        String modelsOut = s.saveModels() ? s.out() + "/models" : null;
        // --models FILE: one model (e.g. a global one) for every series, read by the driver and broadcast
        Broadcast<byte[]> sharedModel = modelsIn != null && files.isFile(modelsIn) ? jsc.broadcast(files.readOrNull(modelsIn)) : null;
        int chunks = (int) ((todo + size - 1) / size);
        for (int c = 0; c < chunks; c++) {
            Broadcast<Set<String>> these = jsc.broadcast(new HashSet<>(todoIds.subList(c * size, (int) Math.min(todo, (long) (c + 1) * size))));
            JavaPairRDD<String, String[]> pairs = all.filter(e -> these.value().contains(e._1()));
            JavaRDD<Row> results;
            JavaPairRDD<String, Iterable<String[]>> grouped = null;
            if (s.global()) {
                // train once on the driver with its cores (one network needs every series' windows in one place, and a
                // single training task would leave all but one executor core idle), then forecast every series where it
                // is, with the model's bytes broadcast
                grouped = pairs.groupByKey(partitions).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
                SeriesTask.GlobalTraining g = train(grouped.collect(), t, driverCores());
                if (modelsOut != null && g.model() != null) {
                    f.write(s.out() + "/" + GLOBAL_MODEL, g.model());
                }
                Map<String, SeriesOutput> trained = new java.util.HashMap<>();
                g.trained().forEach(o -> trained.put(o.id(), o));
                Broadcast<byte[]> model = jsc.broadcast(g.model() == null ? new byte[0] : g.model());
                Broadcast<Map<String, SeriesOutput>> byId = jsc.broadcast(trained);
                Broadcast<Map<String, SeriesTask.Intervals>> bands = jsc.broadcast(new java.util.HashMap<>(g.intervals()));
                results = grouped.flatMap(e -> rows(t.forecast(e._1(), sorted(e._2()), model.value(), byId.value().get(e._1()),
                        bands.value().get(e._1()))).iterator());
            } else {
                results = pairs.groupByKey(partitions).flatMap(e -> rows(one(e._1(), e._2(), t, f, modelsIn,
                        sharedModel == null ? null : sharedModel.value(), modelsOut)).iterator());
            }
            String run = "run-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").format(ZonedDateTime.now(ZoneOffset.UTC));
            spark.createDataFrame(results, PART).write().mode(SaveMode.ErrorIfExists).parquet(parts + "/" + run);
            these.destroy();
            if (grouped != null) {
                grouped.unpersist();
            }
            if (chunks > 1) {
                progress.accept(String.format(java.util.Locale.ROOT, "spark batch: run %d of %d committed (%s, %d series)", c + 1, chunks, run,
                        Math.min(size, todo - (long) c * size)));
            }
        }
        return assemble(parts, ids, skip.size(), todo, s.global() ? 1 : partitions, t0);
    }

    private static Column column(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }

    /** Without --resume: removes earlier results. With it: checks they were made with the same settings; returns the ids done ok. */
    private Set<String> prepare(String parts) {
        String fp = parts + "/" + FINGERPRINT;
        if (!s.resume()) {
            files.delete(parts);
            files.write(fp, s.fingerprint().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Set.of();
        }
        String before = files.readString(fp);
        if (before == null) {
            files.write(fp, s.fingerprint().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Set.of();
        }
        if (!before.equals(s.fingerprint())) {
            throw SeqcastException.config("--resume: " + s.out() + " holds results of a run with another config or mode; use the same "
                    + "-c/--set/--evaluate/--global/--models as before, or drop --resume to start over");
        }
        Dataset<Row> latest = latest(parts);
        if (latest == null) {
            return Set.of();
        }
        Set<String> done = new HashSet<>();
        for (Row r : latest.filter(col("kind").equalTo("summary").and(col("cells").getItem(1).equalTo("ok"))).select("series")
                .collectAsList()) {
            done.add(r.getString(0));
        }
        return done;
    }

    /** The latest committed result rows of every series in the parts, or null when there are none. */
    private Dataset<Row> latest(String parts) {
        List<String> runs = files.committedDirs(parts, "run-", "_SUCCESS");
        if (runs.isEmpty()) {
            return null;
        }
        if (runs.size() == 1) {
            return spark.read().schema(PART).parquet(parts + "/" + runs.get(0));
        }
        Dataset<Row> all = null;
        for (String run : runs) {
            Dataset<Row> d = spark.read().schema(PART).parquet(parts + "/" + run).withColumn("run", lit(run));
            all = all == null ? d : all.union(d);
        }
        Dataset<Row> newest = all.groupBy("series").agg(max("run").as("run"));
        return all.join(newest, seq("series", "run")).drop("run");
    }

    private Report assemble(String parts, List<String> ids, long resumed, long ran, int partitions, long t0) {
        Dataset<Row> chosen = latest(parts);
        if (s.resume()) { // earlier runs may hold series that are not in this input
            chosen = chosen.join(spark.createDataset(ids, Encoders.STRING()).toDF("series"), seq("series"), "left_semi").cache();
        }
        int nFiles = (int) Math.max(1, (ids.size() + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
        List<String> fh = new ArrayList<>();
        fh.add(s.seriesColumn());
        fh.addAll(task.forecastHeader());
        write(chosen.filter(col("kind").equalTo("forecast")), fh, nFiles, s.out() + "/forecasts");
        Dataset<Row> summary = chosen.filter(col("kind").equalTo("summary"));
        write(summary, task.summaryHeader(), nFiles, s.out() + "/summary");

        int errorColumn = task.summaryHeader().indexOf("error");
        Dataset<Row> notOk = summary.filter(col("cells").getItem(1).notEqual("ok"));
        List<List<String>> failures = new ArrayList<>();
        for (Row r : notOk.select(col("series"), col("cells").getItem(1), col("cells").getItem(errorColumn)).limit(s.maxFailures() + 1)
                .collectAsList()) {
            failures.add(List.of(r.getString(0), r.getString(1), r.getString(2)));
        }
        failures.sort(Comparator.comparing(f -> f.get(0)));
        long failed = failures.size() > s.maxFailures() ? notOk.count() : failures.size();
        chosen.unpersist();
        return new Report(ids.size(), ids.size() - failed, failed, resumed, ran, partitions, (System.nanoTime() - t0) / 1e9,
                failures.subList(0, Math.min(failures.size(), s.maxFailures())));
    }

    private static scala.collection.immutable.Seq<String> seq(String... names) {
        return scala.collection.JavaConverters.asScalaBuffer(List.of(names)).toList();
    }

    /**
     * Writes rows of cells as CSV with a header, sorted by series (and row within a series): one file while
     * there are at most {@value #ROWS_PER_FILE} series, else {@code nFiles} range-partitioned files in order.
     */
    private static void write(Dataset<Row> rows, List<String> header, int nFiles, String dir) {
        Column[] cells = new Column[header.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = col("cells").getItem(i).as(header.get(i));
        }
        Dataset<Row> placed = nFiles == 1 ? rows.coalesce(1) : rows.repartitionByRange(nFiles, col("series"), col("seq"));
        placed.sortWithinPartitions("series", "seq").select(cells)
                .write().mode(SaveMode.Overwrite).option("header", "true").option("quote", "\"").option("escape", "\"")
                .option("emptyValue", "").option("lineSep", "\n").csv(dir);
    }

    /** The model of {@code --global --save-models}, in the output directory (batch's {@code global.seqcast}). */
    static final String GLOBAL_MODEL = "global.seqcast";

    // ------------------------------------------------------------------ in tasks (static: no driver state captured)

    private static SeriesOutput one(String id, Iterable<String[]> rowsIn, SeriesTask task, HadoopFiles files, String modelsIn,
                                    byte[] sharedModel, String modelsOut) {
        List<String[]> rows = sorted(rowsIn);
        SeriesOutput o;
        try {
            byte[] model = sharedModel != null ? sharedModel : modelsIn == null ? null : files.readOrNull(modelsIn + "/" + task.modelFileName(id));
            o = task.run(id, rows, model);
        } catch (SeqcastException e) {
            o = task.failed(id, e.getMessage());
        } catch (RuntimeException e) { // a bug fails its series, not the job (Spark would retry it and then stop everything)
            o = task.failed(id, ("internal error: " + e).replaceAll("\\s*[\\r\\n]+\\s*", " "));
        }
        return saved(o, task, files, modelsOut);
    }

    /** The training stage of {@code --global}, on the driver: every series (in id order) into one network. */
    private static SeriesTask.GlobalTraining train(List<Tuple2<String, Iterable<String[]>>> series, SeriesTask task, int workers) {
        Map<String, List<String[]>> all = new TreeMap<>();
        series.forEach(e -> all.put(e._1(), sorted(e._2())));
        if (all.isEmpty()) {
            return new SeriesTask.GlobalTraining(null, List.of(), Map.of());
        }
        return task.train(new ArrayList<>(all.keySet()), new ArrayList<>(all.values()), workers);
    }

    /**
     * Threads for the driver's training of {@code --global}: {@code spark.driver.cores} when set (cluster deploy mode),
     * else the processors of the driver's JVM. The forecasts do not depend on it (ensemble members are seeded alike).
     */
    private static int driverCores() {
        org.apache.spark.SparkConf conf = org.apache.spark.SparkContext.getOrCreate().getConf();
        int cores = conf.contains("spark.driver.cores") ? conf.getInt("spark.driver.cores", 1) : Runtime.getRuntime().availableProcessors();
        return Math.max(1, cores);
    }

    /** Writes the series' model when asked; a model that cannot be written fails its series. */
    private static SeriesOutput saved(SeriesOutput o, SeriesTask task, HadoopFiles files, String modelsOut) {
        if (modelsOut == null || o.model() == null) {
            return o;
        }
        try {
            files.write(modelsOut + "/" + task.modelFileName(o.id()), o.model());
            return new SeriesOutput(o.id(), o.ok(), o.summary(), o.forecast(), null);
        } catch (SeqcastException e) {
            return task.failed(o.id(), e.getMessage());
        }
    }

    /** The rows of a series in a fixed order: by time text, then by the rest of the row (ties are duplicate times, an error anyway). */
    private static List<String[]> sorted(Iterable<String[]> rows) {
        List<String[]> list = new ArrayList<>();
        rows.forEach(list::add);
        list.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(Arrays::compare));
        return list;
    }

    private static List<Row> rows(SeriesOutput o) {
        List<Row> out = new ArrayList<>();
        out.add(RowFactory.create(o.id(), "summary", 0, o.summary().toArray(String[]::new)));
        for (int i = 0; i < o.forecast().size(); i++) {
            out.add(RowFactory.create(o.id(), "forecast", i, o.forecast().get(i).toArray(String[]::new)));
        }
        return out;
    }
}
