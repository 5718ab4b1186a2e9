package org.seqcast.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.seqcast.SeqcastException;
import org.seqcast.config.Yaml.Mapping;
import org.seqcast.config.Yaml.Node;
import org.seqcast.config.Yaml.Scalar;
import org.seqcast.config.Yaml.Sequence;

/**
 * The type and constraint of one config key: how to read it from YAML, how to check a Java value
 * (record constructors), and how to write it back as YAML.
 */
abstract class ValueType {
    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final int MAX_SHOWN = 60;

    /** For the docs table, e.g. {@code integer >= 1}. */
    final String name;
    /** For errors, e.g. {@code an integer >= 1}. */
    final String expected;
    /** The Java type of a value, boxed. */
    final Class<?> javaType;

    ValueType(String name, String expected, Class<?> javaType) {
        this.name = name;
        this.expected = expected;
        this.javaType = javaType;
    }

    /** True for list-valued keys, whose elements {@code --set} can address by index. */
    boolean isList() {
        return javaType == List.class;
    }

    /** Reads a present, non-null node; {@code path} is the full key path for errors. */
    abstract Object decode(Node node, String path);

    /** True when {@code value} (non-null) is valid for this type. */
    abstract boolean accepts(Object value);

    /** The YAML flow spelling of a valid value. */
    abstract String format(Object value);

    /** {@code file:line: path: expected X, got 'v'}. */
    static SeqcastException mismatch(Node node, String path, String expected) {
        return node.origin().error((path.isEmpty() ? "" : path + ": ") + "expected " + expected + ", got " + describe(node));
    }

    static String describe(Node node) {
        if (node instanceof Scalar s) {
            return s.isNull() ? "null" : "'" + shorten(s.text()) + "'";
        }
        if (node instanceof Sequence seq) {
            return seq.items().isEmpty() ? "an empty list" : "a list";
        }
        return "a mapping";
    }

    static String shorten(String s) {
        String one = s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return one.length() <= MAX_SHOWN ? one : one.substring(0, MAX_SHOWN) + "...";
    }

    // ---------------------------------------------------------------- scalars

    /** A scalar type: {@code read} maps a non-null scalar to a value or null; {@code valid} constrains it. */
    private static final class ScalarType extends ValueType {
        private final Function<Scalar, Object> read;
        private final Predicate<Object> valid;
        private final Function<Object, String> format;

        ScalarType(String name, String expected, Class<?> javaType, Function<Scalar, Object> read,
                Predicate<Object> valid, Function<Object, String> format) {
            super(name, expected, javaType);
            this.read = read;
            this.valid = valid;
            this.format = format;
        }

        @Override
        Object decode(Node node, String path) {
            Object v = node instanceof Scalar s && !s.isNull() ? readValid(s) : null;
            if (v == null) {
                throw mismatch(node, path, expected);
            }
            return v;
        }

        /** The value of a non-null scalar, or null when it is not of this type or breaks the constraint. */
        Object readValid(Scalar s) {
            Object v = read.apply(s);
            return v != null && valid.test(v) ? v : null;
        }

        @Override
        boolean accepts(Object value) {
            return javaType.isInstance(value) && valid.test(value);
        }

        @Override
        String format(Object value) {
            return format.apply(value);
        }
    }

    /** The text of any scalar: a quoted string, or the spelling of a plain number or boolean. */
    private static String text(Scalar s) {
        return s.value() instanceof String str ? str : s.text();
    }

    /** A non-blank string (file name, column name); any scalar counts, as its source text. */
    static ValueType string() {
        return new ScalarType("string", "a non-empty string", String.class, ValueType::text,
                v -> !((String) v).isBlank(), v -> Yaml.quote((String) v));
    }

    /** One of the given values, spelled by {@code key}. */
    static <E> ValueType choice(Class<E> type, Function<E, String> key, List<E> values) {
        List<String> keys = new ArrayList<>();
        for (E v : values) {
            keys.add(key.apply(v));
        }
        String name = keys.size() == 1 ? keys.get(0)
                : String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
        String expected = keys.size() == 1 ? "'" + keys.get(0) + "'" : "one of " + String.join(", ", keys);
        List<E> allowed = List.copyOf(values);
        return new ScalarType(name, expected, type, s -> {
            int i = keys.indexOf(text(s));
            return i < 0 ? null : allowed.get(i);
        }, allowed::contains, v -> key.apply(type.cast(v)));
    }

    /** One of the given strings. */
    static ValueType choice(String... values) {
        return choice(String.class, Function.identity(), List.of(values));
    }

    /** One constant of a {@link Choice} enum, spelled by its key. */
    static <E extends Enum<E> & Choice> ValueType choice(Class<E> type) {
        return choice(type, Choice::key, List.of(type.getEnumConstants()));
    }

    /** {@link WindowNorm}: YAML true, false or auto (booleans read as booleans, not as their spelling). */
    static ValueType windowNorm() {
        ValueType plain = choice(WindowNorm.class);
        return new ScalarType("auto or boolean", "'auto', true or false", WindowNorm.class,
                s -> s.value() instanceof Boolean b ? (b ? WindowNorm.RELATIVE : WindowNorm.LEVELS) : ((ScalarType) plain).readValid(s),
                v -> true, v -> ((WindowNorm) v).key());
    }

    /** {@link AutoFlag}: YAML true, false or auto (booleans read as booleans, not as their spelling). */
    static ValueType autoFlag() {
        ValueType plain = choice(AutoFlag.class);
        return new ScalarType("auto or boolean", "'auto', true or false", AutoFlag.class,
                s -> s.value() instanceof Boolean b ? (b ? AutoFlag.TRUE : AutoFlag.FALSE) : ((ScalarType) plain).readValid(s),
                v -> true, v -> ((AutoFlag) v).key());
    }

    /**
     * {@code auto} (an empty list), one integer in [min, max], or a non-empty list of distinct such integers: season
     * periods. Written back as {@code auto}, the integer, or the list.
     */
    static ValueType autoOrIntegers(int min, int max) {
        ValueType n = integer(min, max);
        String name = "auto, or integer or list of integers between " + min + " and " + max;
        String expected = "'auto' or an " + n.name + ", or a list of them";
        ValueType list = listOf(n, true, name, expected);
        return new ValueType(name, expected, List.class) {
            @Override
            Object decode(Node node, String path) {
                if (node instanceof Scalar s && "auto".equals(s.value())) {
                    return List.of();
                }
                if (node instanceof Sequence seq && seq.items().isEmpty()) {
                    throw mismatch(node, path, expected);
                }
                if (node instanceof Scalar s) {
                    Object v = s.isNull() ? null : ((ScalarType) n).readValid(s);
                    if (v == null) {
                        throw mismatch(node, path, expected);
                    }
                    return List.of(v);
                }
                return list.decode(node, path);
            }

            @Override
            boolean accepts(Object value) {
                return list.accepts(value);
            }

            @Override
            String format(Object value) {
                List<?> values = (List<?>) value;
                if (values.isEmpty()) {
                    return "auto";
                }
                if (values.size() == 1) {
                    return n.format(values.get(0));
                }
                return list.format(value);
            }
        };
    }

    private static BigInteger readInteger(Scalar s) {
        if (s.value() instanceof BigInteger b) {
            return b;
        }
        if (s.value() instanceof String str && DECIMAL_INT.matcher(str.strip()).matches()) {
            return new BigInteger(str.strip());
        }
        return null;
    }

    private static String intRange(long min, long max, long typeMin, long typeMax) {
        if (min == typeMin && max == typeMax) {
            return "integer";
        }
        return max == typeMax ? "integer >= " + min : "integer between " + min + " and " + max;
    }

    /** An {@code int} in [min, max]. */
    static ValueType integer(int min, int max) {
        String name = intRange(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return new ScalarType(name, "an " + name, Integer.class, s -> {
            BigInteger b = readInteger(s);
            return b == null || b.bitLength() > 31 ? null : b.intValue();
        }, v -> (Integer) v >= min && (Integer) v <= max, String::valueOf);
    }

    /** An {@code int} >= min. */
    static ValueType integer(int min) {
        return integer(min, Integer.MAX_VALUE);
    }

    /** Any {@code long}. */
    static ValueType longInteger() {
        return new ScalarType("integer", "an integer", Long.class, s -> {
            BigInteger b = readInteger(s);
            return b == null || b.bitLength() > 63 ? null : b.longValue();
        }, v -> true, String::valueOf);
    }

    /** {@code auto} (stored as 0) or an {@code int} >= min. */
    static ValueType autoOrInteger(int min) {
        return autoOrInteger(min, Integer.MAX_VALUE);
    }

    /** {@code auto} (stored as empty) or an {@code int} in [min, max]. */
    static ValueType autoOrInteger(int min, int max) {
        ValueType n = integer(min, max);
        return new ScalarType("auto or " + n.name, "'auto' or " + n.expected, java.util.OptionalInt.class,
                s -> "auto".equals(s.value()) ? java.util.OptionalInt.empty() : asOptional(((ScalarType) n).readValid(s)),
                v -> ((java.util.OptionalInt) v).isEmpty()
                        || (((java.util.OptionalInt) v).getAsInt() >= min && ((java.util.OptionalInt) v).getAsInt() <= max),
                v -> ((java.util.OptionalInt) v).isEmpty() ? "auto" : String.valueOf(((java.util.OptionalInt) v).getAsInt()));
    }

    private static java.util.OptionalInt asOptional(Object v) {
        return v == null ? null : java.util.OptionalInt.of((Integer) v);
    }

    /** A finite double between the bounds; {@code hi} may be infinite for no upper bound. */
    static ValueType number(double lo, boolean loClosed, double hi, boolean hiClosed) {
        String name;
        if (Double.isInfinite(hi)) {
            name = "number " + (loClosed ? ">= " : "> ") + bound(lo);
        } else {
            name = "number in " + (loClosed ? "[" : "(") + bound(lo) + ", " + bound(hi) + (hiClosed ? "]" : ")");
        }
        return new ScalarType(name, "a " + name, Double.class, s -> {
            if (s.value() instanceof BigInteger b) {
                return b.doubleValue();
            }
            if (s.value() instanceof Double d) {
                return d;
            }
            if (s.value() instanceof String str && DECIMAL.matcher(str.strip()).matches()) {
                return Double.parseDouble(str.strip());
            }
            return null;
        }, v -> {
            double d = (Double) v;
            return Double.isFinite(d) && (loClosed ? d >= lo : d > lo) && (hiClosed ? d <= hi : d < hi);
        }, v -> plain((Double) v));
    }

    /** {@code auto} (stored as empty) or a number as {@link #number}. */
    static ValueType autoOrNumber(double lo, boolean loClosed, double hi, boolean hiClosed) {
        ScalarType n = (ScalarType) number(lo, loClosed, hi, hiClosed);
        return new ScalarType("auto or " + n.name, "'auto' or " + n.expected, java.util.OptionalDouble.class,
                s -> "auto".equals(s.value()) ? java.util.OptionalDouble.empty() : asOptionalDouble(n.readValid(s)),
                v -> ((java.util.OptionalDouble) v).isEmpty() || n.accepts(((java.util.OptionalDouble) v).getAsDouble()),
                v -> ((java.util.OptionalDouble) v).isEmpty() ? "auto" : plain(((java.util.OptionalDouble) v).getAsDouble()));
    }

    private static java.util.OptionalDouble asOptionalDouble(Object v) {
        return v == null ? null : java.util.OptionalDouble.of((Double) v);
    }

    private static String bound(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : plain(d);
    }

    /** The shortest decimal that reads back as {@code d}, without exponent: 0.001, 200.0. */
    static String plain(double d) {
        String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** {@code auto}, {@code true} or {@code false}, stored as that word. */

    /** true or false. */
    static ValueType bool() {
        return new ScalarType("boolean", "true or false", Boolean.class,
                s -> s.value() instanceof Boolean b ? b : null, v -> true, String::valueOf);
    }

    // ---------------------------------------------------------------- lists

    /** A list of distinct elements; with {@code single}, one element may be written without brackets. */
    static ValueType listOf(ValueType element, boolean single, String name, String expected) {
        return new ListType(element, single, name, expected);
    }

    private static final class ListType extends ValueType {
        private final ValueType element;
        private final boolean single;

        ListType(ValueType element, boolean single, String name, String expected) {
            super(name, expected, List.class);
            this.element = element;
            this.single = single;
        }

        @Override
        Object decode(Node node, String path) {
            List<Node> items;
            if (node instanceof Sequence seq) {
                items = seq.items();
            } else if (single && node instanceof Scalar) {
                return List.of(element.decode(node, path));
            } else {
                throw mismatch(node, path, expected);
            }
            List<Object> out = new ArrayList<>();
            Set<Object> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                Object v = element.decode(items.get(i), path + "[" + i + "]");
                if (!seen.add(v)) {
                    throw items.get(i).origin().error(path + ": " + element.format(v) + " is listed twice");
                }
                out.add(v);
            }
            return List.copyOf(out);
        }

        @Override
        boolean accepts(Object value) {
            if (!(value instanceof List<?> list)) {
                return false;
            }
            Set<Object> seen = new HashSet<>();
            for (Object v : list) {
                if (v == null || !element.accepts(v) || !seen.add(v)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        String format(Object value) {
            List<String> parts = new ArrayList<>();
            for (Object v : (List<?>) value) {
                parts.add(element.format(v));
            }
            return "[" + String.join(", ", parts) + "]";
        }
    }

    /** A non-empty list of mappings, each bound to a record of {@code type} whose keys are {@code path[*].*}. */
    static ValueType records(Class<? extends Record> type, String name, String expected) {
        return new RecordListType(type, name, expected);
    }

    static final class RecordListType extends ValueType {
        final Class<? extends Record> type;

        RecordListType(Class<? extends Record> type, String name, String expected) {
            super(name, expected, List.class);
            this.type = type;
        }

        @Override
        Object decode(Node node, String path) {
            if (!(node instanceof Sequence seq) || seq.items().isEmpty()) {
                throw mismatch(node, path, expected);
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                Node item = seq.items().get(i);
                String itemPath = path + "[" + i + "]";
                if (!(item instanceof Mapping m)) {
                    throw mismatch(item, itemPath, "a mapping of " + String.join(", ", ConfigSchema.childNames(type)));
                }
                out.add(ConfigSchema.bind(type, m, itemPath));
            }
            return List.copyOf(out);
        }

        @Override
        boolean accepts(Object value) {
            return value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(type::isInstance);
        }

        @Override
        String format(Object value) {
            List<String> parts = new ArrayList<>();
            for (Object v : (List<?>) value) {
                parts.add(ConfigSchema.flow((Record) v));
            }
            return "[" + String.join(", ", parts) + "]";
        }
    }
}
