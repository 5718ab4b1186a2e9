package org.seqcast.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.seqcast.batch.BatchOutputs;
import org.seqcast.forecast.Forecast;
import org.seqcast.io.AtomicFiles;

/**
 * The forecasts of many series as one long-format CSV, the columns and cells of batch's {@code forecasts.csv}: the series
 * column, the time column, per target its value (and interval bounds); series in input order.
 */
final class LongForecasts {
    private LongForecasts() {
    }

    static void write(String idColumn, Map<String, Forecast> forecasts, Path file) {
        AtomicFiles.write(file, out -> write(idColumn, forecasts, out));
    }

    static void write(String idColumn, Map<String, Forecast> forecasts, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
        boolean header = false;
        for (Map.Entry<String, Forecast> e : forecasts.entrySet()) {
            if (!header) {
                List<String> h = new ArrayList<>();
                h.add(idColumn);
                h.addAll(e.getValue().header());
                p.printRecord(h);
                header = true;
            }
            for (List<String> row : BatchOutputs.forecastRows(e.getKey(), e.getValue())) {
                p.printRecord(row);
            }
        }
        p.flush();
    }

    /** JSON rows: each forecast row of {@link JsonReports#rows} with the series column first. */
    static List<Map<String, Object>> jsonRows(String idColumn, Map<String, Forecast> forecasts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Forecast> e : forecasts.entrySet()) {
            for (Map<String, Object> r : JsonReports.rows(e.getValue())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put(idColumn, e.getKey());
                row.putAll(r);
                rows.add(row);
            }
        }
        return rows;
    }

    /** A series that got no forecast, and why (one line). */
    record Failure(String series, String error) {
    }
}
