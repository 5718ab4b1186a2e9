package org.seqcast.spark;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.seqcast.SeqcastException;
import org.seqcast.data.CsvSeriesReader;

/**
 * The job's input table: a long-format CSV (header row; delimiter detected from the first file's header like
 * {@code seqcast batch}, or given) or Parquet, from any Hadoop path, glob or directory. Column names are
 * trimmed (and a UTF-8 BOM removed); cells are taken as text, as seqcast's CSV reader sees them.
 */
final class SparkInput {
    /** The input format. */
    enum Format {
        CSV, PARQUET;

        static Format of(String name, List<String> inputs) {
            if (name == null || name.equals("auto")) {
                boolean parquet = inputs.stream().allMatch(i -> i.toLowerCase(Locale.ROOT).replaceAll("/+$", "").endsWith(".parquet"));
                return parquet ? PARQUET : CSV;
            }
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "parquet" -> PARQUET;
                default -> throw SeqcastException.config("Invalid --format " + name + "; give csv, parquet or auto");
            };
        }
    }

    private SparkInput() {
    }

    /** The table with clean column names. */
    static Dataset<Row> read(SparkSession spark, HadoopFiles files, List<String> inputs, Format format, String delimiter) {
        Dataset<Row> df;
        String[] paths = inputs.toArray(String[]::new);
        if (format == Format.PARQUET) {
            df = spark.read().parquet(paths);
        } else {
            String sep = delimiter != null ? delimiter : String.valueOf(CsvSeriesReader.detectDelimiter(stripBom(files.firstLine(inputs.get(0)))));
            df = spark.read().format("csv").option("header", "true").option("sep", sep).option("quote", "\"").option("escape", "\"")
                    .option("inferSchema", "false").option("mode", "FAILFAST").option("encoding", "UTF-8").load(paths);
        }
        List<String> names = new ArrayList<>();
        for (String c : df.columns()) {
            names.add(stripBom(c).trim());
        }
        return df.toDF(names.toArray(String[]::new));
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** A cell as text, as it would read in a CSV file (numbers in Java's shortest round-trip form, times in ISO form, UTC). */
    static String text(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (o instanceof Timestamp t) {
            return LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC).toString();
        }
        if (o instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC).toString();
        }
        if (o instanceof LocalDate || o instanceof LocalDateTime || o instanceof Number) {
            return o.toString();
        }
        return o.toString();
    }
}
