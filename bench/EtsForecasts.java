// seqcast's eval.Ets alone on every series of a long-format CSV (series,time,value; all rows history): the chosen
// model, its AICc and h point forecasts per series, for checking it against R forecast's ets (bench/ets-m1.sh).
// Usage: java -cp "target/seqcast.jar:$(cat target/classpath.txt)" bench/EtsForecasts.java IN.csv H M OUT.csv [THREADS]
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.seqcast.eval.Ets;

public class EtsForecasts {
    public static void main(String[] args) throws Exception {
        int h = Integer.parseInt(args[1]);
        int m = Integer.parseInt(args[2]);
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        Map<String, List<Double>> series = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            series.computeIfAbsent(c[0], k -> new ArrayList<>()).add(Double.parseDouble(c[2]));
        }
        List<String> ids = new ArrayList<>(series.keySet());
        String[] out = new String[ids.size()];
        long t0 = System.nanoTime();
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        pool.submit(() -> IntStream.range(0, ids.size()).parallel().forEach(i -> {
            double[] y = series.get(ids.get(i)).stream().mapToDouble(Double::doubleValue).toArray();
            Ets.Model fit = Ets.fit(y, m);
            double[] f = fit.forecast(h);
            StringBuilder b = new StringBuilder();
            for (int s = 0; s < h; s++) {
                b.append(String.format(Locale.ROOT, "%s,%d,\"%s\",%.6f,%.10g%n", ids.get(i), s + 1, fit.label(), fit.aicc(), f[s]));
            }
            out[i] = b.toString();
        })).get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            w.println("series,step,model,aicc,ets");
            for (String s : out) {
                w.print(s);
            }
        }
        System.err.printf(Locale.ROOT, "ets: %d series in %.1f s (%d threads)%n", ids.size(), seconds, threads);
    }
}
