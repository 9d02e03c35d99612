package io.hakit.iis.internal;

/** Attribute-value escaping and unescaping as XML 1.0 defines it. Stateless. */
public final class XmlText {

    private XmlText() {
    }

    /**
     * @param value a decoded attribute value
     * @return it escaped for a double-quoted attribute
     */
    public static String escape(String value) {
        StringBuilder b = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String r;
            switch (c) {
                case '&': r = "&amp;"; break;
                case '<': r = "&lt;"; break;
                case '>': r = "&gt;"; break;
                case '"': r = "&quot;"; break;
                case '\n': r = "&#10;"; break;
                case '\r': r = "&#13;"; break;
                case '\t': r = "&#9;"; break;
                default: r = null;
            }
            if (r != null) {
                if (b == null) {
                    b = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? value : b.toString();
    }

    /**
     * Decodes an attribute value as an XML parser does: entity and character references replaced,
     * literal white space (tab, CR, LF) normalised to a space.
     *
     * @param raw the value between the quotes
     * @return the decoded value
     */
    public static String unescape(String raw) {
        if (raw.indexOf('&') < 0 && raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0 && raw.indexOf('\t') < 0) {
            return raw;
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                b.append(' ');
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t') {
                b.append(' ');
            } else if (c == '&') {
                int semi = raw.indexOf(';', i);
                String ref = raw.substring(i + 1, semi);
                switch (ref) {
                    case "amp": b.append('&'); break;
                    case "lt": b.append('<'); break;
                    case "gt": b.append('>'); break;
                    case "quot": b.append('"'); break;
                    case "apos": b.append('\''); break;
                    default:
                        int code = ref.startsWith("#x") ? Integer.parseInt(ref.substring(2), 16)
                                : Integer.parseInt(ref.substring(1));
                        b.appendCodePoint(code);
                }
                i = semi;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
