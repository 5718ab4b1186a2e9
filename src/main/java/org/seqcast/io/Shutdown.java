package org.seqcast.io;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one JVM shutdown hook of seqcast (Ctrl-C, SIGTERM, SIGHUP, or a normal exit): first the actions
 * registered with {@link #onStop} run in order (a batch stops taking series and writes what is done),
 * then writes still in flight get {@value #WRITE_GRACE_MILLIS} ms to finish and every temp file left
 * is removed ({@link AtomicFiles}), so an interrupted run leaves no {@code .NAME.<n>.tmp} behind.
 */
public final class Shutdown {
    /** How long writes in flight may take to finish once the stop actions have run. */
    public static final long WRITE_GRACE_MILLIS = 2000;

    private static final List<Runnable> ACTIONS = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Shutdown::run, "seqcast-shutdown"));
    }

    private Shutdown() {
    }

    /** A registration that {@link #close()} removes. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code action} when the JVM stops, before temp files are removed; closing the result unregisters it. */
    public static Registration onStop(Runnable action) {
        ACTIONS.add(action);
        return () -> ACTIONS.remove(action);
    }

    /** Makes sure the hook is installed (temp files are cleaned even when nothing registered an action). */
    static void install() {
        // the static initialiser did it
    }

    private static void run() {
        for (Runnable a : ACTIONS) {
            try {
                a.run();
            } catch (RuntimeException e) {
                // keep stopping: the temp files must still be removed
            }
        }
        AtomicFiles.abandonAll(WRITE_GRACE_MILLIS);
    }
}
