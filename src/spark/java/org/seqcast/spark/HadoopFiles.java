package org.seqcast.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.seqcast.SeqcastException;

/**
 * Small file operations on any Hadoop file system (local, HDFS, S3A, GCS, ...), usable in tasks: it carries
 * the driver's Hadoop configuration as a serializable map. Failures are {@link SeqcastException}s naming the path.
 */
final class HadoopFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> conf;
    private transient Configuration configuration;

    HadoopFiles(Configuration conf) {
        Map<String, String> m = new HashMap<>();
        conf.forEach(e -> m.put(e.getKey(), e.getValue()));
        this.conf = m;
        this.configuration = conf;
    }

    Configuration configuration() {
        if (configuration == null) {
            Configuration c = new Configuration(false);
            conf.forEach(c::set);
            configuration = c;
        }
        return configuration;
    }

    private FileSystem fs(Path p) throws IOException {
        return p.getFileSystem(configuration());
    }

    boolean exists(String path) {
        Path p = new Path(path);
        try {
            return fs(p).exists(p);
        } catch (IOException e) {
            throw SeqcastException.io(path + ": cannot check: " + e.getMessage(), e);
        }
    }

    /** True when the path is a file (not a directory). */
    boolean isFile(String path) {
        Path p = new Path(path);
        try {
            FileSystem fs = fs(p);
            return fs.exists(p) && fs.getFileStatus(p).isFile();
        } catch (IOException e) {
            throw SeqcastException.io(path + ": cannot check: " + e.getMessage(), e);
        }
    }

    /** The file's bytes, or null when it does not exist. */
    byte[] readOrNull(String path) {
        Path p = new Path(path);
        try {
            FileSystem fs = fs(p);
            if (!fs.exists(p)) {
                return null;
            }
            try (InputStream in = fs.open(p)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw SeqcastException.io(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    String readString(String path) {
        byte[] b = readOrNull(path);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** Writes the file through a hidden temp file in the same directory, renamed over the target when complete. */
    void write(String path, byte[] bytes) {
        Path target = new Path(path);
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            FileSystem fs = fs(target);
            fs.mkdirs(target.getParent());
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(bytes);
            }
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(tmp, target)) {
                throw new IOException("rename of " + tmp + " failed");
            }
        } catch (IOException e) {
            try {
                fs(tmp).delete(tmp, false);
            } catch (IOException ignored) {
                // the temp file is left behind
            }
            throw SeqcastException.io(path + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Deletes a file or directory tree (nothing when missing). */
    void delete(String path) {
        Path p = new Path(path);
        try {
            fs(p).delete(p, true);
        } catch (IOException e) {
            throw SeqcastException.io(path + ": cannot delete: " + e.getMessage(), e);
        }
    }

    /** The names of the subdirectories of {@code dir} that start with {@code prefix} and hold {@code marker}, sorted. */
    List<String> committedDirs(String dir, String prefix, String marker) {
        Path d = new Path(dir);
        List<String> out = new ArrayList<>();
        try {
            FileSystem fs = fs(d);
            if (!fs.exists(d)) {
                return out;
            }
            for (FileStatus s : fs.listStatus(d)) {
                String name = s.getPath().getName();
                if (s.isDirectory() && name.startsWith(prefix) && fs.exists(new Path(s.getPath(), marker))) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw SeqcastException.io(dir + ": cannot list: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /**
     * The first line of the first data file of an input: the file itself, the first match of a glob, or the
     * first visible file of a directory (Spark's part files); decompressed by its extension (.gz, .bz2, ...).
     */
    String firstLine(String input) {
        Path p = new Path(input);
        try {
            FileSystem fs = fs(p);
            FileStatus[] matches = fs.globStatus(p);
            if (matches == null || matches.length == 0) {
                throw SeqcastException.io("--input " + input + ": no such file or directory", null);
            }
            Arrays.sort(matches);
            Path file = null;
            for (FileStatus m : matches) {
                file = m.isDirectory() ? firstVisible(fs, m.getPath()) : m.getPath();
                if (file != null) {
                    break;
                }
            }
            if (file == null) {
                throw SeqcastException.data("--input " + input + ": no data file (only empty directories)");
            }
            CompressionCodec codec = new CompressionCodecFactory(configuration()).getCodec(file);
            try (InputStream raw = fs.open(file);
                 InputStream in = codec == null ? raw : codec.createInputStream(raw);
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line = r.readLine();
                if (line == null) {
                    throw SeqcastException.data(file + ": the file is empty; a header row naming the columns is required");
                }
                return line;
            }
        } catch (IOException e) {
            throw SeqcastException.io("--input " + input + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Path firstVisible(FileSystem fs, Path dir) throws IOException {
        FileStatus[] all = fs.listStatus(dir);
        Arrays.sort(all);
        for (FileStatus s : all) {
            String n = s.getPath().getName();
            if (s.isFile() && !n.startsWith("_") && !n.startsWith(".") && s.getLen() > 0) {
                return s.getPath();
            }
        }
        return null;
    }
}
