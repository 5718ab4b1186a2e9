package org.seqcast.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.seqcast.SeqcastException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A tiny YAML tree with source lines, read from Jackson's streaming YAML parser (never data binding):
 * tags and aliases are rejected, duplicate keys are errors, and every node remembers where it came from.
 */
final class Yaml {
    /** Deeper than any config needs; keeps hostile input from exhausting the stack. */
    static final int MAX_DEPTH = 32;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL) // "key:" with no value is null, as in new YAMLFactory()
            .build();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./(][A-Za-z0-9_./()+ -]*");
    private static final Pattern NULL_WORD = Pattern.compile("null|Null|NULL|~");

    private Yaml() {}

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        // Duplicate keys are found by Reader, which names the full key path and both lines.
        o.setMaxAliasesForCollections(0);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setCodePointLimit(1 << 20);
        return o;
    }

    /** Where a node came from: a file and 1-based line, or a source such as {@code --set} with line 0. */
    record Origin(String source, int line) {
        /** {@code file:line} or just the source when there is no line. */
        String at() {
            return line > 0 ? source + ":" + line : source;
        }

        SeqcastException error(String message) {
            return SeqcastException.config(at() + ": " + message);
        }
    }

    /** A parsed YAML node. */
    sealed interface Node permits Scalar, Sequence, Mapping {
        Origin origin();
    }

    /**
     * A scalar: {@code value} is a String, BigInteger, Double (or the text when Jackson could not read
     * the number), Boolean, or null for YAML null; {@code text} is the spelling in the source.
     */
    record Scalar(Object value, String text, Origin origin) implements Node {
        boolean isNull() {
            return value == null;
        }
    }

    /** A YAML sequence. */
    record Sequence(List<Node> items, Origin origin) implements Node {
        Sequence {
            items = List.copyOf(items);
        }
    }

    /** One key of a mapping, with the line of the key itself. */
    record Entry(String key, Origin keyOrigin, Node value) {}

    /** A YAML mapping in source order. */
    record Mapping(List<Entry> entries, Origin origin) implements Node {
        Mapping {
            entries = List.copyOf(entries);
        }

        Entry get(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return e;
                }
            }
            return null;
        }

        /** A copy with {@code entry} replacing the entry of the same key, or appended. */
        Mapping with(Entry entry) {
            List<Entry> out = new ArrayList<>(entries);
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).key().equals(entry.key())) {
                    out.set(i, entry);
                    return new Mapping(out, origin);
                }
            }
            out.add(entry);
            return new Mapping(out, origin);
        }
    }

    /** True for an absent node or YAML null: the key then takes its default. */
    static boolean isAbsent(Node n) {
        return n == null || (n instanceof Scalar s && s.isNull());
    }

    /**
     * Parses one YAML document; null when it is empty. With {@code lines} false, origins carry no line
     * (used for {@code --set} values) and {@code what} names the value in syntax errors.
     */
    static Node parse(String text, String source, boolean lines, String what) {
        try (JsonParser p = FACTORY.createParser(text)) {
            Reader r = new Reader((YAMLParser) p, source, lines);
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            Node root = r.read(t, "", 0);
            if (p.nextToken() != null) {
                throw r.here().error("more than one YAML document (---); keep the whole config in one document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, source, lines, what);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String: cannot happen
        }
    }

    private static SeqcastException syntaxError(JsonProcessingException e, String source, boolean lines, String what) {
        String problem;
        int line;
        int column;
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            problem = m.getProblem();
            line = m.getProblemMark().getLine() + 1;
            column = m.getProblemMark().getColumn() + 1;
            if (m.getContext() != null && m.getContextMark() != null) {
                problem += " (" + m.getContext() + " that starts on line " + (m.getContextMark().getLine() + 1) + ")";
            }
        } else {
            String msg = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
            problem = msg.lines().findFirst().orElse(msg);
            line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        }
        problem = problem.replace("\\t(TAB)", "tab").replace("\t(TAB)", "tab").replace("\n", " ").strip();
        String where = lines && line > 0 ? source + ":" + line + ":" + column : source;
        String subject = what == null ? "invalid YAML" : what + ": invalid YAML value";
        return SeqcastException.config(where + ": " + subject + ": " + problem);
    }

    /** Builds nodes from parser tokens, checking tags, aliases, duplicates and depth. */
    private static final class Reader {
        private final YAMLParser p;
        private final String source;
        private final boolean lines;

        Reader(YAMLParser p, String source, boolean lines) {
            this.p = p;
            this.source = source;
            this.lines = lines;
        }

        Origin here() {
            return new Origin(source, lines ? p.currentTokenLocation().getLineNr() : 0);
        }

        Node read(JsonToken t, String path, int depth) throws IOException {
            Origin at = here();
            if (depth > MAX_DEPTH) {
                throw at.error("nesting deeper than " + MAX_DEPTH + " levels");
            }
            checkPlain(at);
            switch (t) {
                case START_OBJECT: {
                    List<Entry> entries = new ArrayList<>();
                    java.util.Map<String, Entry> seen = new java.util.HashMap<>(); // linear in the keys, not quadratic
                    for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                        Origin keyAt = here();
                        checkPlain(keyAt);
                        String key = p.currentName();
                        String keyPath = ConfigSchema.join(path, key);
                        Entry first = seen.get(key);
                        if (first != null) {
                            throw keyAt.error("duplicate key '" + keyPath + "'"
                                    + (lines ? " (first given on line " + first.keyOrigin().line() + ")" : ""));
                        }
                        Entry entry = new Entry(key, keyAt, read(p.nextToken(), keyPath, depth + 1));
                        seen.put(key, entry);
                        entries.add(entry);
                    }
                    return new Mapping(entries, at);
                }
                case START_ARRAY: {
                    List<Node> items = new ArrayList<>();
                    for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                        items.add(read(i, path + "[" + items.size() + "]", depth + 1));
                    }
                    return new Sequence(items, at);
                }
                case VALUE_STRING:
                    return new Scalar(p.getText(), p.getText(), at);
                case VALUE_NUMBER_INT:
                    return new Scalar(p.getBigIntegerValue(), p.getText(), at);
                case VALUE_NUMBER_FLOAT:
                    return new Scalar(readDouble(), p.getText(), at);
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return new Scalar(t == JsonToken.VALUE_TRUE, p.getText(), at);
                case VALUE_NULL:
                    return new Scalar(null, p.getText(), at);
                default:
                    throw at.error("unsupported YAML value " + (path.isEmpty() ? "" : "for '" + path + "' ") + "(" + t + ")");
            }
        }

        private Object readDouble() throws IOException {
            try {
                return p.getDoubleValue();
            } catch (JsonProcessingException | NumberFormatException e) {
                return p.getText(); // e.g. .inf: rejected later by the number type, which prints the text
            }
        }

        private void checkPlain(Origin at) throws IOException {
            String tag = p.getTypeId();
            if (tag != null) {
                String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : "!" + tag;
                throw at.error("YAML tags such as '" + shown + "' are not allowed; write plain values");
            }
            if (p.isCurrentAlias()) {
                throw at.error("YAML aliases such as '*" + p.getText() + "' are not allowed; write the value out");
            }
        }
    }

    /** The YAML spelling of a string: plain when that reads back as the same string, else double-quoted. */
    static String quote(String s) {
        if (PLAIN.matcher(s).matches() && !s.endsWith(" ") && !NULL_WORD.matcher(s).matches()) {
            return s;
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\t': b.append("\\t"); break;
                case '\r': b.append("\\r"); break;
                default:
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        b.append(String.format("\\u%04x", (int) c)); // YAML would read these as breaks or BOMs
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
