package io.hakit.hl7;

import io.hakit.hl7.internal.Hl7Charsets;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The byte side of {@link Hl7Message}: finding a message's charset in its raw MSH (MSH-18),
 * decoding it strictly (an invalid byte is an error naming the charset and offset, never a
 * replacement character), and splitting bytes holding many messages at their MSH segments.
 *
 * <p>Stateless and thread-safe.
 */
final class Hl7Bytes {

    private Hl7Bytes() {
    }

    /** Decodes one message as {@link Hl7Message#decode(byte[], Charset)}; lenient when {@code strict} is false. */
    static Hl7Message decode(byte[] payload, Charset defaultCharset, boolean strict) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(defaultCharset, "defaultCharset");
        // MSH is ASCII in every charset MLLP can carry: find MSH-18 in the bytes
        String msh18 = firstRepetition(payload, 0, payload.length, 18);
        Charset charset = msh18 == null ? defaultCharset : Hl7Charsets.forMsh18(msh18).orElse(defaultCharset);
        if (!strict) {
            return Hl7Message.parse(new String(payload, charset));
        }
        return Hl7Message.parse(strictDecode(payload, 0, payload.length, charset, msh18, null));
    }

    /** Splits and decodes bytes holding many messages, as {@link Hl7Message#parseAll(byte[], Charset)}. */
    static List<Hl7Message> parseAll(byte[] bytes, Charset defaultCharset) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(defaultCharset, "defaultCharset");
        List<Hl7Message> messages = new ArrayList<>();
        java.io.ByteArrayOutputStream current = null;
        int lineNo = 0;
        int i = 0;
        while (i < bytes.length) {
            int end = i;
            while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
                end++;
            }
            int start = i;
            i = end < bytes.length && bytes[end] == '\r' && end + 1 < bytes.length && bytes[end + 1] == '\n'
                    ? end + 2 : end + 1;
            lineNo++;
            if (end - start >= 3 && (bytes[start] & 0xFF) == 0xEF && (bytes[start + 1] & 0xFF) == 0xBB
                    && (bytes[start + 2] & 0xFF) == 0xBF) {
                start += 3;
            }
            if (blank(bytes, start, end)) {
                continue;
            }
            if (startsWith(bytes, start, end, "FHS") || startsWith(bytes, start, end, "BHS")
                    || startsWith(bytes, start, end, "BTS") || startsWith(bytes, start, end, "FTS")) {
                continue;
            }
            if (startsWith(bytes, start, end, "MSH")) {
                if (current != null) {
                    messages.add(fromBytes(current.toByteArray(), defaultCharset, messages.size() + 1));
                }
                current = new java.io.ByteArrayOutputStream(512);
            } else if (current == null) {
                throw new Hl7ParseException("segment " + lineNo + " ('"
                        + Hl7Message.abbreviate(new String(bytes, start, Math.min(end - start, 60), StandardCharsets.ISO_8859_1))
                        + "') comes before any MSH segment");
            }
            current.write(bytes, start, end - start);
            current.write('\r');
        }
        if (current != null) {
            messages.add(fromBytes(current.toByteArray(), defaultCharset, messages.size() + 1));
        }
        return Collections.unmodifiableList(messages);
    }

    private static Hl7Message fromBytes(byte[] p, Charset defaultCharset, int number) {
        String msh18 = firstRepetition(p, 0, p.length, 18);
        Charset charset = msh18 == null ? defaultCharset : Hl7Charsets.forMsh18(msh18).orElse(defaultCharset);
        String controlId = firstRepetition(p, 0, p.length, 10);
        String name = "message " + number + (controlId == null ? "" : " (MSH-10 '" + controlId + "')");
        try {
            return Hl7Message.parse(strictDecode(p, 0, p.length, charset, msh18, name));
        } catch (Hl7ParseException e) {
            if (e.getMessage().startsWith(name)) {
                throw e;
            }
            throw new Hl7ParseException(name + ": " + e.getMessage());
        }
    }

    /** Decodes with errors reported, never replaced; {@code name} prefixes the error when given. */
    private static String strictDecode(byte[] p, int off, int len, Charset charset, String msh18, String name) {
        if (charset.equals(StandardCharsets.ISO_8859_1) || (asciiCompatible(charset) && isAscii(p, off, len))) {
            return new String(p, off, len, charset); // every byte is valid: the fast JDK path is exact
        }
        java.nio.charset.CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(p, off, len);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate((int) (len * (double) decoder.maxCharsPerByte()) + 4);
        java.nio.charset.CoderResult r = decoder.decode(in, out, true);
        if (r.isUnderflow()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position() - off;
            StringBuilder bad = new StringBuilder();
            for (int k = 0; k < r.length() && at + k < len; k++) {
                bad.append(k == 0 ? "" : " ").append(String.format("%02X", p[off + at + k] & 0xFF));
            }
            String declared = msh18 == null || Hl7Charsets.forMsh18(msh18).isEmpty()
                    ? "the default charset" : "MSH-18 '" + msh18 + "'";
            throw new Hl7ParseException((name == null ? "" : name + ": ") + "its bytes are not valid "
                    + charset.name() + " (" + declared + "): byte(s) " + bad + " at offset " + at
                    + "; check that MSH-18 names the charset the message was written in");
        }
        out.flip();
        return out.toString();
    }

    static boolean asciiCompatible(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
                || charset.name().startsWith("ISO-8859-");
    }

    private static boolean isAscii(byte[] p, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (p[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(byte[] b, int start, int end) {
        for (int k = start; k < end; k++) {
            if (b[k] != ' ' && b[k] != '\t' && b[k] != 0x0B && b[k] != 0x0C && b[k] != 0x1C) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (b[start + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first repetition of an MSH field (from 3) read from raw bytes (MSH is ASCII in every
     * charset MLLP carries), or null when absent, empty or not an MSH.
     */
    private static String firstRepetition(byte[] p, int off, int end, int number) {
        if (end - off < 8 || p[off] != 'M' || p[off + 1] != 'S' || p[off + 2] != 'H') {
            return null;
        }
        byte sep = p[off + 3];
        byte rep = p[off + 5];
        int field = 2; // MSH-1 is the separator at index 3; MSH-2 starts at index 4
        int i = off + 4;
        int start = -1;
        for (; i < end && p[i] != '\r' && p[i] != '\n'; i++) {
            if (p[i] == sep) {
                field++;
                if (field == number) {
                    start = i + 1;
                } else if (field == number + 1) {
                    break;
                }
            } else if (field == number && p[i] == rep) {
                break;
            }
        }
        if (start < 0 || i <= start) {
            return null;
        }
        return new String(p, start, i - start, StandardCharsets.ISO_8859_1);
    }
}
