package org.seqcast.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.seqcast.SeqcastException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: the common options, the streams (stdout for data, stderr for logs), and
 * logging set up before DL4J is touched.
 */
public abstract class Subcommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    public CommonOptions common() {
        return common;
    }

    protected PrintStream out() {
        return Main.OUT.get();
    }

    protected PrintStream err() {
        return Main.ERR.get();
    }

    /** An informational line on stderr, unless --quiet. */
    protected void info(String line) {
        if (!common.quiet()) {
            err().println(Text.printable(line));
            err().flush();
        }
    }

    @Override
    public final Integer call() throws Exception {
        if (common.verbose() && common.quiet()) {
            throw SeqcastException.config("--verbose and --quiet contradict each other; give one of them");
        }
        Logging.configure(common.verbose());
        return run();
    }

    protected abstract int run() throws Exception;
}
