package io.hakit.hl7.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps MSH-18 character set names (HL7 table 0211) to Java charsets. Thread-safe. */
public final class Hl7Charsets {

    private static final Logger LOG = LoggerFactory.getLogger(Hl7Charsets.class);
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        NAMES.put("ASCII", "US-ASCII");
        for (int i = 1; i <= 9; i++) {
            NAMES.put("8859/" + i, "ISO-8859-" + i);
        }
        NAMES.put("8859/15", "ISO-8859-15");
        NAMES.put("UNICODE", "UTF-8");
        NAMES.put("UNICODE UTF-8", "UTF-8");
        NAMES.put("ISO IR87", "x-JIS0208");
        NAMES.put("GB 18030-2000", "GB18030");
        NAMES.put("KS X 1001", "EUC-KR");
        NAMES.put("BIG-5", "Big5");
    }

    private Hl7Charsets() {
    }

    /**
     * The Java charset for an MSH-18 value; also accepts Java charset names. UTF-16 and UTF-32
     * are refused: their bytes collide with MLLP framing.
     *
     * @param msh18 the first repetition of MSH-18
     * @return the charset, or empty if blank, unknown or unusable over MLLP
     */
    public static Optional<Charset> forMsh18(String msh18) {
        if (msh18 == null || msh18.isBlank()) {
            return Optional.empty();
        }
        String key = msh18.strip().toUpperCase(Locale.ROOT);
        String name = NAMES.getOrDefault(key, key);
        try {
            Charset cs = Charset.forName(name);
            if (cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32")) {
                LOG.debug("MSH-18 '{}' cannot be framed by MLLP; using the default charset", msh18);
                return Optional.empty();
            }
            return Optional.of(cs);
        } catch (IllegalArgumentException e) {
            LOG.debug("MSH-18 '{}' is not a supported character set; using the default charset", msh18);
            return Optional.empty();
        }
    }

    /**
     * The MSH-18 name for a Java charset, for building messages.
     *
     * @param charset the charset
     * @return the HL7 name, or the Java name when HL7 has none
     */
    public static String msh18Name(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "UNICODE UTF-8";
        }
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            if (e.getValue().equalsIgnoreCase(charset.name()) && !e.getKey().equals("UNICODE")) {
                return e.getKey();
            }
        }
        return charset.name();
    }
}
