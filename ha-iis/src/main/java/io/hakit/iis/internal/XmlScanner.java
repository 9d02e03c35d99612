package io.hakit.iis.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Finds the exact character span of every element of an XML text, so a merge can splice new text
 * into the original characters instead of re-serialising a document.
 *
 * <p>The text is first read by the JDK's StAX parser (no DTDs, no external entities), which decides
 * whether it is well-formed and gives the line of an error. Then a small scanner walks the same
 * characters and records each element's span; the two element sequences (names and lines) must agree,
 * so a span is never trusted that the real parser did not see at the same place. Stateless.
 */
public final class XmlScanner {

    /**
     * The deepest element nesting accepted: {@value}. applicationHost.config nests about ten levels deep
     * ({@code configuration/location/system.webServer/rewrite/globalRules/rule/conditions/add} is eight).
     */
    public static final int MAX_DEPTH = 64;

    private static final XMLInputFactory FACTORY = secureFactory();

    private XmlScanner() {
    }

    /** A text that is not well-formed XML. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        MalformedException(int line, String message) {
            super(message);
            this.line = line;
        }

        /** @return the 1-based line of the error, or 0 when unknown */
        public int line() {
            return line;
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        try {
            // the JDK's own limit as a second guard; the depth counter in scan() is the first
            f.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH + 1);
        } catch (IllegalArgumentException e) {
            // another StAX implementation: the depth counter alone guards
        }
        return f;
    }

    /**
     * @param text the XML text (without a byte-order mark)
     * @return the root element with every descendant and its span
     * @throws MalformedException naming the line when the text is not well-formed XML, has a DTD or nests
     *     elements deeper than {@link #MAX_DEPTH}
     */
    public static XmlNode scan(String text) throws MalformedException {
        List<String> names = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try {
            XMLStreamReader r;
            synchronized (FACTORY) {
                r = FACTORY.createXMLStreamReader(new StringReader(text));
            }
            try {
                int depth = 0;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                    if (event == XMLStreamConstants.DTD) {
                        throw new MalformedException(r.getLocation().getLineNumber(),
                                "a DOCTYPE is not allowed in applicationHost.config");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        if (++depth > MAX_DEPTH) {
                            throw new MalformedException(r.getLocation().getLineNumber(), "elements are nested more "
                                    + "than " + MAX_DEPTH + " levels deep (<" + r.getLocalName() + ">); an "
                                    + "applicationHost.config nests about ten");
                        }
                        names.add(r.getLocalName().isEmpty() ? r.getName().toString() : qualified(r));
                        lines.add(r.getLocation().getLineNumber());
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
            int cut = message.indexOf("Message: ");
            if (cut >= 0) {
                message = message.substring(cut + "Message: ".length());
            }
            throw new MalformedException(Math.max(line, 0), "malformed XML: " + message.strip());
        }
        XmlNode root = new Scanner(text).scan();
        List<XmlNode> all = new ArrayList<>();
        collect(root, all);
        if (all.size() != names.size()) {
            throw new IllegalStateException("element spans disagree with the XML parser (" + all.size() + " vs "
                    + names.size() + " elements)");
        }
        for (int i = 0; i < all.size(); i++) {
            XmlNode n = all.get(i);
            if (!n.name().equals(names.get(i)) || n.line() > lines.get(i)) {
                throw new IllegalStateException("element span of " + n + " disagrees with the XML parser ("
                        + names.get(i) + " at line " + lines.get(i) + ")");
            }
        }
        return root;
    }

    private static String qualified(XMLStreamReader r) {
        String prefix = r.getPrefix();
        return prefix == null || prefix.isEmpty() ? r.getLocalName() : prefix + ":" + r.getLocalName();
    }

    private static void collect(XmlNode n, List<XmlNode> out) {
        out.add(n);
        for (XmlNode c : n.children()) {
            collect(c, out);
        }
    }

    /** The span scanner; runs only on text StAX accepted. */
    private static final class Scanner {
        private final String s;
        private int pos;
        private int line = 1;
        private int lineCountedTo;

        Scanner(String s) {
            this.s = s;
        }

        private int lineAt(int offset) {
            for (int i = lineCountedTo; i < offset; i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                }
            }
            lineCountedTo = Math.max(lineCountedTo, offset);
            return line;
        }

        XmlNode scan() {
            Deque<XmlNode> open = new ArrayDeque<>();
            XmlNode root = null;
            int n = s.length();
            while (pos < n) {
                int lt = s.indexOf('<', pos);
                if (lt < 0) {
                    break;
                }
                if (s.startsWith("<!--", lt)) {
                    pos = s.indexOf("-->", lt + 4) + 3;
                } else if (s.startsWith("<![CDATA[", lt)) {
                    pos = s.indexOf("]]>", lt + 9) + 3;
                } else if (s.startsWith("<?", lt)) {
                    pos = s.indexOf("?>", lt + 2) + 2;
                } else if (s.startsWith("<!", lt)) {
                    pos = s.indexOf('>', lt) + 1;
                } else if (s.startsWith("</", lt)) {
                    int gt = s.indexOf('>', lt);
                    XmlNode closing = open.pop();
                    closing.close(lt, gt + 1);
                    pos = gt + 1;
                } else {
                    XmlNode parent = open.peek();
                    XmlNode node = startTag(lt, parent);
                    if (parent != null) {
                        parent.add(node);
                    } else if (root == null) {
                        root = node;
                    }
                    if (!node.selfClosing()) {
                        open.push(node);
                    }
                }
            }
            if (root == null || !open.isEmpty()) {
                throw new IllegalStateException("element spans could not be found");
            }
            return root;
        }

        private XmlNode startTag(int lt, XmlNode parent) {
            int i = lt + 1;
            int nameStart = i;
            while (!Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '>' && s.charAt(i) != '/') {
                i++;
            }
            String name = s.substring(nameStart, i);
            Map<String, String> attributes = new LinkedHashMap<>();
            while (true) {
                while (Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                char c = s.charAt(i);
                if (c == '>') {
                    XmlNode node = new XmlNode(name, attributes, lt, lineAt(lt), parent);
                    node.closeStartTag(i + 1, false);
                    pos = i + 1;
                    return node;
                }
                if (c == '/') {
                    XmlNode node = new XmlNode(name, attributes, lt, lineAt(lt), parent);
                    node.closeStartTag(i + 2, true);
                    pos = i + 2;
                    return node;
                }
                int an = i;
                while (s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                String attribute = s.substring(an, i);
                while (s.charAt(i) != '=') {
                    i++;
                }
                i++;
                while (Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                char quote = s.charAt(i);
                int close = s.indexOf(quote, i + 1);
                attributes.put(attribute, XmlText.unescape(s.substring(i + 1, close)));
                i = close + 1;
            }
        }
    }
}
