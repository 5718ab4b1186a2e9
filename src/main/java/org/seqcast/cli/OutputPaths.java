package org.seqcast.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqcast.SeqcastException;

/**
 * The output paths of a command, checked before any work (a long training run is not lost to an
 * unwritable {@code -o}): each output's directory exists and is writable, no output is a directory,
 * no output is one of the inputs (same file, also through links), and no two outputs are the same file.
 * Directories are not created: like most tools, seqcast refuses a path whose directory is missing.
 */
final class OutputPaths {
    /** A path as given on the command line, with the option that gave it. */
    record Named(String option, Path path) {
    }

    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputs = new ArrayList<>();

    /** An input file; null and "-" (standard input) are ignored. */
    OutputPaths input(String option, Object path) {
        Path p = path(path);
        if (p != null) {
            inputs.add(new Named(option, p));
        }
        return this;
    }

    /** An output file; null and "-" (standard output) are ignored. */
    OutputPaths output(String option, Object path) {
        Path p = path(path);
        if (p != null) {
            outputs.add(new Named(option, p));
        }
        return this;
    }

    private static Path path(Object o) {
        if (o == null || "-".equals(o.toString())) {
            return null;
        }
        return o instanceof Path p ? p : Path.of(o.toString());
    }

    /** Runs every check; the first problem is thrown as a one-line error. */
    void check() {
        for (int i = 0; i < outputs.size(); i++) {
            Named out = outputs.get(i);
            for (Named in : inputs) {
                if (sameFile(out.path(), in.path())) {
                    throw SeqcastException.config(out.option() + " " + out.path() + " is the same file as the input " + in.option() + " "
                            + in.path() + "; writing it would destroy the input: give another output path");
                }
            }
            for (int j = 0; j < i; j++) {
                Named other = outputs.get(j);
                if (sameFile(out.path(), other.path())) {
                    throw SeqcastException.config(out.option() + " " + out.path() + " and " + other.option() + " " + other.path()
                            + " are the same file; give each output its own path");
                }
            }
            writable(out);
        }
    }

    private static void writable(Named out) {
        Path p = out.path();
        if (Files.isDirectory(p)) {
            throw SeqcastException.io(out.option() + " " + p + ": is a directory; give a file path", null);
        }
        Path dir = p.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw SeqcastException.io(out.option() + " " + p + ": the directory " + dir + (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)
                    ? " is not a directory" : " does not exist (seqcast does not create it; run mkdir -p first)"), null);
        }
        if (!Files.isWritable(dir)) {
            throw SeqcastException.io(out.option() + " " + p + ": the directory " + dir + " is not writable (permission denied)", null);
        }
    }

    /** True when both name the same file: the same inode when both exist, else the same resolved path. */
    static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall through to the path comparison
        }
        return resolved(a).equals(resolved(b));
    }

    /** The absolute path with its directory's links resolved when the directory exists. */
    private static Path resolved(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null) {
            return abs;
        }
        try {
            return dir.toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return abs;
        }
    }
}
