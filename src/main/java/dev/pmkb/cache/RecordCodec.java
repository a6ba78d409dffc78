package dev.pmkb.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a tree of records into bytes and back, whatever their components: every record is written component by
 * component, as {@link Class#getRecordComponents()} lists them, so a field added to a record is covered without
 * touching this class. Besides records it knows enums, strings, boxed primitives, lists, sets, maps, optionals and
 * the {@code java.time} values pmkb's model holds; any other serializable value of the JDK ({@code java.*}) is
 * written with Java serialization. The stream names each class, so a record that changed shape since the bytes were
 * written fails to decode ({@link CorruptEntryException}) rather than decoding wrongly; the cache's key holds a
 * fingerprint of pmkb's code as well, so that does not happen in practice.
 * <p>
 * Only records and enums of pmkb's own packages ({@code dev.pmkb.}) and the JDK are ever instantiated while decoding:
 * a cache folder is trusted no more than that.
 * <p>
 * {@link #hash} hashes the same encoding, with unordered maps and sets sorted first, so that two equal
 * trees hash alike in any JVM.
 */
public final class RecordCodec {

    private static final int NULL = 0, STRING = 1, TRUE = 2, FALSE = 3, INT = 4, LONG = 5, DOUBLE = 6, FLOAT = 7,
            SHORT = 8, BYTE = 9, CHAR = 10, ENUM = 11, RECORD = 12, LIST = 13, SET = 14, MAP = 15, LOCAL_DATE = 16,
            LOCAL_TIME = 17, LOCAL_DATE_TIME = 18, DURATION = 19, ZONE_OFFSET = 20, INSTANT = 21,
            OFFSET_DATE_TIME = 22, OPTIONAL = 23, BYTES = 24, SERIALIZED = 25;
    private static final String OURS = "dev.pmkb.";

    private RecordCodec() {
    }

    /** A cache entry that cannot be decoded: truncated, garbled, or written by a pmkb whose records differed. */
    public static final class CorruptEntryException extends Exception {
        CorruptEntryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Thrown for a value the codec cannot write: a class that is neither a record, a known value nor the JDK's. */
    public static final class UnsupportedValueException extends RuntimeException {
        UnsupportedValueException(String message) {
            super(message);
        }
    }

    public static byte[] encode(Object value) {
        Writer out = new Writer(false);
        out.value(value);
        return out.bytes.toByteArray();
    }

    public static Object decode(byte[] bytes) throws CorruptEntryException {
        Reader in = new Reader(bytes);
        try {
            Object value = in.value();
            if (in.position != bytes.length) throw new IllegalStateException("trailing bytes");
            return value;
        } catch (RuntimeException | ReflectiveOperationException | IOException | LinkageError e) {
            throw new CorruptEntryException("cannot decode: " + e, e);
        }
    }

    /** The {@link FastHash} of the value's encoding, unordered collections sorted: equal trees hash alike. */
    public static byte[] hash(Object value) {
        Writer out = new Writer(true);
        // hashed as it is encoded: a page's model, its HTML included, is never in one buffer
        FastHash hash = new FastHash();
        out.bytes.sink = hash;
        out.value(value);
        out.bytes.flush();
        return hash.bytes();
    }

    /** How to read and make one record class, found once per class. */
    private record Shape(RecordComponent[] components, MethodHandle[] accessors, MethodHandle constructor) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, t -> {
            try {
                RecordComponent[] components = t.getRecordComponents();
                MethodHandle[] accessors = new MethodHandle[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    var accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    accessors[i] = MethodHandles.lookup().unreflect(accessor);
                    types[i] = components[i].getType();
                }
                var constructor = t.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(components, accessors, MethodHandles.lookup().unreflectConstructor(constructor));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new UnsupportedValueException("cannot take record " + t.getName() + " apart: " + e);
            }
        });
    }

    private static final class Writer {
        final Bytes bytes = new Bytes();
        final boolean canonical;
        final Map<Class<?>, Integer> classes = new HashMap<>();

        Writer(boolean canonical) {
            this.canonical = canonical;
        }

        void value(Object v) {
            switch (v) {
                case null -> bytes.write(NULL);
                case String s -> {
                    bytes.write(STRING);
                    bytes.string(s);
                }
                case Boolean b -> bytes.write(b ? TRUE : FALSE);
                case Integer i -> {
                    bytes.write(INT);
                    bytes.varLong(i);
                }
                case Long l -> {
                    bytes.write(LONG);
                    bytes.varLong(l);
                }
                case Double d -> {
                    bytes.write(DOUBLE);
                    bytes.fixedLong(Double.doubleToRawLongBits(d));
                }
                case Float f -> {
                    bytes.write(FLOAT);
                    bytes.varLong(Float.floatToRawIntBits(f));
                }
                case Short s -> {
                    bytes.write(SHORT);
                    bytes.varLong(s);
                }
                case Byte b -> {
                    bytes.write(BYTE);
                    bytes.varLong(b);
                }
                case Character c -> {
                    bytes.write(CHAR);
                    bytes.varLong(c);
                }
                case Enum<?> e -> {
                    bytes.write(ENUM);
                    type(e.getDeclaringClass());
                    bytes.string(e.name());
                }
                case Record r -> record(r);
                case LocalDate d -> {
                    bytes.write(LOCAL_DATE);
                    bytes.varLong(d.toEpochDay());
                }
                case LocalTime t -> {
                    bytes.write(LOCAL_TIME);
                    bytes.varLong(t.toNanoOfDay());
                }
                case LocalDateTime t -> {
                    bytes.write(LOCAL_DATE_TIME);
                    bytes.varLong(t.toLocalDate().toEpochDay());
                    bytes.varLong(t.toLocalTime().toNanoOfDay());
                }
                case Duration d -> {
                    bytes.write(DURATION);
                    bytes.varLong(d.getSeconds());
                    bytes.varLong(d.getNano());
                }
                case ZoneOffset z -> {
                    bytes.write(ZONE_OFFSET);
                    bytes.varLong(z.getTotalSeconds());
                }
                case Instant t -> {
                    bytes.write(INSTANT);
                    bytes.varLong(t.getEpochSecond());
                    bytes.varLong(t.getNano());
                }
                case OffsetDateTime t -> {
                    bytes.write(OFFSET_DATE_TIME);
                    bytes.varLong(t.toLocalDate().toEpochDay());
                    bytes.varLong(t.toLocalTime().toNanoOfDay());
                    bytes.varLong(t.getOffset().getTotalSeconds());
                }
                case Optional<?> o -> {
                    bytes.write(OPTIONAL);
                    value(o.orElse(null));
                }
                case byte[] b -> {
                    bytes.write(BYTES);
                    bytes.varLong(b.length);
                    bytes.write(b, 0, b.length);
                }
                case List<?> list -> collection(LIST, list, false);
                case Set<?> set -> collection(SET, set, canonical && !(set instanceof SortedSet || set instanceof LinkedHashSet));
                case Map<?, ?> map -> map(map);
                default -> serialized(v);
            }
        }

        void type(Class<?> type) {
            Integer known = classes.get(type);
            if (known != null) {
                bytes.varLong(known);
                return;
            }
            bytes.varLong(classes.size());
            classes.put(type, classes.size());
            bytes.string(type.getName());
        }

        void record(Record r) {
            Class<?> type = r.getClass();
            if (!type.getName().startsWith(OURS)) {
                serialized(r);
                return;
            }
            Shape shape = shape(type);
            bytes.write(RECORD);
            type(type);
            bytes.varLong(shape.components().length);
            for (MethodHandle accessor : shape.accessors()) {
                try {
                    value(accessor.invoke(r));
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new UnsupportedValueException("cannot read " + type.getName() + ": " + e);
                }
            }
        }

        void collection(int tag, Collection<?> items, boolean sort) {
            bytes.write(tag);
            bytes.varLong(items.size());
            if (!sort) {
                for (Object item : items) value(item);
                return;
            }
            List<byte[]> encoded = new ArrayList<>();
            for (Object item : items) encoded.add(alone(item, null, false));
            encoded.sort(Arrays::compareUnsigned);
            for (byte[] e : encoded) bytes.write(e, 0, e.length);
        }

        void map(Map<?, ?> map) {
            bytes.write(MAP);
            bytes.varLong(map.size());
            if (!canonical || map instanceof SortedMap || map instanceof LinkedHashMap) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    value(e.getKey());
                    value(e.getValue());
                }
                return;
            }
            List<byte[]> encoded = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) encoded.add(alone(e.getKey(), e.getValue(), true));
            encoded.sort(Arrays::compareUnsigned);
            for (byte[] e : encoded) bytes.write(e, 0, e.length);
        }

        /** One item (or key and value) encoded on its own, for sorting: its class names spelt out, never numbered. */
        private byte[] alone(Object first, Object second, boolean pair) {
            Writer w = new Writer(true);
            w.value(first);
            if (pair) w.value(second);
            return w.bytes.toByteArray();
        }

        void serialized(Object v) {
            if (!(v instanceof Serializable) || !v.getClass().getName().startsWith("java.")) {
                throw new UnsupportedValueException("cannot cache a " + v.getClass().getName()
                        + ": not a record, nor a value of the JDK");
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
                out.writeObject(v);
            } catch (IOException e) {
                throw new UnsupportedValueException("cannot serialize a " + v.getClass().getName() + ": " + e);
            }
            byte[] b = buffer.toByteArray();
            bytes.write(SERIALIZED);
            bytes.varLong(b.length);
            bytes.write(b, 0, b.length);
        }
    }

    private static final ObjectInputFilter JDK_ONLY = info -> {
        Class<?> c = info.serialClass();
        if (c == null) return ObjectInputFilter.Status.UNDECIDED;
        while (c.isArray()) c = c.getComponentType();
        return c.isPrimitive() || c.getName().startsWith("java.")
                ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

    private static final class Reader {
        final byte[] bytes;
        int position;
        final List<Class<?>> classes = new ArrayList<>();

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        Object value() throws ReflectiveOperationException, IOException {
            int tag = next();
            return switch (tag) {
                case NULL -> null;
                case STRING -> string();
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case INT -> Math.toIntExact(varLong());
                case LONG -> varLong();
                case DOUBLE -> Double.longBitsToDouble(fixedLong());
                case FLOAT -> Float.intBitsToFloat(Math.toIntExact(varLong()));
                case SHORT -> (short) varLong();
                case BYTE -> (byte) varLong();
                case CHAR -> (char) varLong();
                case ENUM -> enumValue(type(), string());
                case RECORD -> record();
                case LIST -> Collections.unmodifiableList(items());
                case SET -> Collections.unmodifiableSet(new LinkedHashSet<>(items()));
                case MAP -> map();
                case LOCAL_DATE -> LocalDate.ofEpochDay(varLong());
                case LOCAL_TIME -> LocalTime.ofNanoOfDay(varLong());
                case LOCAL_DATE_TIME -> LocalDateTime.of(LocalDate.ofEpochDay(varLong()), LocalTime.ofNanoOfDay(varLong()));
                case DURATION -> Duration.ofSeconds(varLong(), varLong());
                case ZONE_OFFSET -> ZoneOffset.ofTotalSeconds(Math.toIntExact(varLong()));
                case INSTANT -> Instant.ofEpochSecond(varLong(), varLong());
                case OFFSET_DATE_TIME -> OffsetDateTime.of(LocalDate.ofEpochDay(varLong()),
                        LocalTime.ofNanoOfDay(varLong()), ZoneOffset.ofTotalSeconds(Math.toIntExact(varLong())));
                case OPTIONAL -> Optional.ofNullable(value());
                case BYTES -> take(length());
                case SERIALIZED -> deserialized(take(length()));
                default -> throw new IllegalStateException("unknown tag " + tag + " at " + (position - 1));
            };
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object enumValue(Class<?> type, String name) {
            if (!type.isEnum()) throw new IllegalStateException(type.getName() + " is not an enum");
            return Enum.valueOf((Class) type, name);
        }

        Object record() throws ReflectiveOperationException, IOException {
            Class<?> type = type();
            if (!type.isRecord()) throw new IllegalStateException(type.getName() + " is not a record");
            Shape shape = shape(type);
            int count = length();
            if (count != shape.components().length) {
                throw new IllegalStateException(type.getName() + " has " + shape.components().length
                        + " components now, the entry " + count);
            }
            Object[] args = new Object[count];
            for (int i = 0; i < count; i++) {
                args[i] = value();
                Class<?> expected = shape.components()[i].getType();
                if (args[i] == null && expected.isPrimitive()) {
                    throw new IllegalStateException(type.getName() + "." + shape.components()[i].getName() + " is null");
                }
            }
            try {
                return shape.constructor().invokeWithArguments(args);
            } catch (RuntimeException | Error | ReflectiveOperationException | IOException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        List<Object> items() throws ReflectiveOperationException, IOException {
            int n = length();
            List<Object> items = new ArrayList<>(Math.min(n, 1024));
            for (int i = 0; i < n; i++) items.add(value());
            return items;
        }

        Map<Object, Object> map() throws ReflectiveOperationException, IOException {
            int n = length();
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) map.put(value(), value());
            return Collections.unmodifiableMap(map);
        }

        Class<?> type() throws ClassNotFoundException {
            int index = length();
            if (index < classes.size()) return classes.get(index);
            if (index != classes.size()) throw new IllegalStateException("class " + index + " out of order");
            String name = string();
            if (!name.startsWith(OURS) && !name.startsWith("java.")) {
                throw new IllegalStateException("refusing class " + name);
            }
            Class<?> type = Class.forName(name, false, RecordCodec.class.getClassLoader());
            classes.add(type);
            return type;
        }

        static Object deserialized(byte[] b) throws IOException, ClassNotFoundException {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
                in.setObjectInputFilter(JDK_ONLY);
                return in.readObject();
            }
        }

        private boolean ascii(int from, int chars) {
            for (int i = from, end = from + chars; i < end; i++) {
                if (bytes[i] < 0) return false;
            }
            return true;
        }

        int next() {
            if (position >= bytes.length) throw new IllegalStateException("truncated");
            return bytes[position++] & 0xff;
        }

        int length() {
            long n = varLong();
            if (n < 0 || n > Integer.MAX_VALUE) throw new IllegalStateException("bad length " + n);
            return Math.toIntExact(n);
        }

        byte[] take(int n) {
            if (n < 0 || n > bytes.length - position) throw new IllegalStateException("truncated");
            byte[] b = Arrays.copyOfRange(bytes, position, position + n);
            position += n;
            return b;
        }

        long varLong() {
            long raw = 0;
            int shift = 0;
            while (true) {
                int b = next();
                raw |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) break;
                shift += 7;
                if (shift > 63) throw new IllegalStateException("bad number");
            }
            return (raw >>> 1) ^ -(raw & 1); // zig-zag
        }

        long fixedLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) v = v << 8 | next();
            return v;
        }

        /** Each char on its own (modified UTF-8), so that a lone surrogate survives the round trip. */
        String string() {
            int chars = length();
            if (chars > bytes.length - position) throw new IllegalStateException("truncated string");
            if (ascii(position, chars)) {
                // most strings: one byte a char, made without a char[] in between
                String s = new String(bytes, position, chars, java.nio.charset.StandardCharsets.ISO_8859_1);
                position += chars;
                return s;
            }
            char[] out = new char[chars];
            for (int i = 0; i < chars; i++) {
                int a = next();
                if (a < 0x80) {
                    out[i] = (char) a;
                } else if ((a & 0xe0) == 0xc0) {
                    out[i] = (char) ((a & 0x1f) << 6 | next() & 0x3f);
                } else {
                    int b = next();
                    out[i] = (char) ((a & 0x0f) << 12 | (b & 0x3f) << 6 | next() & 0x3f);
                }
            }
            return new String(out);
        }
    }

    /** A growable byte buffer with the few encodings the codec needs. */
    private static final class Bytes {
        /** Chars of a string encoded at a time: a hashed string passes through the buffer in pieces this long. */
        private static final int CHUNK = 4096;
        private byte[] buffer = new byte[1024];
        private int size;
        /** Where a full buffer goes when the bytes are hashed, not kept; null: kept. */
        private FastHash sink;

        void write(int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        void write(byte[] b, int offset, int length) {
            ensure(length);
            System.arraycopy(b, offset, buffer, size, length);
            size += length;
        }

        void varLong(long v) {
            long raw = (v << 1) ^ (v >> 63); // zig-zag: small negative numbers stay short
            ensure(10);
            while ((raw & ~0x7fL) != 0) {
                buffer[size++] = (byte) ((raw & 0x7f) | 0x80);
                raw >>>= 7;
            }
            buffer[size++] = (byte) raw;
        }

        void fixedLong(long v) {
            ensure(8);
            for (int i = 7; i >= 0; i--) buffer[size++] = (byte) (v >>> (8 * i));
        }

        void string(String s) {
            int n = s.length();
            varLong(n);
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                ensure(3 * (to - from));
                chars(s, from, to);
            }
        }

        private void chars(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c != 0 && c < 0x80) {
                    buffer[size++] = (byte) c;
                } else if (c < 0x800) {
                    buffer[size++] = (byte) (0xc0 | c >> 6);
                    buffer[size++] = (byte) (0x80 | c & 0x3f);
                } else {
                    buffer[size++] = (byte) (0xe0 | c >> 12);
                    buffer[size++] = (byte) (0x80 | c >> 6 & 0x3f);
                    buffer[size++] = (byte) (0x80 | c & 0x3f);
                }
            }
        }

        /** Hands the buffer's bytes to the sink, if any. */
        void flush() {
            if (sink == null || size == 0) return;
            sink.raw(buffer, 0, size);
            size = 0;
        }

        private void ensure(int more) {
            if (sink != null && size + more > buffer.length) flush();
            if (size + more > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }
    }
}
