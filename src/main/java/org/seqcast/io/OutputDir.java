package org.seqcast.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.seqcast.SeqcastException;

/**
 * A directory seqcast writes into, held open as a handle: every file inside is created, read, renamed
 * and deleted relative to the handle (openat, renameat, unlinkat), never by following a path again, and
 * subdirectories are opened without following symbolic links. A link planted inside (say
 * {@code OUT/.parts -> /home/user}) is refused, so nothing outside the directory is written or deleted.
 * Files are written atomically as by {@link AtomicFiles} (a {@code .NAME.<n>.tmp} renamed when complete,
 * removed on failure and on Ctrl-C), with the user's umask.
 */
public final class OutputDir implements AutoCloseable {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path path;
    private final SecureDirectoryStream<Path> dir;

    private OutputDir(Path path, SecureDirectoryStream<Path> dir) {
        this.path = path;
        this.dir = dir;
    }

    /**
     * Opens {@code path} (a link the user named is followed, as any tool would), creating the directory
     * itself when it is missing (its parent must exist).
     */
    public static OutputDir open(Path path, String option) {
        try {
            if (!Files.isDirectory(path)) {
                if (Files.exists(path, NOFOLLOW) || Files.isSymbolicLink(path)) {
                    throw SeqcastException.io(option + " " + path + ": exists and is not a directory", null);
                }
                try {
                    Files.createDirectory(path);
                } catch (NoSuchFileException e) {
                    throw SeqcastException.io(option + " " + path + ": its parent directory does not exist (seqcast creates the "
                            + "directory itself, not its parents; run mkdir -p first)", e);
                }
            }
            DirectoryStream<Path> s = Files.newDirectoryStream(path);
            if (!(s instanceof SecureDirectoryStream<Path> sds)) {
                s.close();
                throw SeqcastException.io(option + " " + path + ": this file system cannot open directories safely (no openat); "
                        + "use a local directory", null);
            }
            return new OutputDir(path, sds);
        } catch (IOException e) {
            throw SeqcastException.io(option + " " + path + ": cannot open the output directory: " + AtomicFiles.describe(e), e);
        }
    }

    public Path path() {
        return path;
    }

    /** The subdirectory {@code name}, created when missing; a symbolic link or a non-directory there is refused. */
    public OutputDir subdirectory(String name) {
        Path p = path.resolve(name);
        try {
            BasicFileAttributes a = attributes(name);
            if (a == null) {
                try {
                    Files.createDirectory(p); // mkdir never follows a link in its last component
                } catch (FileAlreadyExistsException raced) {
                    // made meanwhile: the checks below decide
                }
                a = attributes(name);
            }
            if (a == null || a.isSymbolicLink() || !a.isDirectory()) {
                throw SeqcastException.io(p + ": " + (a != null && a.isSymbolicLink() ? "is a symbolic link" : "is not a directory")
                        + "; seqcast does not follow links inside its output directory: remove it and run again", null);
            }
            return new OutputDir(p, dir.newDirectoryStream(Path.of(name), NOFOLLOW));
        } catch (IOException e) {
            throw SeqcastException.io(p + ": cannot open the directory without following links (" + AtomicFiles.describe(e)
                    + "); remove it if it is a symbolic link", e);
        }
    }

    /** The attributes of {@code name} itself (a link is not followed), or null when there is no such entry. */
    private BasicFileAttributes attributes(String name) throws IOException {
        try {
            return dir.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, NOFOLLOW).readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** True when {@code name} is a regular file here (not a link). */
    public boolean isFile(String name) {
        try {
            BasicFileAttributes a = attributes(name);
            return a != null && a.isRegularFile();
        } catch (IOException e) {
            return false;
        }
    }

    /** The names of the entries, in no particular order. */
    public List<String> list() {
        List<String> out = new ArrayList<>();
        try (SecureDirectoryStream<Path> s = dir.newDirectoryStream(Path.of("."), NOFOLLOW)) {
            for (Path p : s) {
                out.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            throw SeqcastException.io(path + ": cannot list: " + AtomicFiles.describe(e), e);
        }
        return out;
    }

    /** Reads a regular file (a link is refused), at most {@code max} bytes; null when it does not exist. */
    public byte[] read(String name, long max) {
        try (SeekableByteChannel ch = dir.newByteChannel(Path.of(name), Set.of(StandardOpenOption.READ, NOFOLLOW));
             InputStream in = Channels.newInputStream(ch)) {
            return Limits.readAll(in, max, limit -> SeqcastException.io(path.resolve(name) + ": larger than " + Limits.describe(limit)
                    + "; not a file seqcast wrote", null));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw SeqcastException.io(path.resolve(name) + ": cannot read: " + AtomicFiles.describe(e), e);
        }
    }

    /** Writes {@code name} atomically: a temp file here, renamed over {@code name} (a link there is replaced, not followed). */
    public void write(String name, AtomicFiles.Content content) {
        Path tmp = Path.of(AtomicFiles.tempName(name));
        Object key = new Object();
        boolean done = false;
        try {
            AtomicFiles.register(key, () -> quietlyDelete(tmp));
            try (SeekableByteChannel ch = dir.newByteChannel(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW));
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch))) {
                content.writeTo(out);
            }
            dir.move(tmp, dir, Path.of(name));
            done = true;
        } catch (IOException e) {
            throw SeqcastException.io(path.resolve(name) + ": cannot write: " + AtomicFiles.describe(e), e);
        } finally {
            if (!done) {
                quietlyDelete(tmp);
            }
            AtomicFiles.unregister(key);
        }
    }

    /** Deletes the entry {@code name} (a link is removed itself, never its target); false when there was none. */
    public boolean delete(String name) {
        try {
            dir.deleteFile(Path.of(name));
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw SeqcastException.io(path.resolve(name) + ": cannot delete: " + AtomicFiles.describe(e), e);
        }
    }

    private void quietlyDelete(Path tmp) {
        try {
            dir.deleteFile(tmp);
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    /**
     * Takes the exclusive lock file {@code name} here for as long as this process runs or until the lock is
     * released; null when another process (or another run in this JVM) holds it.
     */
    public FileLock tryLock(String name) {
        FileChannel ch = null;
        try {
            SeekableByteChannel c = dir.newByteChannel(Path.of(name), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, NOFOLLOW));
            if (!(c instanceof FileChannel fc)) {
                c.close();
                throw SeqcastException.io(path.resolve(name) + ": cannot lock on this file system", null);
            }
            ch = fc;
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
            }
            return lock;
        } catch (IOException e) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // already failing
            }
            throw SeqcastException.io(path.resolve(name) + ": cannot create the lock file: " + AtomicFiles.describe(e), e);
        }
    }

    @Override
    public void close() {
        try {
            dir.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
