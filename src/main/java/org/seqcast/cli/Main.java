package org.seqcast.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code seqcast <command> ...}. */
@Command(name = "seqcast", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train LSTM forecasters on CSV time series, forecast, evaluate, run many series.",
        subcommands = {InitCommand.class, TrainCommand.class, PredictCommand.class, SummaryCommand.class, BacktestCommand.class, EvaluateCommand.class,
                BatchCommand.class, BenchCommand.class, CompletionCommand.class, ManCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    static {
        // JavaCPP, under ND4J, reads /proc/self/statm on every off-heap allocation while a physical-memory
        // cap is set: measured at 23% of the wall time of a batch run (800,000 pread calls for 3 series).
        // seqcast's buffers are bounded by its shapes, so the cap is off unless set explicitly.
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null
                && System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
    }

    static final InheritableThreadLocal<PrintStream> OUT = new InheritableThreadLocal<>() {
        @Override
        protected PrintStream initialValue() {
            return System.out;
        }
    };
    static final InheritableThreadLocal<PrintStream> ERR = new InheritableThreadLocal<>() {
        @Override
        protected PrintStream initialValue() {
            return System.err;
        }
    };

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (train, predict, summary, ...)");
    }

    public static void main(String[] args) {
        PrintStream stdout = "closed".equals(System.getProperty("seqcast.stdout")) ? StandardOutput.closed() : System.out;
        int code = execute(stdout, System.err, args);
        System.exit(code);
    }

    /** Runs one command line with the given streams; returns the exit code. Tests call this. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return execute(new Main(), out, err, args);
    }

    /**
     * Runs a command outside the {@code seqcast} tree (e.g. the Spark job's main class) with the same error
     * handling, exit codes and streams; returns the exit code.
     */
    public static int execute(Object command, PrintStream out, PrintStream err, String... args) {
        PrintStream oldOut = OUT.get();
        PrintStream oldErr = ERR.get();
        OUT.set(out);
        ERR.set(err);
        try {
            CommandLine cl = commandLine(command);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code;
            try {
                code = cl.execute(args);
            } catch (OutOfMemoryError e) {
                code = ErrorHandler.outOfMemory(err, args, e);
            } catch (Error e) {
                // picocli passes Errors through: one line and the internal code, not a stack trace and exit 1
                code = ErrorHandler.internalError(err, args, e);
            }
            return StandardOutput.check(out, err, args, code);
        } finally {
            out.flush();
            err.flush();
            OUT.set(oldOut);
            ERR.set(oldErr);
        }
    }

    /** The whole command tree (for completion scripts and man pages rendered from it). */
    static CommandLine commandLine() {
        return commandLine(new Main());
    }

    private static CommandLine commandLine(Object command) {
        ErrorHandler handler = new ErrorHandler();
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.getCommandSpec().usageMessage().footer(ExitCode.footer());
        // --version on every subcommand prints the same as seqcast --version; every help ends with the exit codes.
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().footer(ExitCode.footer());
            sub.getCommandSpec().versionProvider(new VersionProvider());
        }
        return cl;
    }
}
