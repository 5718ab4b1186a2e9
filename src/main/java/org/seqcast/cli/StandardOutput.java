package org.seqcast.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output carries the data (forecasts, JSON), and {@link PrintStream} swallows write errors:
 * after a command, {@link #check} turns a failed or impossible write (disk full, closed stdout, broken
 * pipe) into the I/O exit code with one line on stderr, so a lost forecast is never reported as success.
 */
final class StandardOutput {
    private StandardOutput() {
    }

    /**
     * The exit code after a command returned {@code code}: {@link ExitCode#IO} when stdout failed and the
     * command would otherwise have reported success (or partial success), else {@code code}.
     */
    static int check(PrintStream out, PrintStream err, String[] args, int code) {
        if (!out.checkError()) { // flushes, then reports any error since the stream was made
            return code;
        }
        String name = args.length > 0 && !args[0].startsWith("-") ? "seqcast " + args[0] : "seqcast";
        err.println(name + ": cannot write to standard output (closed, full or a broken pipe); the output is lost. "
                + "Redirect it to a writable file, or use -o FILE");
        err.flush();
        return code == ExitCode.OK.code() || code == ExitCode.PARTIAL.code() ? ExitCode.IO.code() : code;
    }

    /**
     * A stdout for a process started with file descriptor 1 closed ({@code >&-}; the launcher then points
     * it at /dev/null and sets {@code -Dseqcast.stdout=closed}): every write fails, so a command that
     * prints data exits with the I/O code, and one that writes only files still succeeds.
     */
    static PrintStream closed() {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("standard output is closed");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("standard output is closed");
            }
        }, true);
    }
}
