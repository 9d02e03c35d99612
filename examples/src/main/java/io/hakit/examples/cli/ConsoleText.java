package io.hakit.examples.cli;

/**
 * Makes text that came from the network (HL7 message fields, acknowledgement texts) safe to print
 * on an operator's terminal: control characters (C0, DEL, C1, so ANSI escape sequences too) and
 * the Unicode controls that reorder or hide text (bidirectional overrides and isolates, zero-width
 * marks) are shown as visible escapes (ESC as {@code \x1B}, U+202E as backslash, u, 202E) instead of reaching the
 * terminal raw; a backslash is doubled so that an escape cannot be forged. Thread-safe.
 */
final class ConsoleText {

    private ConsoleText() {
    }

    /**
     * @param text text from outside, may be null
     * @return the text with every control character shown as an escape; "" for null
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = c == '\\' ? "\\\\" : isControl(c) ? visible(c) : null;
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x200B && c <= 0x200F) // zero-width space/joiners, LRM, RLM
                || (c >= 0x202A && c <= 0x202E) // bidirectional embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069) // bidirectional isolates
                || c == 0xFEFF;
    }

    private static String visible(char c) {
        switch (c) {
            case '\r':
                return "\\r";
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            default:
                return c <= 0xFF ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c);
        }
    }
}
