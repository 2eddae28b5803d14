package io.liqlab;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MainArgumentsTest {

    @Test
    void openFileOpensThatSession() {
        assertEquals("work.liqlab.json", Main.sessionToOpen(new String[] {"open", "work.liqlab.json"}));
    }

    @Test
    void aSessionFileAloneIsWhatTheDesktopPassesWhenOneIsDoubleClicked() {
        assertEquals("/home/t/Class 3.liqlab.json", Main.sessionToOpen(new String[] {"/home/t/Class 3.liqlab.json"}));
        assertEquals("A.LIQLAB.JSON", Main.sessionToOpen(new String[] {"A.LIQLAB.JSON"}));
    }

    @Test
    void anythingElseIsTheCommandLine() {
        assertNull(Main.sessionToOpen(new String[] {"calc", "--venue", "textbook"}));
        assertNull(Main.sessionToOpen(new String[] {"profile.json"}));
        assertNull(Main.sessionToOpen(new String[0]));
    }
}
