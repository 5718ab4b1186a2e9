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
    record Named(String option, Path path, boolean inOutputDirectory) {
        Named(String option, Path path) {
            this(option, path, false);
        }
    }

    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputs = new ArrayList<>();
    private final List<Named> directories = new ArrayList<>();

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

    /** A file that will be written inside an output directory (which may not exist yet): checked against the inputs only. */
    OutputPaths outputInDirectory(String option, Path path) {
        if (path != null) {
            outputs.add(new Named(option, path, true));
        }
        return this;
    }

    /**
     * An output directory ({@code --out DIR}): created by {@link #createDirectory} when missing, so only its
     * parent must exist; it must not be an input file.
     */
    OutputPaths outputDirectory(String option, Path dir) {
        if (dir != null) {
            directories.add(new Named(option, dir));
        }
        return this;
    }

    /** Creates an output directory (not its parents) when it does not exist. */
    static void createDirectory(String option, Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw SeqcastException.io(option + " " + dir + ": exists and is not a directory", e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw SeqcastException.io(option + " " + dir + ": its parent directory does not exist (seqcast creates the directory "
                    + "itself, not its parents; run mkdir -p first)", e);
        } catch (IOException e) {
            throw SeqcastException.io(option + " " + dir + ": cannot create the directory: " + e, e);
        }
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
            if (!out.inOutputDirectory()) {
                writable(out);
            }
        }
        for (Named d : directories) {
            Path p = d.path();
            for (Named in : inputs) {
                if (sameFile(p, in.path())) {
                    throw SeqcastException.config(d.option() + " " + p + " is the input " + in.option() + "; give an output directory");
                }
            }
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw SeqcastException.io(d.option() + " " + p + ": exists and is not a directory", null);
            }
            if (!Files.exists(p)) {
                Path parent = p.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    throw SeqcastException.io(d.option() + " " + p + ": its parent directory " + parent + " does not exist (seqcast "
                            + "creates the directory itself, not its parents; run mkdir -p first)", null);
                }
            }
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
