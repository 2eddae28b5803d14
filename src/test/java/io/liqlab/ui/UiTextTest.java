package io.liqlab.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All user-facing text of the ui and app packages comes from the Messages bundle: no words in string literals
 * handed to the calls that put text on screen, every key the code names is in the bundle, every key in the bundle
 * is named by the code, and every value is a well-formed MessageFormat pattern. (The learning layer's glossary and
 * guided examples have their own bundles, its controls' words are here; SessionFiles' messages are shared with the
 * command line and stay in English there.)
 */
class UiTextTest {

    private static final Path MAIN = Path.of("src", "main", "java", "io", "liqlab");
    private static final Path BUNDLE = Path.of("src", "main", "resources", "io", "liqlab", "ui", "Messages.properties");

    /** Calls that put their text arguments on screen: every literal anywhere in their arguments is checked. */
    private static final Pattern TEXT_CALL = Pattern.compile("(?<!\\w)(?:setText|new Label|new Button|new ToggleButton"
            + "|new CheckBox|new RadioButton|new MenuButton|new MenuItem|new (?:javafx\\.scene\\.control\\.)?Menu|new Tab|new Tooltip"
            + "|setPromptText|setTitle|setHeaderText|setContentText|setAccessibleText|new TableColumn<>"
            + "|new (?:FileChooser\\.)?ExtensionFilter|new (?:javafx\\.scene\\.control\\.)?Alert|new CurveChart"
            + "|status\\.set|errors\\.get\\([^()]*\\)\\.set|liquidation\\.set|leverageLimit\\.set|derivedSize\\.set"
            + "|timeToLiquidation\\.set)\\s*\\(");
    /** The views' own helpers that take a label first: only their first argument is text. */
    private static final Pattern HELPER_CALL = Pattern.compile("(?<!\\w)(?:field|add|section|row|key|lazyTab|pngItem|csvItem"
            + "|button|column|text|number|toggle)\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern KEY = Pattern.compile("(?!.*\\.(?:json|png|csv)$)(?:app|workspace|shell|account|position|charts|compare|profiles|tiers|cascade|learn)\\.[A-Za-z0-9.]+");
    /** Text without a word in it: "", "%", "x", digits, punctuation, a file pattern like *.png. */
    private static final Pattern NO_WORDS = Pattern.compile("[^A-Za-z]*[A-Za-z]?[^A-Za-z]*|\\*\\.[a-z.]+");

    /** Literals that go through a text call but never reach the screen: the charts measure their fonts' height on them. */
    private static final Set<String> NOT_SHOWN = Set.of("Ag", "Mg");

    private static List<Path> sources() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : List.of(MAIN.resolve("ui"), MAIN.resolve("app"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.getFileName().toString().equals("SessionFiles.java"))
                        .forEach(out::add);
            }
        }
        assertTrue(out.size() > 30, "found the ui and app sources: " + out.size());
        return out;
    }

    private static Properties bundle() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(BUNDLE)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The source without comments, so that Javadoc examples do not count. */
    private static String code(Path file) throws IOException {
        String s = Files.readString(file);
        return s.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    /** The text between the '(' just before {@code from} and its matching ')', quotes respected. */
    private static String arguments(String code, int from) {
        int depth = 1;
        boolean quoted = false;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return code.substring(from, i);
            }
        }
        return code.substring(from);
    }

    /** The first top-level argument of an argument list. */
    private static String firstArgument(String args) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == '<' || c == '{') {
                depth++;
            } else if (c == ')' || c == '>' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return args.substring(0, i);
            }
        }
        return args;
    }

    private static List<String> literals(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = LITERAL.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Literals with words handed to text calls in {@code code}, as "call \"literal\""; adds how many literals it checked. */
    private static List<String> offending(String code, int[] checked) {
        List<String> out = new ArrayList<>();
        for (Pattern call : List.of(TEXT_CALL, HELPER_CALL)) {
            Matcher m = call.matcher(code);
            while (m.find()) {
                if (call == HELPER_CALL && m.group().startsWith("add")
                        && !code.substring(Math.max(0, m.start() - 10), m.start()).matches("(?s).*(form|Form|costs)\\.$")) {
                    continue; // list.add(...), getStyleClass().add(...): not a form row
                }
                String args = arguments(code, m.end());
                for (String literal : literals(call == TEXT_CALL ? args : firstArgument(args))) {
                    checked[0]++;
                    if (!KEY.matcher(literal).matches() && !NO_WORDS.matcher(literal).matches() && !NOT_SHOWN.contains(literal)) {
                        out.add(m.group().strip() + " \"" + literal + "\"");
                    }
                }
            }
        }
        return out;
    }

    @Test
    void noWordsInLiteralsThatReachTheScreen() throws IOException {
        List<String> offending = new ArrayList<>();
        int[] checked = {0};
        for (Path file : sources()) {
            offending(code(file), checked).forEach(o -> offending.add(file.getFileName() + ": " + o));
        }
        assertTrue(checked[0] > 150, "the scan saw the UI's text calls: " + checked[0]);
        assertEquals(List.of(), offending, "user-facing text must come from the Messages bundle (Text.get / Text.format)");
    }

    @Test
    void theScanFindsWordsWhereverTheyHide() {
        String code = """
                Label a = new Label("Liquidation price");
                b.setText(Numbers.price(v) + " below the mark");
                c.setTooltip(new Tooltip("Copy (Ctrl+C)"));
                form.field("Entry price", "entry", t, e, "e.g. 60000");
                Label ok = new Label(Text.get("position.results.title"));
                d.setText("");
                e.setText("\u2014");
                f.getStyleClass().add("big-number");
                """;
        assertEquals(List.of("new Label( \"Liquidation price\"", "setText( \" below the mark\"", "new Tooltip( \"Copy (Ctrl+C)\"",
                "field( \"Entry price\""), offending(code, new int[1]));
    }

    @Test
    void everyKeyInTheCodeIsInTheBundleAndEveryBundleKeyIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path file : sources()) {
            for (String literal : literals(code(file))) {
                if (KEY.matcher(literal).matches()) {
                    used.add(literal);
                }
            }
        }
        Set<String> defined = new TreeSet<>(bundle().stringPropertyNames());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(defined);
        Set<String> unused = new TreeSet<>(defined);
        unused.removeAll(used);
        assertEquals(Set.of(), missing, "keys named in the code but not in Messages.properties");
        assertEquals(Set.of(), unused, "keys in Messages.properties that no code names");
        assertTrue(defined.size() > 250, "bundle size " + defined.size());
    }

    @Test
    void everyValueIsAMessageFormatPatternWithItsApostrophesDoubled() throws IOException {
        Map<String, String> problems = new TreeMap<>();
        Properties bundle = bundle();
        for (String key : bundle.stringPropertyNames()) {
            String value = bundle.getProperty(key);
            try {
                new MessageFormat(value, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                problems.put(key, e.getMessage());
            }
            if (value.replace("''", "").contains("'")) {
                problems.put(key, "a single apostrophe quotes the rest of the pattern; write ''");
            }
        }
        assertEquals(Map.of(), problems);
    }

    @Test
    void textFillsArgumentsAndKeepsApostrophes() {
        assertEquals("'abc' is not a number", Text.format("position.error.notANumber", "abc"));
        assertEquals("Estimate: no published closed form for this venue's cross margin.", Text.get("position.results.estimate"));
        assertEquals("steps down 1 tier from tier 3", Text.format("compare.partial.stepDown", 1, 3));
        assertEquals("steps down 2 tiers from tier 3", Text.format("compare.partial.stepDown", 2, 3));
    }

    @Test
    void everyTextReadsAsItsMessageFormatWouldGiveIt() throws IOException {
        // Text gives plain patterns back without a MessageFormat: every value, with and without arguments, must read
        // the same as through one (apostrophes halved, arguments filled, a pattern without them left as it is).
        Properties bundle = bundle();
        Map<String, String> different = new TreeMap<>();
        for (String key : bundle.stringPropertyNames()) {
            String pattern = bundle.getProperty(key);
            for (Object[] args : List.of(new Object[0], new Object[] {1, 2, 3, 4, 5, 6})) {
                String expected = new MessageFormat(pattern, Locale.ROOT).format(args);
                String actual = Text.fill(pattern, Locale.ROOT, args);
                if (!expected.equals(actual)) {
                    different.put(key, actual + " | " + expected);
                }
            }
        }
        assertEquals(Map.of(), different);
        assertEquals("it's", Text.fill("it''s", Locale.ROOT));
        assertEquals("{0} left", Text.fill("{0} left", Locale.ROOT));
    }

    @Test
    void theBaseTextForFilesIgnoresTheUsersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("yes, 0.05%", Text.formatRoot("compare.feeYes", io.liqlab.core.Numbers.percentOf(0.0005)));
            assertEquals("steps down 1,000 tiers from tier 3", Text.formatRoot("compare.partial.stepDown", 1000, 3));
        } finally {
            Locale.setDefault(before);
        }
    }
}
