package org.seqcast.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seqcast.SeqcastException;
import org.seqcast.data.AutoDefaults;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.DataConfig;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.CsvProfile;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.config.DecimalMark;
import org.seqcast.config.MissingPolicy;
import org.seqcast.data.ReadOptions;
import org.seqcast.data.TimeSeries;
import org.seqcast.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqcast init DATA.csv}: inspects a CSV and writes a commented starter config. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Inspect a CSV (rows, time range, frequency and season, gaps, missing cells per column, candidate",
                "targets and features), report on stderr, and write a commented starter config for train, backtest and batch."})
public final class InitCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "DATA.csv", description = "The CSV to inspect ('-' = standard input).")
    String data;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the config (default: DATA.yaml in the current directory; '-' = stdout).")
    String output;

    @Option(names = "--force", description = "Overwrite the config file when it exists.")
    boolean force;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A key to write into the config and to read the data with, e.g. --set data.time_format=dd/MM/yyyy. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Override
    protected int run() {
        String out = output != null ? output : defaultName(data);
        Path target = "-".equals(out) ? null : Path.of(out);
        if (target != null && Files.exists(target) && !force) {
            throw SeqcastException.config(out + " exists; use --force to overwrite it, or -o - to print the config");
        }
        SeqcastConfig base = ConfigLoader.load(null, sets);
        CsvProfile p = CsvProfile.inspect(CsvSeriesReader.readAll(data), CsvSeriesReader.sourceName(data));
        DataConfig d = base.data();
        String time = d.timeColumn() != null ? d.timeColumn() : p.timeColumn();
        if (time == null) {
            String why = p.timeCandidates().isEmpty() ? "no column looks like a time" : "columns "
                    + String.join(" and ", p.timeCandidates()) + " all look like times";
            throw SeqcastException.config(p.source() + ": " + why + "; say which with --set data.time_column=COLUMN (the file has "
                    + p.describeHeader() + ")");
        }
        List<String> numeric = new ArrayList<>(p.numericColumns(time));
        if (p.seriesColumn() != null) {
            numeric.remove(p.seriesColumn());
        }
        List<String> targets = !d.target().isEmpty() ? d.target() : numeric.isEmpty() ? List.of() : List.of(numeric.get(0));
        if (targets.isEmpty()) {
            throw SeqcastException.data(p.source() + ": no numeric column besides the time column '" + time + "' (the file has "
                    + p.describeHeader() + ")");
        }
        // Read every numeric column once, reading across gaps, to report the frequency, gaps and range.
        List<String> read = new ArrayList<>(targets);
        for (String c : numeric) {
            if (!read.contains(c)) {
                read.add(c);
            }
        }
        DecimalMark mark = d.decimal() != DecimalMark.AUTO ? d.decimal() : p.decimal(time);
        TimeSeries s = null;
        if (p.seriesColumn() == null) {
            s = p.read(time, read, new ReadOptions(MissingPolicy.DROP, d.timeFormat(), d.decimal()));
        }
        String yaml = yaml(p, s, time, targets, numeric, base, mark);
        ConfigLoader.fromYaml(yaml, "starter config", List.of()); // what we write must load
        report(p, s, time, targets, numeric);
        if (target == null) {
            out().print(yaml);
        } else {
            AtomicFiles.writeString(target, yaml);
            info("wrote " + out + "; next: seqcast " + (p.seriesColumn() != null ? "batch -c " + out + " --input " + data
                    + " --series-column " + p.seriesColumn() + " --out DIR" : "train -c " + out));
        }
        return ExitCode.OK.code();
    }

    static String defaultName(String data) {
        if ("-".equals(data)) {
            return "seqcast.yaml";
        }
        String name = Path.of(data).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".yaml";
    }

    private void report(CsvProfile p, TimeSeries s, String time, List<String> targets, List<String> numeric) {
        info(String.format(Locale.ROOT, "%s: %d rows, columns %s", p.source(), p.rows(), p.describeHeader()));
        if (s != null) {
            List<Integer> seasons = s.frequency().defaultSeasons();
            info(String.format(Locale.ROOT, "  time:     %s (%s), %s, season%s %s, %s .. %s", time, s.index().formatDescription(),
                    s.frequency().describe(), seasons.size() == 1 ? "" : "s", seasonsText(seasons), s.firstTime(), s.lastTime()));
            TimeSeries.Gaps g = s.gaps();
            info("  gaps:     " + (g.count() == 0 ? "none" : String.format(Locale.ROOT, "%d (%d missing time%s%s)", g.count(),
                    g.missingTimes(), g.missingTimes() == 1 ? "" : "s", g.irregular() > 0 ? ", " + g.irregular() + " irregular" : "")));
        }
        List<String> miss = new ArrayList<>();
        for (CsvProfile.Column c : p.columns()) {
            if (!c.name().equals(time)) {
                miss.add(c.name() + " " + c.missing());
            }
        }
        info("  missing:  " + String.join(", ", miss) + " cells");
        info("  numeric:  " + String.join(", ", numeric) + "; target " + String.join(", ", targets));
        if (p.seriesColumn() != null) {
            info("  series:   long format, one series per value of '" + p.seriesColumn() + "'; use batch --series-column "
                    + p.seriesColumn());
        }
    }

    /** A YAML line with its comment aligned at column 34. */
    private static void line(StringBuilder b, String text, String comment) {
        b.append(text);
        if (comment != null) {
            b.append(" ".repeat(Math.max(1, 34 - text.length()))).append("# ").append(comment);
        }
        b.append('\n');
    }

    private static String yaml(CsvProfile p, TimeSeries s, String time, List<String> targets, List<String> numeric, SeqcastConfig base,
                               DecimalMark mark) {
        DataConfig d = base.data();
        StringBuilder b = new StringBuilder();
        b.append("# seqcast starter config for ").append(p.source()).append(", written by seqcast init.\n");
        b.append("# Every key is in docs/config.md; a key left out takes its default.\n");
        if (s != null) {
            b.append(String.format(Locale.ROOT, "# %d rows, %s .. %s, %s.%n", p.rows(), s.firstTime(), s.lastTime(), s.frequency().describe()));
        } else {
            b.append(String.format(Locale.ROOT, "# %d rows in long format: one series per value of '%s'.%n", p.rows(), p.seriesColumn()));
        }
        b.append("data:\n");
        line(b, "  path: " + quote("<stdin>".equals(p.source()) ? "-" : p.source()), null);
        line(b, "  time_column: " + quote(time), null);
        List<String> others = new ArrayList<>(numeric);
        others.removeAll(targets);
        line(b, "  target: " + list(targets), others.isEmpty() ? null : "also numeric: " + String.join(", ", others)
                + " (add to target or features; batch --per-column forecasts each alone)");
        line(b, "  features: " + list(d.features()), null);
        boolean holes = p.columns().stream().filter(c -> !c.name().equals(time)).anyMatch(c -> c.missing() > 0)
                || (s != null && s.gaps().count() > 0);
        MissingPolicy missing = d.missing() != MissingPolicy.ERROR ? d.missing() : holes ? MissingPolicy.INTERPOLATE : MissingPolicy.ERROR;
        line(b, "  missing: " + missing.key(), holes ? "the file has missing cells or times; error stops at the first"
                : "stop at a missing cell or time; interpolate or ffill fill them");
        line(b, "  season: " + (d.autoSeason() ? "auto" : d.season().size() == 1 ? Integer.toString(d.season().get(0)) : d.season().toString()),
                s != null && d.autoSeason() ? seasonsText(s.frequency().defaultSeasons()) + " for " + s.frequency().describe() + " data" : null);
        String pattern = d.timeFormat() != null ? d.timeFormat() : s == null ? null : s.index().timePattern();
        if (pattern != null) {
            line(b, "  time_format: " + quote(pattern), "java.time pattern of the time column");
        }
        if (mark == DecimalMark.COMMA || d.decimal() != DecimalMark.AUTO) {
            line(b, "  decimal: " + mark.key(), mark == DecimalMark.COMMA ? "1.234,56" : null);
        }
        b.append("window:\n");
        int h = base.window().horizon().orElse(0);
        line(b, "  horizon: " + (h == 0 ? "auto" : Integer.toString(h)), h == 0 && s != null
                ? AutoDefaults.horizon(s.frequency(), s.length()) + " steps for " + s.frequency().describe() + " data" : null);
        b.append("training:\n");
        line(b, "  epochs: " + base.training().epochs(), "at most; early stopping ends sooner");
        line(b, "  seed: " + base.training().seed(), "same data, config and seed: same model");
        b.append("forecast:\n");
        line(b, "  intervals: " + base.forecast().intervals(), "e.g. [80, 95]; measured about 10 points narrow (README)");
        return b.toString();
    }

    private static String list(List<String> names) {
        if (names.size() == 1) {
            return quote(names.get(0));
        }
        List<String> q = new ArrayList<>();
        for (String n : names) {
            q.add(quote(n));
        }
        return "[" + String.join(", ", q) + "]";
    }

    /** A YAML scalar: plain when safe, else double-quoted with escapes. */
    static String quote(String v) {
        if (v.matches("[A-Za-z_][A-Za-z0-9_./-]*") && !v.matches("(?i)(true|false|yes|no|on|off|null|y|n|~)")) {
            return v;
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String seasonsText(List<Integer> periods) {
        return periods.size() == 1 ? Integer.toString(periods.get(0)) : periods.toString();
    }
}
