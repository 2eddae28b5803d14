package io.liqlab.profile;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What LiqLab's two file formats (venue profiles, scenarios) share in reading a file: the same limits (at most
 * 1 MiB, nested at most 16 levels, no duplicate keys), the same words for a file that cannot be read or parsed
 * (the file, {@code $} or a line and column, and what is wrong, for someone editing the file), and the checks and
 * wordings their field validators have in common. Each reader turns a {@link Failure} into its own problem type.
 */
public final class StrictJson {

    /** Files larger than this are refused before parsing. */
    public static final long MAX_FILE_BYTES = 1 << 20;
    /** JSON nested deeper than this is refused; neither format needs more than four levels. */
    public static final int MAX_NESTING_DEPTH = 16;

    /** A file that could not be read or parsed: which file, where ({@code $} or a line and column), and why. */
    public static final class Failure extends Exception {
        private final String file;
        private final String path;

        Failure(String file, String path, String message) {
            super(message, null, false, false);
            this.file = file;
            this.path = path;
        }

        public String file() {
            return file;
        }

        public String path() {
            return path;
        }
    }

    private final String noun;
    private final JsonMapper mapper;

    /** @param noun what a file holds, as messages name it: {@code "profile"}, {@code "scenario"} */
    public StrictJson(String noun) {
        this.noun = noun;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    /** The bytes of {@code file}, refusing a folder, a missing file and one over {@link #MAX_FILE_BYTES}. */
    public byte[] readFile(Path file) throws Failure {
        return readFile(file, noun, MAX_FILE_BYTES);
    }

    /**
     * The bytes of {@code file}: LiqLab's one way of reading a file the user named or left in a folder. Only a
     * regular file is read (after following links): a pipe would block forever and a device such as
     * {@code /dev/zero} never ends. At most {@code maxBytes} + 1 bytes are read whatever the file system says its
     * size is, so a file that grows, or lies about its size, is refused as too large without filling the memory.
     *
     * @param noun what the file should hold, for messages: {@code "profile"}, {@code "session"}
     */
    public static byte[] readFile(Path file, String noun, long maxBytes) throws Failure {
        String name = file.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new Failure(name, "$", "no such file");
        } catch (IOException e) {
            throw new Failure(name, "$", "cannot be read: " + reason(e));
        }
        if (attributes.isDirectory()) {
            throw new Failure(name, "$", "is a folder, not a " + noun + " file");
        }
        if (!attributes.isRegularFile()) {
            throw new Failure(name, "$", "is not a regular file (a device, a pipe or a socket); give a " + noun + " file");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(name, noun, attributes.size(), maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new Failure(name, "$", "cannot be read: " + reason(e));
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(name, noun, -1, maxBytes);
        }
        return bytes;
    }

    /** An I/O failure's reason without the file name the message already starts with. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The bytes of a stream (a bundled resource), reading at most one byte more than {@link #MAX_FILE_BYTES}, so
     * that {@link #parse} refuses a larger one without reading it all.
     */
    public byte[] readStream(String sourceName, InputStream in) throws Failure {
        try {
            return in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new Failure(sourceName, "$", "cannot be read: " + e.getMessage());
        }
    }

    /** Parses {@code json}; {@code sourceName} is the file a failure names. Never null or a missing node. */
    public JsonNode parse(String sourceName, byte[] json) throws Failure {
        if (json.length > MAX_FILE_BYTES) {
            throw tooLarge(sourceName, json.length);
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new Failure(sourceName, where(e.getLocation()),
                    "nested more than " + MAX_NESTING_DEPTH + " levels deep; a " + noun + " needs at most 4");
        } catch (JacksonException e) {
            throw new Failure(sourceName, where(e.getLocation()), "not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new Failure(sourceName, "$", "the file is empty; a " + noun + " is a JSON object");
        }
        return root;
    }

    private Failure tooLarge(String file, long size) {
        return tooLarge(file, noun, size, MAX_FILE_BYTES);
    }

    /** @param size the file's size, or -1 when only "more than the limit" is known (it was read up to the limit) */
    private static Failure tooLarge(String file, String noun, long size, long maxBytes) {
        String limit = maxBytes == MAX_FILE_BYTES ? "1 MiB (" + MAX_FILE_BYTES + " bytes)" : maxBytes + " bytes";
        return new Failure(file, "$", (size < 0 ? "is larger than " + maxBytes + " bytes" : "is " + size + " bytes")
                + "; a " + noun + " file may be at most " + limit);
    }

    /**
     * A syntax error as someone editing the file reads it: "line 3, column 7: not valid JSON: Unexpected end-of-input",
     * without Jackson's internal source description or advice to enable parser features.
     */
    public static String syntaxError(JacksonException e) {
        String at = where(e.getLocation());
        return (at.equals("$") ? "" : at + ": ") + "not valid JSON: " + firstLine(e.getOriginalMessage());
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "$";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        // Jackson's advice to enable a parser feature, and its internal source description, are for
        // programmers, not for someone editing the file (the line and column are given separately).
        return line.replaceAll(": enable `[^`]*` to allow.*$", "")
                .replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*\\[Source:.*?\\]", "").strip();
    }

    // ---- for the field validators ----------------------------------------------------------------------------

    /**
     * A JSON number as a double, never throwing: an integer or decimal beyond the double range (a 1 followed by
     * 400 zeros) becomes an infinity, which validators report as "a number too large to represent", as they do
     * for {@code 1e309}.
     */
    public static double toDouble(JsonNode n) {
        if (n.isBigInteger()) {
            return n.bigIntegerValue().doubleValue();
        }
        if (n.isBigDecimal()) {
            return n.decimalValue().doubleValue();
        }
        return n.doubleValue();
    }

    /**
     * Reports each field of the object {@code node} (at {@code path}) that is not in {@code allowed}, naming the
     * allowed ones (without {@code $schema}-like entries).
     */
    public static void allowOnly(JsonNode node, String path, List<String> allowed, BiConsumer<String, String> problem) {
        allowOnly(node, allowed, (name, message) -> problem.accept(path + "." + name, message));
    }

    /** As above, reporting each unknown field by its name (for readers that locate problems structurally). */
    public static void allowOnly(JsonNode node, List<String> allowed, BiConsumer<String, String> unknownField) {
        Set<String> unknown = new LinkedHashSet<>(node.propertyNames());
        unknown.removeAll(allowed);
        for (String name : unknown) {
            unknownField.accept(name, "is not a field of this object; allowed: " + String.join(", ",
                    allowed.stream().filter(a -> !a.startsWith("$")).toList()));
        }
    }

    /**
     * How a value reads in a message: {@code the string "x"}, {@code the number 3}, {@code true}, {@code a list}...
     * with the number written by {@code number}.
     */
    public static String kind(JsonNode node, Function<JsonNode, String> number) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isString()) {
            String s = node.stringValue();
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (node.isNumber()) {
            return "the number " + number.apply(node);
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        return node.isArray() ? "a list" : "an object";
    }

    /** A number in a message: whole numbers plainly, others to 10 significant digits without trailing zeros. */
    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.10g", v).replaceAll("0+($|e)", "$1").replaceAll("\\.($|e)", "$1");
    }
}
