package org.seqcast.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.seqcast.SeqcastException;

/**
 * Writes files so that readers never see a partial one: the content goes to a temp file
 * {@code .NAME.<n>.tmp} in the same directory, which is renamed over the target only when complete.
 * On any failure the temp file is removed and the target is left as it was; on Ctrl-C or SIGTERM the
 * {@link Shutdown} hook lets writes in flight finish for a moment, then removes every temp file left.
 * Files are created with the user's umask (mode 0666 minus the umask), like any other tool's. A missing
 * directory is an error: seqcast does not create the directories of {@code -o}, {@code --forecast} or
 * {@code --plot} paths.
 * <p>
 * Inside a {@link #group()}, writes on the same thread only stage their temp file; {@link Group#commit()}
 * renames them all, and closing an uncommitted group removes them: either every output appears or none.
 */
public final class AtomicFiles {
    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Temp files that exist now, each with the action that removes it. */
    private static final Map<Object, Runnable> TEMPS = new ConcurrentHashMap<>();
    private static final Object LOCK = new Object();
    private static boolean closed;
    private static final ThreadLocal<Group> GROUP = new ThreadLocal<>();

    static {
        Shutdown.install();
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Group group = GROUP.get();
        Path tmp = null;
        try {
            requireDirectory(target, dir);
            tmp = createTemp(dir, abs.getFileName().toString());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            if (group != null) {
                group.staged.add(new Path[] {tmp, abs, target});
                tmp = null; // the group renames or removes it
                return;
            }
            move(tmp, abs);
            tmp = null;
        } catch (IOException e) {
            throw SeqcastException.io(target + ": cannot write: " + describe(e), e);
        } finally {
            if (tmp != null) {
                remove(tmp);
            }
        }
    }

    /** Writes a UTF-8 text file atomically. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Starts a group of writes on this thread: they appear together on {@link Group#commit()}, or not at all. */
    public static Group group() {
        if (GROUP.get() != null) {
            throw new IllegalStateException("Invalid nested AtomicFiles.group()");
        }
        Group g = new Group();
        GROUP.set(g);
        return g;
    }

    /** Writes staged by {@link #write} on one thread, renamed together by {@link #commit()}. */
    public static final class Group implements AutoCloseable {
        private final List<Path[]> staged = new ArrayList<>(); // temp, absolute target, target as given

        private Group() {
        }

        /** Renames every staged temp file over its target, in the order written. */
        public void commit() {
            GROUP.remove();
            while (!staged.isEmpty()) {
                Path[] s = staged.get(0);
                try {
                    move(s[0], s[1]);
                } catch (IOException e) {
                    throw SeqcastException.io(s[2] + ": cannot write: " + describe(e), e);
                }
                staged.remove(0);
            }
        }

        /** Removes the temp files not committed. */
        @Override
        public void close() {
            GROUP.remove();
            for (Path[] s : staged) {
                remove(s[0]);
            }
            staged.clear();
        }
    }

    /** A missing or non-directory parent is refused with a message saying what to do. */
    private static void requireDirectory(Path target, Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(dir)) {
            throw SeqcastException.io(target + ": cannot write: " + dir + " is not a directory", null);
        }
        throw SeqcastException.io(target + ": cannot write: the directory " + dir + " does not exist (seqcast does not create it; "
                + "run mkdir -p first)", null);
    }

    /** Creates {@code dir/.NAME.<n>.tmp} (mode 0666 less the umask), registered for removal on shutdown. */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(tempName(name));
            synchronized (LOCK) {
                if (closed) {
                    throw new IOException("interrupted: seqcast is stopping");
                }
                try {
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                } catch (FileAlreadyExistsException e) {
                    if (attempt < 100) {
                        continue;
                    }
                    throw e;
                }
                register(tmp, () -> quietlyDelete(tmp));
            }
            return tmp;
        }
    }

    /** {@code .NAME.<n>.tmp} with a random n: the name of every temp file seqcast makes. */
    public static String tempName(String name) {
        return "." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + ".tmp";
    }

    /** True for a name made by {@link #tempName}. */
    public static boolean isTempName(String name) {
        return name.startsWith(".") && name.endsWith(".tmp") && name.length() > 6;
    }

    /**
     * Registers a temp file made elsewhere (e.g. inside a directory handle) for removal on shutdown; throws
     * when seqcast is already stopping. Call {@link #unregister} once it is renamed or removed.
     */
    public static void register(Object key, Runnable remover) throws IOException {
        synchronized (LOCK) {
            if (closed) {
                throw new IOException("interrupted: seqcast is stopping");
            }
            TEMPS.put(key, remover);
        }
    }

    public static void unregister(Object key) {
        TEMPS.remove(key);
    }

    private static void move(Path tmp, Path abs) throws IOException {
        try {
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
        TEMPS.remove(tmp);
    }

    private static void remove(Path tmp) {
        quietlyDelete(tmp);
        TEMPS.remove(tmp);
    }

    private static void quietlyDelete(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // best effort: the temp name starts with a dot and ends with .tmp
        }
    }

    /**
     * On shutdown (from {@link Shutdown}): waits up to {@code waitMillis} for writes in flight to finish,
     * then refuses new ones and removes every temp file still there.
     */
    static void abandonAll(long waitMillis) {
        long end = System.currentTimeMillis() + waitMillis;
        while (!TEMPS.isEmpty() && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (LOCK) {
            closed = true;
            for (Runnable r : TEMPS.values()) {
                r.run();
            }
            TEMPS.clear();
        }
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return m == null ? kind : kind + " " + m;
    }
}
