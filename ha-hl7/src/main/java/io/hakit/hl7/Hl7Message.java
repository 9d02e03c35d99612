package io.hakit.hl7;

import io.hakit.hl7.internal.Hl7Charsets;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HL7 v2 message, read just enough to route and acknowledge it: the MSH header
 * (separators, MSH-9 type, MSH-10 control ID, MSH-18 character set) and, for
 * acknowledgements, MSA (see {@link Ack}).
 *
 * <p>The text is kept with segments ending in carriage return (0x0D); when parsed, CR, LF
 * and CRLF segment ends are all accepted. Immutable and thread-safe.
 */
public final class Hl7Message {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final AtomicLong ACK_IDS = new AtomicLong();
    private static volatile Timestamp timestampCache = new Timestamp(-1, "");

    private static final class Timestamp {
        final long second;
        final String text;

        Timestamp(long second, String text) {
            this.second = second;
            this.text = text;
        }
    }
    private static final String ACK_ID_PREFIX = Long.toString(System.currentTimeMillis(), 36).toUpperCase(java.util.Locale.ROOT);

    private final String text;
    private final char fieldSeparator;
    private final String encodingCharacters;
    private final String[] msh;
    private final Charset declaredCharset;
    private volatile Encoded encoded;

    private static final class Encoded {
        final Charset charset;
        final byte[] bytes;

        Encoded(Charset charset, byte[] bytes) {
            this.charset = charset;
            this.bytes = bytes;
        }
    }

    private Hl7Message(String text) {
        this.text = text;
        if (text.length() < 8 || !text.startsWith("MSH")) {
            throw new Hl7ParseException("an HL7 v2 message must start with an MSH segment, found '"
                    + abbreviate(text) + "'");
        }
        this.fieldSeparator = text.charAt(3);
        if (Character.isLetterOrDigit(fieldSeparator) || fieldSeparator == '\r') {
            throw new Hl7ParseException("MSH-1 field separator must be a punctuation character, was '"
                    + fieldSeparator + "'");
        }
        int end = text.indexOf('\r');
        String header = end < 0 ? text : text.substring(0, end);
        List<String> fields = new ArrayList<>(20);
        fields.add("MSH");
        fields.add(String.valueOf(fieldSeparator));
        int start = 4;
        while (true) {
            int next = header.indexOf(fieldSeparator, start);
            if (next < 0) {
                fields.add(header.substring(start));
                break;
            }
            fields.add(header.substring(start, next));
            start = next + 1;
        }
        this.msh = fields.toArray(new String[0]);
        this.encodingCharacters = msh[2];
        if (encodingCharacters.isEmpty()) {
            throw new Hl7ParseException("MSH-2 encoding characters are missing");
        }
        String cs = mshField(18);
        if (!cs.isEmpty()) {
            int rep = encodingCharacters.length() > 1 ? cs.indexOf(encodingCharacters.charAt(1)) : -1;
            cs = rep >= 0 ? cs.substring(0, rep) : cs;
        }
        this.declaredCharset = Hl7Charsets.forMsh18(cs).orElse(null);
    }

    /**
     * Parses one message from text. CR, LF and CRLF segment ends are accepted; leading
     * blank lines and trailing blanks are ignored; segments are stored ending in CR.
     *
     * @param text the message
     * @return the message
     * @throws NullPointerException if {@code text} is null
     * @throws Hl7ParseException if the text does not start with a valid MSH segment
     */
    public static Hl7Message parse(String text) {
        return new Hl7Message(normalize(Objects.requireNonNull(text, "text")));
    }

    /**
     * Decodes one message from bytes received on the wire: the character set is taken from
     * MSH-18 when present and known, else {@code defaultCharset}. Bytes that are not valid in
     * that charset are an error, never replacement characters.
     *
     * @param payload the bytes (an MLLP payload, without framing)
     * @param defaultCharset the charset used when MSH-18 is absent or unknown
     * @return the message
     * @throws NullPointerException if an argument is null
     * @throws Hl7ParseException if the payload does not start with a valid MSH segment, or its
     *     bytes are not valid in its charset (the message names the charset and the offset)
     */
    public static Hl7Message decode(byte[] payload, Charset defaultCharset) {
        return decode(payload, defaultCharset, true);
    }

    /**
     * Decodes bytes as {@link #decode(byte[], Charset)}; with {@code strict} false, invalid
     * bytes become replacement characters (for acknowledgements, where only MSA matters).
     */
    static Hl7Message decode(byte[] payload, Charset defaultCharset, boolean strict) {
        return Hl7Bytes.decode(payload, defaultCharset, strict);
    }

    /**
     * Splits bytes holding any number of messages (for instance a file read as bytes) into
     * messages, decoding each in its own charset: MSH-18 when it names a known charset, else
     * {@code defaultCharset}. A message starts at each MSH segment; CR, LF and CRLF segment
     * ends are accepted, blank lines ignored, a UTF-8 byte order mark dropped, and batch
     * envelope segments (FHS, BHS, BTS, FTS) skipped. Each message's bytes are kept as they
     * are (apart from segment ends), so re-encoding it in its charset gives the same bytes.
     *
     * @param bytes the messages
     * @param defaultCharset the charset of messages whose MSH-18 is absent or unknown
     * @return the messages in order; empty if the bytes hold none
     * @throws NullPointerException if an argument is null
     * @throws Hl7ParseException if text other than batch segments precedes the first MSH, a
     *     header is malformed, or a message's bytes are not valid in its charset: the
     *     exception names the message by its number (from 1) and MSH-10, the charset and
     *     the offset of the first invalid byte within the message
     */
    public static List<Hl7Message> parseAll(byte[] bytes, Charset defaultCharset) {
        return Hl7Bytes.parseAll(bytes, defaultCharset);
    }


    /**
     * Splits text holding any number of messages (for instance a file) into messages: a
     * message starts at each MSH segment. CR, LF and CRLF segment ends are accepted, blank
     * lines ignored, and batch envelope segments (FHS, BHS, BTS, FTS) skipped. For bytes
     * (a file), use {@link #parseAll(byte[], Charset)}, which decodes each message in the
     * charset its MSH-18 declares.
     *
     * @param text the messages
     * @return the messages in order; empty if the text holds none
     * @throws NullPointerException if {@code text} is null
     * @throws Hl7ParseException if text other than batch segments precedes the first MSH,
     *     or a header is malformed
     */
    public static List<Hl7Message> parseAll(String text) {
        Objects.requireNonNull(text, "text");
        String[] lines = text.replace("\r\n", "\r").replace('\n', '\r').split("\r");
        List<Hl7Message> messages = new ArrayList<>();
        StringBuilder current = null;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String seg = stripBom(line);
            if (seg.isBlank()) {
                continue;
            }
            if (seg.startsWith("FHS") || seg.startsWith("BHS") || seg.startsWith("BTS") || seg.startsWith("FTS")) {
                continue;
            }
            if (seg.startsWith("MSH")) {
                if (current != null) {
                    messages.add(parse(current.toString()));
                }
                current = new StringBuilder();
            } else if (current == null) {
                throw new Hl7ParseException("segment " + lineNo + " ('" + abbreviate(seg)
                        + "') comes before any MSH segment");
            }
            current.append(seg).append('\r');
        }
        if (current != null) {
            messages.add(parse(current.toString()));
        }
        return Collections.unmodifiableList(messages);
    }

    /**
     * The message text, every segment ending in CR.
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * The segments, without their CR terminators.
     *
     * @return the segments in order
     */
    public List<String> segments() {
        return List.of(text.split("\r"));
    }

    /**
     * An MSH field by its HL7 number (MSH-1 is the field separator, MSH-2 the encoding
     * characters, MSH-9 the message type, ...).
     *
     * @param number the field number, from 1
     * @return the field's raw value, or an empty string if the header has fewer fields
     * @throws IllegalArgumentException if {@code number} is less than 1
     */
    public String mshField(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("MSH field number must be at least 1, was " + number);
        }
        return number < msh.length ? msh[number] : "";
    }

    /**
     * MSH-10, the message control ID that the acknowledgement must echo in MSA-2.
     *
     * @return the control ID; empty if the message has none
     */
    public String controlId() {
        return mshField(10);
    }

    /**
     * MSH-9, the message type with its components, for instance {@code ADT^A01^ADT_A01}.
     *
     * @return the raw field
     */
    public String messageType() {
        return mshField(9);
    }

    /**
     * MSH-9.1, the message code, for instance {@code ADT}.
     *
     * @return the message code
     */
    public String messageCode() {
        return component(messageType(), 0);
    }

    /**
     * MSH-9.2, the trigger event, for instance {@code A01}.
     *
     * @return the trigger event, empty if absent
     */
    public String triggerEvent() {
        return component(messageType(), 1);
    }

    /**
     * The field separator (MSH-1), usually {@code |}.
     *
     * @return the separator
     */
    public char fieldSeparator() {
        return fieldSeparator;
    }

    /**
     * The encoding characters (MSH-2), usually {@code ^~\&}.
     *
     * @return the encoding characters
     */
    public String encodingCharacters() {
        return encodingCharacters;
    }

    /**
     * The character set declared in MSH-18, when present and supported.
     *
     * @return the declared charset, or empty
     */
    public Optional<Charset> declaredCharset() {
        return Optional.ofNullable(declaredCharset);
    }

    /**
     * The charset this message travels in: MSH-18 when declared, else {@code defaultCharset}.
     *
     * @param defaultCharset the fallback
     * @return the charset
     * @throws NullPointerException if {@code defaultCharset} is null
     */
    public Charset charset(Charset defaultCharset) {
        Objects.requireNonNull(defaultCharset, "defaultCharset");
        return declaredCharset != null ? declaredCharset : defaultCharset;
    }

    /**
     * The bytes of this message in its charset (MSH-18, else {@code defaultCharset}), ready
     * to be framed. The result is cached; callers must not modify it.
     *
     * @param defaultCharset the charset used when MSH-18 declares none
     * @return the encoded message (shared; do not modify)
     * @throws NullPointerException if {@code defaultCharset} is null
     * @throws IllegalArgumentException if the text holds characters the charset cannot
     *     represent (never replaced by {@code ?})
     */
    public byte[] encode(Charset defaultCharset) {
        Charset cs = charset(defaultCharset);
        Encoded e = encoded;
        if (e != null && e.charset.equals(cs)) {
            return e.bytes;
        }
        if (representable(text, cs)) {
            byte[] fast = text.getBytes(cs);
            encoded = new Encoded(cs, fast);
            return fast;
        }
        java.nio.charset.CharsetEncoder encoder = cs.newEncoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        byte[] bytes;
        try {
            java.nio.ByteBuffer buf = encoder.encode(java.nio.CharBuffer.wrap(text));
            bytes = new byte[buf.remaining()];
            buf.get(bytes);
        } catch (java.nio.charset.CharacterCodingException ex) {
            throw new IllegalArgumentException("message " + controlId() + " holds characters that "
                    + cs.name() + " cannot represent (" + (declaredCharset != null ? "MSH-18 '" + mshField(18) + "'"
                    : "no MSH-18; the default charset") + "); declare a charset in MSH-18 that can", ex);
        }
        encoded = new Encoded(cs, bytes);
        return bytes;
    }

    /** True when every character certainly encodes in {@code cs} without replacement (a fast check for common cases). */
    private static boolean representable(String text, Charset cs) {
        boolean latin1 = cs.equals(StandardCharsets.ISO_8859_1);
        boolean utf8 = cs.equals(StandardCharsets.UTF_8);
        if (!latin1 && !utf8 && !Hl7Bytes.asciiCompatible(cs)) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 || (latin1 && c <= 0xFF) || (utf8 && !Character.isSurrogate(c))) {
                continue;
            }
            return false;
        }
        return true;
    }

    /**
     * Builds the original-mode acknowledgement of this message: MSH with sender and
     * receiver swapped, MSH-9 {@code ACK^<trigger>^ACK}, a fresh MSH-10, this message's
     * MSH-11, MSH-12 and MSH-18; then MSA with {@code code}, this message's MSH-10, and
     * {@code text} (escaped).
     *
     * @param code the acknowledgement code
     * @param text MSA-3 text message; may be null or empty
     * @return the acknowledgement message
     * @throws NullPointerException if {@code code} is null
     */
    public Hl7Message createAck(AckCode code, String text) {
        Objects.requireNonNull(code, "code");
        char f = fieldSeparator;
        StringBuilder sb = new StringBuilder(160);
        sb.append("MSH").append(f).append(encodingCharacters)
                .append(f).append(mshField(5)).append(f).append(mshField(6))
                .append(f).append(mshField(3)).append(f).append(mshField(4))
                .append(f).append(now())
                .append(f)
                .append(f).append("ACK");
        char comp = encodingCharacters.charAt(0);
        String trigger = triggerEvent();
        if (!trigger.isEmpty()) {
            sb.append(comp).append(trigger).append(comp).append("ACK");
        }
        sb.append(f).append(ACK_ID_PREFIX).append(ACK_IDS.incrementAndGet())
                .append(f).append(mshField(11).isEmpty() ? "P" : mshField(11))
                .append(f).append(mshField(12).isEmpty() ? "2.5" : mshField(12));
        String cs = mshField(18);
        if (!cs.isEmpty()) {
            sb.append(String.valueOf(f).repeat(6)).append(cs);
        }
        sb.append('\r').append("MSA").append(f).append(code.name()).append(f).append(controlId());
        if (text != null && !text.isEmpty()) {
            sb.append(f).append(escape(text));
        }
        sb.append('\r');
        return new Hl7Message(sb.toString());
    }

    /**
     * Builds an acknowledgement for a payload that could not be read as a message at all
     * (no usable MSH): {@code MSH|^~\&|||||<now>||ACK|<id>|P|2.5} and MSA with an empty MSA-2.
     *
     * @param code the acknowledgement code, normally {@link AckCode#AR}
     * @param text MSA-3 text; may be null
     * @return the acknowledgement message
     * @throws NullPointerException if {@code code} is null
     */
    public static Hl7Message createGenericAck(AckCode code, String text) {
        Objects.requireNonNull(code, "code");
        String msg = "MSH|^~\\&|||||" + now() + "||ACK|" + ACK_ID_PREFIX
                + ACK_IDS.incrementAndGet() + "|P|2.5\rMSA|" + code.name() + "|"
                + (text == null || text.isEmpty() ? "" : "|" + escapeWith(text, '|', "^~\\&")) + "\r";
        return new Hl7Message(msg);
    }

    /** The current time as an HL7 timestamp to the second, formatted once per second. */
    private static String now() {
        long second = System.currentTimeMillis() / 1000;
        Timestamp cached = timestampCache;
        if (cached.second != second) {
            cached = new Timestamp(second, LocalDateTime.now().format(TIMESTAMP));
            timestampCache = cached;
        }
        return cached.text;
    }

    private String escape(String value) {
        return escapeWith(value, fieldSeparator, encodingCharacters);
    }

    private static String escapeWith(String value, char field, String enc) {
        char comp = enc.charAt(0);
        char rep = enc.length() > 1 ? enc.charAt(1) : '~';
        char esc = enc.length() > 2 ? enc.charAt(2) : '\\';
        char sub = enc.length() > 3 ? enc.charAt(3) : '&';
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == esc) {
                sb.append(esc).append('E').append(esc);
            } else if (c == field) {
                sb.append(esc).append('F').append(esc);
            } else if (c == comp) {
                sb.append(esc).append('S').append(esc);
            } else if (c == rep) {
                sb.append(esc).append('R').append(esc);
            } else if (c == sub) {
                sb.append(esc).append('T').append(esc);
            } else if (c == '\r' || c == '\n' || c == MllpFrameDecoder.START_BLOCK || c == MllpFrameDecoder.END_BLOCK) {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private String component(String field, int index) {
        char comp = encodingCharacters.charAt(0);
        int start = 0;
        for (int i = 0; i < index; i++) {
            int next = field.indexOf(comp, start);
            if (next < 0) {
                return "";
            }
            start = next + 1;
        }
        int end = field.indexOf(comp, start);
        return end < 0 ? field.substring(start) : field.substring(start, end);
    }

    private static String normalize(String text) {
        String t = stripBom(text);
        if (t.indexOf('\n') >= 0) {
            t = t.replace("\r\n", "\r").replace('\n', '\r');
        }
        int start = 0;
        while (start < t.length() && (t.charAt(start) == '\r' || t.charAt(start) == ' ')) {
            start++;
        }
        int end = t.length();
        while (end > start && Character.isWhitespace(t.charAt(end - 1))) {
            end--;
        }
        if (start == 0 && end == t.length() - 1 && t.charAt(end) == '\r') {
            return t;
        }
        return t.substring(start, end) + '\r';
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    static String abbreviate(String s) {
        String t = s.replace('\r', ' ').replace('\n', ' ');
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hl7Message && ((Hl7Message) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * The message type and control ID, for instance {@code ADT^A01 MSG00001}; never the
     * content, which holds patient data.
     *
     * @return a short description without patient data
     */
    @Override
    public String toString() {
        return "Hl7Message[" + messageType() + " " + controlId() + "]";
    }
}
