package io.liqlab.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.liqlab.TestProfiles;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's --help prints cleanly: picocli warns on stderr when a description is not a valid format. */
class HelpTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"calc", "sweep", "simulate", "profiles", "profiles list", "profiles show", "profiles validate", "profiles import", "profiles update"})
    void helpIsCleanText(String command) {
        // picocli's own warnings go to System.err; the command's output to the writers given (Cli.run would write
        // to the process's file descriptors, past Surefire's capture, and corrupt its channel).
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter commandErr = new StringWriter();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            String[] args = (command + " --help").split(" ");
            code = new Cli(new PrintWriter(out), new PrintWriter(commandErr), TestProfiles::catalog).execute(args);
        } finally {
            System.setErr(oldErr);
        }
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        assertFalse(warnings.contains("WARN"), warnings);
        assertTrue(warnings.isBlank(), warnings);
        assertTrue(commandErr.toString().isBlank(), commandErr.toString());
        assertTrue(out.toString().startsWith("Usage: liqlab " + command), out.toString());
    }
}
