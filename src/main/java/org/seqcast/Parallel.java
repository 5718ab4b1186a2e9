package org.seqcast;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Independent tasks on a few daemon threads, results in input order whatever the thread count (ensemble
 * members, backtest origins). A task's RuntimeException is rethrown as it is; with one worker, or one task,
 * everything runs on the calling thread.
 */
public final class Parallel {
    private Parallel() {
    }

    public static <T, R> List<R> map(List<T> items, int workers, String threadName, Function<T, R> task) {
        int w = Math.max(1, Math.min(workers, items.size()));
        List<R> out = new ArrayList<>(items.size());
        if (w == 1) {
            for (T t : items) {
                out.add(task.apply(t));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(w, r -> {
            Thread th = new Thread(r, threadName);
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T t : items) {
                futures.add(pool.submit(() -> task.apply(t)));
            }
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeqcastException(SeqcastException.Kind.INTERNAL, "interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new SeqcastException(SeqcastException.Kind.INTERNAL, threadName + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
