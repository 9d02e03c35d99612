package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ConsoleText}: what a message may contain never reaches the terminal raw. */
class ConsoleTextTest {

    @Test
    void ansiEscapesAndControlCharactersBecomeVisible() {
        String hostile = "A1\u001b[2J\u001b]0;owned\u0007\r\n\t\u009b31m\u007f";

        String shown = ConsoleText.escape(hostile);

        assertThat(shown).isEqualTo("A1\\x1B[2J\\x1B]0;owned\\x07\\r\\n\\t\\x9B31m\\x7F");
        assertThat(shown.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    @Test
    void textThatReordersOrHidesCharactersIsShownAsEscapes() {
        assertThat(ConsoleText.escape("ID\u202eTXT.exe\u200b\u2066")).isEqualTo("ID\\u202ETXT.exe\\u200B\\u2066");
    }

    @Test
    void ordinaryTextIsUnchangedAndABackslashCannotForgeAnEscape() {
        assertThat(ConsoleText.escape("MSG00001 ADT^A01 \u0141UKASZ")).isEqualTo("MSG00001 ADT^A01 \u0141UKASZ");
        assertThat(ConsoleText.escape("a\\x1Bb")).isEqualTo("a\\\\x1Bb");
        assertThat(ConsoleText.escape(null)).isEmpty();
    }
}
