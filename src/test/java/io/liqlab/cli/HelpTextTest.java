package io.liqlab.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's --help prints cleanly: picocli warns on stderr when a description is not a valid format. */
class HelpTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"calc", "sweep", "simulate", "profiles", "profiles list", "profiles show", "profiles validate", "profiles import", "profiles update"})
    void helpIsCleanText(String command) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            String[] args = (command + " --help").split(" ");
            code = Cli.run(args);
        } finally {
            System.setErr(oldErr);
        }
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        assertFalse(warnings.contains("WARN"), warnings);
        assertTrue(warnings.isBlank(), warnings);
    }
}
