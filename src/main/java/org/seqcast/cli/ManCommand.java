package org.seqcast.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seqcast.SeqcastException;
import org.seqcast.Versions;
import org.seqcast.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;

/**
 * {@code seqcast man [DIR]}: man pages (troff) rendered from the picocli command model, so they list exactly
 * the options the commands take: seqcast(1) on stdout, or seqcast.1 and seqcast-COMMAND.1 written into DIR.
 */
@Command(name = "man", mixinStandardHelpOptions = true,
        description = {"Print the seqcast(1) man page, or write seqcast.1 and one seqcast-COMMAND.1 per command into DIR",
                "(e.g. seqcast man ~/.local/share/man/man1; then man seqcast-train). View without installing: seqcast man | man -l -"})
public final class ManCommand extends Subcommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Directory to write the pages into (must exist).")
    Path dir;

    @Override
    protected int run() {
        CommandLine root = Main.commandLine();
        if (dir == null) {
            out().print(page(root.getCommandSpec(), true));
            out().flush();
            return ExitCode.OK.code();
        }
        if (!Files.isDirectory(dir)) {
            throw SeqcastException.io(dir + ": not a directory; create it first (man pages usually go in ~/.local/share/man/man1)", null);
        }
        AtomicFiles.writeString(dir.resolve("seqcast.1"), page(root.getCommandSpec(), true));
        int n = 1;
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && !"help".equals(sub.getCommandName())) {
                AtomicFiles.writeString(dir.resolve("seqcast-" + sub.getCommandName() + ".1"), page(sub.getCommandSpec(), false));
                n++;
            }
        }
        info("wrote " + n + " man pages to " + dir);
        return ExitCode.OK.code();
    }

    /** The troff page of one command; the root page also lists the commands and the exit codes. */
    static String page(CommandSpec spec, boolean root) {
        String name = root ? "seqcast" : "seqcast-" + spec.name();
        StringBuilder b = new StringBuilder();
        b.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"seqcast ").append(esc(Versions.seqcast()))
                .append("\" \"seqcast manual\"\n");
        String[] desc = spec.usageMessage().description();
        b.append(".SH NAME\n").append(esc(name)).append(" \\- ").append(esc(desc.length > 0 ? firstSentence(desc[0]) : "")).append('\n');
        b.append(".SH SYNOPSIS\n.B ").append(root ? "seqcast" : "seqcast " + spec.name()).append('\n');
        b.append(root ? "\\fICOMMAND\\fR [\\fIOPTIONS\\fR]" : "[\\fIOPTIONS\\fR]");
        for (PositionalParamSpec p : spec.positionalParameters()) {
            b.append(" \\fI").append(esc(p.paramLabel())).append("\\fR");
        }
        b.append('\n');
        b.append(".SH DESCRIPTION\n").append(esc(String.join(" ", desc))).append('\n');
        if (root) {
            b.append(".SH COMMANDS\n");
            for (CommandLine sub : spec.commandLine().getSubcommands().values()) {
                String[] d = sub.getCommandSpec().usageMessage().description();
                b.append(".TP\n.B ").append(esc(sub.getCommandName())).append('\n').append(esc(firstSentence(String.join(" ", d))))
                        .append('\n');
            }
        }
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                options.add(o);
            }
        }
        if (!spec.positionalParameters().isEmpty() || !options.isEmpty()) {
            b.append(".SH OPTIONS\n");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            b.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n").append(esc(String.join(" ", p.description()))).append('\n');
        }
        for (OptionSpec o : options) {
            b.append(".TP\n");
            List<String> names = new ArrayList<>();
            for (String n : o.names()) {
                names.add("\\fB" + esc(n) + "\\fR");
            }
            b.append(String.join(", ", names));
            if (o.arity().max() > 0) {
                b.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
            }
            b.append('\n').append(esc(String.join(" ", o.description()))).append('\n');
        }
        String[] footer = spec.usageMessage().footer();
        if (root && footer.length > 0) {
            b.append(".SH EXIT STATUS\n").append(esc(String.join(" ", footer).strip())).append('\n');
        }
        b.append(".SH SEE ALSO\n");
        if (root) {
            List<String> refs = new ArrayList<>();
            for (CommandLine sub : spec.commandLine().getSubcommands().values()) {
                if (!"help".equals(sub.getCommandName())) {
                    refs.add(".BR seqcast-" + sub.getCommandName() + " (1)");
                }
            }
            b.append(String.join(",\n", refs)).append('\n');
        } else {
            b.append(".BR seqcast (1)\n");
        }
        return b.toString();
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return dot > 0 ? s.substring(0, dot) : s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Text safe for troff: backslashes, hyphens as minus signs, no control words at line starts. */
    static String esc(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder b = new StringBuilder();
        for (String line : t.split("\n", -1)) {
            if (b.length() > 0) {
                b.append('\n');
            }
            if (line.startsWith(".") || line.startsWith("'")) {
                b.append("\\&");
            }
            b.append(line);
        }
        return b.toString();
    }
}
