package org.seqcast.cli;

import picocli.CommandLine.Option;

/** Options every subcommand shares: logging, error detail, ND4J threads. */
public final class CommonOptions {
    @Option(names = {"-v", "--verbose"}, description = "Log details, including DL4J's own INFO messages, on stderr.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "No progress or report on stderr; errors only.")
    boolean quiet;

    @Option(names = "--stacktrace", description = "Print the stack trace of an error (for bug reports).")
    boolean stacktrace;

    @Option(names = "--threads", paramLabel = "N",
            description = "OpenMP threads per ND4J op (default 1, or SEQCAST_THREADS; bin/seqcast applies it before the JVM starts).")
    Integer threads;

    public boolean verbose() {
        return verbose;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean stacktrace() {
        return stacktrace;
    }
}
