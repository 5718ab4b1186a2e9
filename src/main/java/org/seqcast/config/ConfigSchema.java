package org.seqcast.config;

import static org.seqcast.config.ValueType.autoFlag;
import static org.seqcast.config.ValueType.autoOrInteger;
import static org.seqcast.config.ValueType.autoOrIntegers;
import static org.seqcast.config.ValueType.autoOrNumber;
import static org.seqcast.config.ValueType.bool;
import static org.seqcast.config.ValueType.choice;
import static org.seqcast.config.ValueType.integer;
import static org.seqcast.config.ValueType.listOf;
import static org.seqcast.config.ValueType.longInteger;
import static org.seqcast.config.ValueType.number;
import static org.seqcast.config.ValueType.records;
import static org.seqcast.config.ValueType.string;
import static org.seqcast.config.ValueType.windowNorm;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.seqcast.SeqcastException;
import org.seqcast.config.Yaml.Entry;
import org.seqcast.config.Yaml.Mapping;
import org.seqcast.config.Yaml.Node;

/**
 * Every config key in one table: path, type and constraint, default (in YAML) and a one-line doc.
 * Adding a key is one line here plus a field of the same (camelCase) name in its record; the records
 * are bound and checked against this table, and {@code docs/config.md} is tested against it.
 */
public final class ConfigSchema {

    /** One config key. */
    public static final class Key {
        private final String path;
        private final ValueType type;
        private final String defaultYaml;
        private final String doc;
        private Object defaultValue;
        private boolean resolved;

        private Key(String path, ValueType type, String defaultYaml, String doc) {
            this.path = path;
            this.type = type;
            this.defaultYaml = defaultYaml;
            this.doc = doc;
        }

        /** The full key path, with {@code [*]} for every element of a list: {@code model.layers[*].units}. */
        public String path() {
            return path;
        }

        /** The type and constraint, e.g. {@code integer >= 1}. */
        public String type() {
            return type.name;
        }

        /** The default in YAML spelling, or {@code none} for a key without default. */
        public String defaultText() {
            Object v = defaultValue();
            return v == null ? "none" : type.format(v);
        }

        /** What the key means, one line. */
        public String doc() {
            return doc;
        }

        /** The last segment of the path: the key as written inside its mapping. */
        String name() {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        ValueType valueType() {
            return type;
        }

        /** The default value, read from its YAML spelling on first use; null for "none". */
        synchronized Object defaultValue() {
            if (!resolved) {
                Node n = Yaml.parse(defaultYaml, "default of " + path, false, null);
                defaultValue = Yaml.isAbsent(n) ? null : type.decode(n, path);
                resolved = true;
            }
            return defaultValue;
        }

        /** The YAML node of the default, e.g. for {@code --set model.layers.0.units=32} without layers. */
        Node defaultNode(Yaml.Origin origin) {
            return Yaml.parse(defaultYaml, origin.source(), false, null);
        }

        boolean accepts(Object value) {
            return value == null ? "null".equals(defaultYaml) : type.accepts(value);
        }

        @Override
        public String toString() {
            return path;
        }
    }

    private static Key key(String path, ValueType type, String defaultYaml, String doc) {
        return new Key(path, type, defaultYaml, doc);
    }

    private static final List<Key> KEYS = List.of(
            key("data.path", string(), "null",
                    "CSV file with the series (required)"),
            key("data.time_column", string(), "null",
                    "column holding the timestamps (required)"),
            key("data.target", listOf(string(), true, "string or list of strings", "a column name or a list of column names"), "[]",
                    "column(s) to forecast (required)"),
            key("data.features", listOf(string(), true, "string or list of strings", "a column name or a list of column names"), "[]",
                    "extra input columns used as covariates; never a target column"),
            key("data.missing", choice(MissingPolicy.class, MissingPolicy::key, List.of(MissingPolicy.values())), "error",
                    "what to do with missing cells (empty, NA, N/A, #N/A, NULL, -) and missing times (gaps): error naming the first, "
                            + "interpolate linearly or carry the last value forward (gaps: insert the missing times), or drop the row "
                            + "(gaps: read the rows as consecutive)"),
            key("data.season", autoOrIntegers(1, 100_000), "auto",
                    "season length in steps (1 = none), or a list of periods, e.g. [48, 336] (a day and a week of half-hours); auto "
                            + "follows the frequency: 12 monthly, 4 quarterly, 7 daily, 5 business daily, a day and a week for hourly "
                            + "and 10- to 30-minute data ([24, 168], [48, 336], ...). The first period scales MASE and is the seasonal "
                            + "naive baseline's"),
            key("data.time_format", string(), "null",
                    "java.time pattern of the time column, e.g. dd.MM.yyyy or MM/dd/yyyy HH:mm; unset: ISO forms are detected, and day-first or "
                            + "month-first forms when the file tells which"),
            key("data.decimal", choice(DecimalMark.class, DecimalMark::key, List.of(DecimalMark.values())), "auto",
                    "decimal mark of the values: point (',' groups thousands: \"12,025.90\"), comma ('.' groups: 1.234,56), or auto: "
                            + "detected from the values when they tell"),
            key("data.known", listOf(string(), true, "string or list of strings", "a column name or a list of column names"), "[]",
                    "input columns known in advance (a holiday flag, a temperature forecast, planned promotions): fed for the "
                            + "forecast steps too, from the rows after the last target value (target empty) or from --future FILE; "
                            + "never a target or feature column"),
            key("window.timesteps", autoOrInteger(1, 10_000), "auto",
                    "input window length in steps; auto: two seasons, or twice the horizon (at least 8) without a season; with seasonal lags half the shortest period, between 8 and 24 steps; capped so short series keep enough windows"),
            key("window.horizon", autoOrInteger(1, 10_000), "auto",
                    "number of steps to forecast; auto follows the frequency: a day of hourly or 15- to 30-minute data, 14 days, 10 "
                            + "business days, 13 weeks, 12 months, 8 quarters, 6 years, 12 integer steps (at most a fifth of the rows)"),
            key("window.stride", integer(1, 100_000), "1",
                    "steps between the starts of consecutive training windows; with seasonal lags or known inputs at least what keeps the training to 2,400 windows (all series together)"),
            key("window.seasonal_lags", autoFlag(), "auto",
                    "give the network each target's value one period earlier for every period of data.season (the same time "
                            + "yesterday and last week), for the window and the forecast steps, so the lookback stays short; auto: "
                            + "on when the longest period exceeds 32 steps (hourly and finer data)"),
            key("transform.target", choice(TargetTransform.class), "auto",
                    "target transform: log for strictly positive series (auto: when every training value is > 0), or none"),
            key("transform.window_norm", windowNorm(), "true",
                    "true: subtract each window's last input value from its inputs and targets, so the network learns changes from "
                            + "the current level (trends); false: globally scaled levels (mean reversion); auto: train both, keep the one "
                            + "with the lower validation MAE"),
            key("transform.season_inputs", bool(), "true",
                    "when the season m is > 1, give the network sin and cos of each row's position in the season (from its time: "
                            + "month of year, weekday, ...) as two more inputs, per period of data.season"),
            key("transform.residual", autoFlag(), "auto",
                    "the network learns the difference from the seasonal naive forecast of the period (of data.season) whose "
                            + "seasonal naive errs least on the training rows; needs window.seasonal_lags; auto: on with them"),
            key("model.layers", records(LayerConfig.class, "list of layers", "a non-empty list of layer mappings"), "[{}]",
                    "the recurrent layers from input to output; a layer's missing keys take the defaults below"),
            key("model.layers[*].type", choice(LayerType.class), "lstm",
                    "layer type"),
            key("model.layers[*].units", autoOrInteger(1, 4096), "auto",
                    "number of hidden units; auto: 64, or 32 when the windows reach into the forecast period (seasonal lags or "
                            + "data.known: lookback + horizon rows)"),
            key("model.layers[*].dropout", number(0, true, 1, false), "0.0",
                    "fraction of the layer's inputs dropped during training"),
            key("model.layers[*].bidirectional", bool(), "false",
                    "read each window both forwards and backwards"),
            key("model.output", choice(OutputLayer.class), "linear",
                    "output layer: a dense layer with identity activation"),
            key("training.epochs", integer(1, 100_000), "200",
                    "maximum number of passes over the training windows"),
            key("training.batch_size", integer(1, 1_000_000), "32",
                    "windows per gradient step"),
            key("training.learning_rate", autoOrNumber(0, false, 1, true), "auto",
                    "step size of the optimiser; auto: 0.001, or 0.002 when the windows reach into the forecast period (seasonal "
                            + "lags or data.known)"),
            key("training.validation", number(0, false, 0.9, true), "0.2",
                    "fraction of the series, taken from its end, held out for validation and early stopping"),
            key("training.patience", integer(0, 100_000), "20",
                    "epochs without validation improvement before stopping; 0 turns early stopping off"),
            key("training.seed", longInteger(), "42",
                    "random seed for weight initialisation and shuffling"),
            key("training.ensemble", integer(1, 100), "2",
                    "number of models trained with different seeds; the forecast takes their median"),
            key("training.refit", bool(), "true",
                    "after early stopping, train again from scratch on all windows (validation included) for the best epoch count"),
            key("training.engine", choice(Engine.class), "auto",
                    "what runs the training math: fast (seqcast's fused CPU kernel; forward LSTMs without dropout), dl4j "
                            + "(DL4J's own), or auto (fast when the network allows it); recorded in the model's provenance"),
            key("forecast.intervals", listOf(integer(1, 99), false, "list of integers between 1 and 99",
                    "a list of integers between 1 and 99, e.g. [80, 95]"), "[]",
                    "prediction interval levels in percent, e.g. [80, 95]; empty for point forecasts only"),
            key("forecast.shrink", bool(), "false",
                    "scale each horizon step's predicted change from the last value by a factor in [0, 1] fitted on the validation "
                            + "windows (0 = naive); needs transform.window_norm"),
            key("forecast.strategy", choice(Strategy.class), "direct",
                    "direct: the network outputs all horizon steps at once; recursive: it forecasts one step and its forecast is fed "
                            + "back as the newest input (needs data.features empty)"),
            key("forecast.combine", choice(Combine.class), "auto",
                    "ets: the point forecast is the mean of the network's and automatic exponential smoothing's (R's ets, fitted on "
                            + "the same history at every forecast); none: the network's alone; auto: ets, except with data.known or "
                            + "seasonal lags (none)"));

    /** A record field: a key, or (in {@link SeqcastConfig} only) a whole section. */
    private record Slot(String name, RecordComponent component, Key key, Class<? extends Record> section) {}

    private static final Map<Class<?>, String> PREFIX = new LinkedHashMap<>();
    private static final Map<Class<?>, List<Slot>> SLOTS = new LinkedHashMap<>();
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new LinkedHashMap<>();
    private static final Map<String, Key> BY_PATH = new LinkedHashMap<>();

    static {
        for (Key k : KEYS) {
            if (BY_PATH.put(k.path, k) != null) {
                throw new IllegalStateException("Duplicate schema key " + k.path);
            }
        }
        PREFIX.put(SeqcastConfig.class, "");
        for (RecordComponent c : SeqcastConfig.class.getRecordComponents()) {
            PREFIX.put(c.getType(), snake(c.getName()));
        }
        for (Key k : KEYS) {
            if (k.type instanceof ValueType.RecordListType r) {
                PREFIX.put(r.type, k.path + "[*]");
            }
        }
        for (Map.Entry<Class<?>, String> e : PREFIX.entrySet()) {
            register(e.getKey(), e.getValue());
        }
        for (Key k : KEYS) {
            if (!PREFIX.containsValue(parent(k.path))) {
                throw new IllegalStateException("Schema key " + k.path + " belongs to no record");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void register(Class<?> cls, String prefix) {
        if (!cls.isRecord()) {
            throw new IllegalStateException("Config section " + prefix + " is not a record: " + cls);
        }
        List<Key> keys = KEYS.stream().filter(k -> parent(k.path).equals(prefix)).toList();
        RecordComponent[] components = cls.getRecordComponents();
        List<Slot> slots = new ArrayList<>();
        int k = 0;
        for (RecordComponent c : components) {
            String name = snake(c.getName());
            if (prefix.isEmpty()) {
                slots.add(new Slot(name, c, null, (Class<? extends Record>) c.getType()));
                continue;
            }
            if (k >= keys.size() || !keys.get(k).name().equals(name)) {
                throw new IllegalStateException("Record " + cls.getSimpleName() + "." + c.getName()
                        + " needs schema key " + join(prefix, name) + " at position " + k + " of " + prefix);
            }
            Key key = keys.get(k++);
            if (!box(c.getType()).equals(key.type.javaType)) {
                throw new IllegalStateException("Schema key " + key.path + " reads " + key.type.javaType.getSimpleName()
                        + " but " + cls.getSimpleName() + "." + c.getName() + " is " + c.getType().getSimpleName());
            }
            slots.add(new Slot(name, c, key, null));
        }
        if (k != keys.size()) {
            throw new IllegalStateException("Schema key " + keys.get(k).path + " has no field in " + cls.getSimpleName());
        }
        SLOTS.put(cls, List.copyOf(slots));
        try {
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = components[i].getType();
            }
            CONSTRUCTORS.put(cls, cls.getDeclaredConstructor(types));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("No canonical constructor in " + cls, e);
        }
    }

    private ConfigSchema() {}

    /** All keys, in table (and documentation) order. */
    public static List<Key> keys() {
        return KEYS;
    }

    // ---------------------------------------------------------------- names and paths

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** The key with this schema path ({@code [*]} for list elements), or null. */
    static Key key(String schemaPath) {
        return BY_PATH.get(schemaPath);
    }

    /** The keys (or sections) that may appear in the mapping at {@code schemaPrefix}; empty for a leaf. */
    static List<String> namesAt(String schemaPrefix) {
        for (Map.Entry<Class<?>, String> e : PREFIX.entrySet()) {
            if (e.getValue().equals(schemaPrefix)) {
                return childNames(e.getKey());
            }
        }
        return List.of();
    }

    static List<String> childNames(Class<?> cls) {
        return SLOTS.get(cls).stream().map(Slot::name).toList();
    }

    /** {@code unknown key 'a.b' (did you mean 'c'?)} at the key's line. */
    static SeqcastException unknownKey(Yaml.Origin at, String parentPath, String name, List<String> known) {
        String path = join(parentPath, name);
        String hint = DidYouMean.suggest(name, known)
                .map(s -> " (did you mean '" + s + "'?)")
                .orElseGet(() -> elsewhere(name)
                        .map(p -> " (did you mean '" + p + "'?)")
                        .orElse(known.isEmpty() ? " (" + parentPath + " has no sub-keys)"
                                : " (expected one of: " + String.join(", ", known) + ")"));
        return at.error("unknown key '" + path + "'" + hint);
    }

    /** A key of this exact name in another section: {@code training.horizon} suggests {@code window.horizon}. */
    private static java.util.Optional<String> elsewhere(String name) {
        return KEYS.stream().map(Key::path).filter(p -> p.endsWith("." + name) && !p.contains("[*]")).findFirst();
    }

    // ---------------------------------------------------------------- binding

    /** Binds a whole document (null when empty). */
    static SeqcastConfig bindConfig(Node root) {
        if (Yaml.isAbsent(root)) {
            return (SeqcastConfig) bind(SeqcastConfig.class, null, "");
        }
        if (!(root instanceof Mapping m)) {
            throw ValueType.mismatch(root, "", "a mapping with the sections " + String.join(", ", childNames(SeqcastConfig.class)));
        }
        return (SeqcastConfig) bind(SeqcastConfig.class, m, "");
    }

    /** Binds a mapping (null: all defaults) to a record; {@code path} is the concrete path of the mapping. */
    static Record bind(Class<? extends Record> cls, Mapping m, String path) {
        List<Slot> slots = SLOTS.get(cls);
        List<String> names = childNames(cls);
        if (m != null) {
            for (Entry e : m.entries()) {
                if (!names.contains(e.key())) {
                    throw unknownKey(e.keyOrigin(), path, e.key(), names);
                }
            }
        }
        Object[] args = new Object[slots.size()];
        for (int i = 0; i < args.length; i++) {
            Slot s = slots.get(i);
            Entry e = m == null ? null : m.get(s.name);
            Node v = e == null ? null : e.value();
            String p = join(path, s.name);
            if (s.section != null) {
                if (!Yaml.isAbsent(v) && !(v instanceof Mapping)) {
                    throw ValueType.mismatch(v, p, "a mapping of " + String.join(", ", childNames(s.section)));
                }
                args[i] = bind(s.section, Yaml.isAbsent(v) ? null : (Mapping) v, p);
            } else {
                args[i] = Yaml.isAbsent(v) ? s.key.defaultValue() : s.key.type.decode(v, p);
            }
        }
        try {
            return (Record) CONSTRUCTORS.get(cls).newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                // A check across keys, whose message starts with the key path: report it at that key.
                throw crossKeyError(iae.getMessage(), m, path);
            }
            throw new IllegalStateException("Cannot build " + cls.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + cls.getSimpleName(), e);
        }
    }

    private static SeqcastException crossKeyError(String message, Mapping m, String path) {
        if (m == null) {
            throw new IllegalStateException("Defaults violate a check: " + message);
        }
        Yaml.Origin at = m.origin();
        for (Entry e : m.entries()) {
            if (message.startsWith(join(path, e.key()) + ":")) {
                at = e.value().origin();
            }
        }
        return at.error(message);
    }

    /**
     * Checks the arguments of a record's canonical constructor against the table; throws
     * IllegalArgumentException naming the key and the value.
     */
    static void check(Class<? extends Record> cls, Object... args) {
        List<Slot> slots = SLOTS.get(cls);
        if (args.length != slots.size()) {
            throw new IllegalStateException(cls.getSimpleName() + " has " + slots.size() + " fields, got " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            Slot s = slots.get(i);
            if (s.section != null ? args[i] == null : !s.key.accepts(args[i])) {
                String path = s.key == null ? s.name : s.key.path;
                String expected = s.key == null ? "" : " (expected " + s.key.type.expected + ")";
                throw new IllegalArgumentException("Invalid " + path + " = " + show(args[i]) + expected);
            }
        }
    }

    private static String show(Object v) {
        return v instanceof String s ? "'" + ValueType.shorten(s) + "'" : String.valueOf(v);
    }

    static SeqcastConfig defaults() {
        return Defaults.CONFIG;
    }

    /** Built on first use: the record constructors call {@link #check}, which needs the table above. */
    private static final class Defaults {
        static final SeqcastConfig CONFIG = bindConfig(null);
    }

    // ---------------------------------------------------------------- writing

    private static Object get(Record r, Slot s) {
        try {
            return s.component.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + s.name, e);
        }
    }

    /** {@code {type: lstm, units: 64, ...}}. */
    static String flow(Record r) {
        List<String> parts = new ArrayList<>();
        for (Slot s : SLOTS.get(r.getClass())) {
            Object v = get(r, s);
            parts.add(s.name + ": " + (v == null ? "null" : s.key.type.format(v)));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    static String toYaml(SeqcastConfig c) {
        Objects.requireNonNull(c, "config");
        StringBuilder b = new StringBuilder("# seqcast configuration, fully resolved; every key is described in docs/config.md\n");
        for (Slot section : SLOTS.get(SeqcastConfig.class)) {
            b.append(section.name).append(":\n");
            Record r = (Record) get(c, section);
            for (Slot s : SLOTS.get(section.section)) {
                Object v = get(r, s);
                b.append("  ").append(s.name).append(':');
                if (s.key.type instanceof ValueType.RecordListType) {
                    b.append('\n');
                    for (Object item : (List<?>) v) {
                        b.append("    - ").append(flow((Record) item)).append('\n');
                    }
                } else {
                    b.append(' ').append(v == null ? "null" : s.key.type.format(v)).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static Class<?> box(Class<?> t) {
        if (!t.isPrimitive()) {
            return t;
        }
        return switch (t.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            default -> throw new IllegalStateException("Unsupported config field type " + t);
        };
    }
}
