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
        if (t instanceof SeqcastException se) {
            code = ExitCode.of(se.kind());
            message = se.getMessage();
        } else if (t instanceof InterruptedException) {
            code = ExitCode.INTERRUPTED;
            message = "interrupted";
        } else {
            code = ExitCode.INTERNAL;
            message = "internal error: " + t + (trace ? "" : " (rerun with --stacktrace and report it)");
        }
        err.println(name + ": " + message);
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

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintStream err = Main.ERR.get();
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + name + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code();
    }
}
