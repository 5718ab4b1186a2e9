package org.seqcast.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seqcast.SeqcastException;
import org.seqcast.io.Limits;
import org.seqcast.config.Yaml.Entry;
import org.seqcast.config.Yaml.Mapping;
import org.seqcast.config.Yaml.Node;
import org.seqcast.config.Yaml.Origin;
import org.seqcast.config.Yaml.Scalar;
import org.seqcast.config.Yaml.Sequence;

/**
 * Reads a YAML config file, applies {@code --set key.path=value} overrides and validates the result
 * against {@link ConfigSchema}; every failure is a one-line {@link SeqcastException} of kind CONFIG
 * (IO for an unreadable file) naming the file and line or {@code --set}, the key path and the bad value.
 */
public final class ConfigLoader {
    /** The source named in errors about {@code --set} values. */
    static final String SET = "--set";

    private static final Origin SET_ORIGIN = new Origin(SET, 0);
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[[0-9]{1,9}\\])*)|([0-9]{1,9})");
    private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)\\]");

    private ConfigLoader() {}

    /**
     * Loads a config file (UTF-8) and applies the overrides.
     *
     * @param yamlFile the file, or null for the defaults plus {@code sets}
     * @param sets {@code key.path=value} strings from {@code --set}, applied in order; may be null
     */
    public static SeqcastConfig load(Path yamlFile, List<String> sets) {
        if (yamlFile == null) {
            return fromYaml("", "defaults", sets);
        }
        String text;
        try (java.io.InputStream in = Files.newInputStream(yamlFile)) {
            byte[] bytes = Limits.readAll(in, Limits.CONFIG_BYTES, max -> tooLarge(yamlFile.toString(), max));
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw SeqcastException.io("config file not found: " + yamlFile, e);
        } catch (AccessDeniedException e) {
            throw SeqcastException.io("cannot read config file " + yamlFile + ": permission denied", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw SeqcastException.config(yamlFile + ": not UTF-8 text; save the config file as UTF-8");
        } catch (IOException e) {
            throw SeqcastException.io("cannot read config file " + yamlFile + ": " + e.getMessage(), e);
        }
        return fromYaml(text, yamlFile.toString(), sets);
    }

    /**
     * Parses a YAML config and applies the overrides.
     *
     * @param yaml the document; empty means all defaults
     * @param sourceName the file name shown in errors
     * @param sets {@code key.path=value} strings, applied in order; may be null
     */
    public static SeqcastConfig fromYaml(String yaml, String sourceName, List<String> sets) {
        Objects.requireNonNull(yaml, "yaml");
        String source = sourceName == null || sourceName.isBlank() ? "config" : sourceName;
        if (yaml.length() > Limits.CONFIG_BYTES) {
            throw tooLarge(source, Limits.CONFIG_BYTES);
        }
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        Node root = Yaml.parse(text, source, true, null);
        if (!Yaml.isAbsent(root) && !(root instanceof Mapping)) {
            ConfigSchema.bindConfig(root); // throws: the document must be a mapping
        }
        for (String set : sets == null ? List.<String>of() : sets) {
            root = applySet(root, Objects.requireNonNull(set, "set"));
        }
        return ConfigSchema.bindConfig(root);
    }

    private static SeqcastException tooLarge(String source, long max) {
        return SeqcastException.config(source + ": larger than the config size limit of " + Limits.describe(max)
                + "; a seqcast config is a few dozen lines");
    }

    /** The fully resolved config as YAML, every key written out; {@code fromYaml(toYaml(c))} equals {@code c}. */
    public static String toYaml(SeqcastConfig c) {
        return ConfigSchema.toYaml(c);
    }

    // ---------------------------------------------------------------- --set

    /** Applies one {@code key.path=value} to the tree: mappings merge, anything else replaces. */
    static Node applySet(Node root, String set) {
        int eq = set.indexOf('=');
        if (eq < 0) {
            throw SeqcastException.config(SET + " '" + set + "': expected KEY=VALUE, e.g. --set training.epochs=50");
        }
        List<Object> path = parsePath(set.substring(0, eq).strip(), set);
        String text = set.substring(eq + 1);
        // A lone '-' is standard input (data.path=-), not a YAML list with one empty item.
        Node value = "-".equals(text.strip()) ? new Scalar("-", "-", SET_ORIGIN) : Yaml.parse(text, SET, false, render(path));
        if (value == null) {
            value = new Scalar(null, "", SET_ORIGIN);
        }
        return setIn(root, path, 0, "", "", value);
    }

    /** {@code model.layers[0].units} or {@code model.layers.0.units} to [model, layers, 0, units]. */
    private static List<Object> parsePath(String key, String set) {
        List<Object> out = new ArrayList<>();
        for (String part : key.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches() || (out.isEmpty() && m.group(3) != null)) {
                throw SeqcastException.config(SET + " '" + set + "': bad key path '" + key
                        + "'; write it like training.epochs or model.layers[0].units");
            }
            if (m.group(3) != null) {
                out.add(Integer.valueOf(m.group(3)));
                continue;
            }
            out.add(m.group(1));
            Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) {
                out.add(Integer.valueOf(idx.group(1)));
            }
        }
        return out;
    }

    private static String render(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object seg : path) {
            if (seg instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(seg);
            }
        }
        return b.toString();
    }

    /**
     * Returns a copy of {@code node} with {@code value} at {@code path[i..]}; {@code concrete} is the path
     * so far as shown to the user, {@code schema} the same with {@code [*]} for indexes.
     */
    private static Node setIn(Node node, List<Object> path, int i, String concrete, String schema, Node value) {
        boolean last = i == path.size() - 1;
        if (path.get(i) instanceof Integer index) {
            return setElement(node, path, i, index, concrete, schema, value);
        }
        String name = (String) path.get(i);
        List<String> known = ConfigSchema.namesAt(schema);
        ConfigSchema.Key here = ConfigSchema.key(schema);
        if (here != null && here.valueType().isList()) {
            throw SET_ORIGIN.error(concrete + " is a list; give an element index, e.g. " + concrete + "[0]." + name);
        }
        if (!known.contains(name)) {
            throw ConfigSchema.unknownKey(SET_ORIGIN, concrete, name, known);
        }
        Mapping m;
        if (Yaml.isAbsent(node)) {
            m = new Mapping(List.of(), SET_ORIGIN);
        } else if (node instanceof Mapping existing) {
            m = existing;
        } else {
            throw ValueType.mismatch(node, concrete, "a mapping of " + String.join(", ", known));
        }
        String childConcrete = ConfigSchema.join(concrete, name);
        String childSchema = ConfigSchema.join(schema, name);
        Entry old = m.get(name);
        Node oldValue = old == null ? null : old.value();
        Node newValue;
        if (last) {
            newValue = merge(oldValue, value);
        } else {
            ConfigSchema.Key key = ConfigSchema.key(childSchema);
            if (Yaml.isAbsent(oldValue) && path.get(i + 1) instanceof Integer && key != null && key.valueType().isList()) {
                oldValue = key.defaultNode(SET_ORIGIN);
            }
            newValue = setIn(oldValue, path, i + 1, childConcrete, childSchema, value);
        }
        return m.with(new Entry(name, old == null ? SET_ORIGIN : old.keyOrigin(), newValue));
    }

    private static Node setElement(Node node, List<Object> path, int i, int index, String concrete, String schema,
            Node value) {
        ConfigSchema.Key key = ConfigSchema.key(schema);
        if (key == null || !key.valueType().isList()) {
            throw SET_ORIGIN.error(concrete + " is not a list, so it has no element [" + index + "]");
        }
        if (!(node instanceof Sequence seq)) {
            throw ValueType.mismatch(node, concrete, key.valueType().expected);
        }
        if (index >= seq.items().size()) {
            throw SET_ORIGIN.error(concrete + "[" + index + "]: no such element, " + concrete + " has "
                    + seq.items().size() + "; to change its length set the whole list, e.g. --set " + concrete + "=[...]");
        }
        List<Node> items = new ArrayList<>(seq.items());
        String childConcrete = concrete + "[" + index + "]";
        Node old = items.get(index);
        items.set(index, i == path.size() - 1 ? merge(old, value)
                : setIn(old, path, i + 1, childConcrete, schema + "[*]", value));
        return new Sequence(items, seq.origin());
    }

    /** A mapping set onto a mapping merges key by key; anything else replaces. */
    private static Node merge(Node base, Node over) {
        if (!(base instanceof Mapping b) || !(over instanceof Mapping o)) {
            return over;
        }
        Mapping out = b;
        for (Entry e : o.entries()) {
            Entry old = out.get(e.key());
            out = out.with(new Entry(e.key(), e.keyOrigin(), merge(old == null ? null : old.value(), e.value())));
        }
        return out;
    }
}
