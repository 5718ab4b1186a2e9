package org.seqcast.cli;

import java.io.PrintStream;
import org.seqcast.SeqcastException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr, a "Try 'seqcast X --help'" hint and a documented exit
 * code; the stack trace only with --stacktrace.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintStream err = Main.ERR.get();
        boolean trace = cmd.getCommand() instanceof Subcommand s && s.common() != null && s.common().stacktrace();
        String name = cmd.getCommandSpec().qualifiedName();
        ExitCode code;
        String message;
        Throwable t = ex;
        OutOfMemoryError oom = cause(t, OutOfMemoryError.class);
        if (oom != null) {
            code = ExitCode.MEMORY;
            message = memoryMessage(oom);
        } else if (t instanceof SeqcastException se) {
            code = ExitCode.of(se.kind());
            message = se.getMessage();
        } else if (t instanceof InterruptedException) {
            code = ExitCode.INTERRUPTED;
            message = "interrupted";
        } else {
            code = ExitCode.INTERNAL;
            message = "internal error: " + t + (trace ? "" : " (rerun with --stacktrace and report it)");
        }
        err.println(name + ": " + Text.printable(message));
        if (trace) {
            ex.printStackTrace(err);
        }
        if (code == ExitCode.USAGE || code == ExitCode.INTERNAL) {
            err.println("Try '" + name + " --help' for more information.");
        } else {
            err.println("Try '" + name + " --help' for more information (exit code " + code.code() + ": " + code.name().toLowerCase() + ").");
        }
        err.flush();
        return code.code();
    }

    /** An OutOfMemoryError that escaped the command (picocli passes Errors through): one line, {@link ExitCode#MEMORY}. */
    static int outOfMemory(PrintStream err, String[] args, OutOfMemoryError e) {
        return escaped(err, args, e, memoryMessage(e), ExitCode.MEMORY);
    }

    /** Any other Error that escaped the command (a stack overflow, a linkage error): one line, {@link ExitCode#INTERNAL}. */
    static int internalError(PrintStream err, String[] args, Error e) {
        boolean trace = java.util.Arrays.asList(args).contains("--stacktrace");
        return escaped(err, args, e, "internal error: " + Text.printable(String.valueOf(e)) + (trace ? "" : " (rerun with --stacktrace and report it)"),
                ExitCode.INTERNAL);
    }

    /** Reports an Error that escaped picocli: one line (the trace only with --stacktrace) and the code. */
    private static int escaped(PrintStream err, String[] args, Error e, String message, ExitCode code) {
        String name = args.length > 0 && !args[0].startsWith("-") ? "seqcast " + args[0] : "seqcast";
        err.println(name + ": " + message);
        if (java.util.Arrays.asList(args).contains("--stacktrace")) {
            e.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    private static String memoryMessage(OutOfMemoryError e) {
        return String.format(java.util.Locale.ROOT, "out of memory (%s; Java heap limit %d MiB): use a smaller input, model or "
                + "window, or give Java more memory, e.g. SEQCAST_JAVA_OPTS=-Xmx8g", e.getMessage(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The first throwable of the given type in the cause chain, or null. */
    static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (int depth = 0; t != null && depth < 32; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintStream err = Main.ERR.get();
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + Text.printableLines(ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + name + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code();
    }
}
