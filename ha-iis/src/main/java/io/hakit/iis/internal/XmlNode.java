package io.hakit.iis.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a scanned XML text with its character span: where its start tag begins and
 * ends, and where the element ends. Attributes are decoded. Built by {@link XmlScanner}; not
 * thread-safe while being built, read-only afterwards.
 */
public final class XmlNode {

    private final String name;
    private final Map<String, String> attributes;
    private final int start;
    private final int line;
    private final XmlNode parent;
    private final List<XmlNode> children = new ArrayList<>();
    private int startTagEnd;
    private int endTagStart;
    private int end;
    private boolean selfClosing;

    XmlNode(String name, Map<String, String> attributes, int start, int line, XmlNode parent) {
        this.name = name;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.start = start;
        this.line = line;
        this.parent = parent;
    }

    void closeStartTag(int startTagEnd, boolean selfClosing) {
        this.startTagEnd = startTagEnd;
        this.selfClosing = selfClosing;
        if (selfClosing) {
            this.endTagStart = startTagEnd;
            this.end = startTagEnd;
        }
    }

    void close(int endTagStart, int end) {
        this.endTagStart = endTagStart;
        this.end = end;
    }

    void add(XmlNode child) {
        children.add(child);
    }

    /** @return the element's qualified name as written */
    public String name() {
        return name;
    }

    /** @return the attributes, decoded, in document order */
    public Map<String, String> attributes() {
        return attributes;
    }

    /**
     * @param attribute an attribute name
     * @return its decoded value, if present
     */
    public Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    /** @return the offset of {@code <} */
    public int start() {
        return start;
    }

    /** @return the offset just after the start tag's {@code >} */
    public int startTagEnd() {
        return startTagEnd;
    }

    /** @return the offset of the end tag's {@code <}; {@link #end()} when self-closing */
    public int endTagStart() {
        return endTagStart;
    }

    /** @return the offset just after the element */
    public int end() {
        return end;
    }

    /** @return whether it is written {@code <x ... />} */
    public boolean selfClosing() {
        return selfClosing;
    }

    /** @return the 1-based line of its start tag */
    public int line() {
        return line;
    }

    /** @return the parent; null for the root */
    public XmlNode parent() {
        return parent;
    }

    /** @return the child elements in order */
    public List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    /**
     * @param childName a child element name
     * @return the children with that name, in order
     */
    public List<XmlNode> children(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * @param childName a child element name
     * @return the first child with that name
     */
    public Optional<XmlNode> child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** @return a path such as {@code configuration/webFarms/webFarm[@name='x']} for messages */
    public String path() {
        String self = name + attribute("name").map(n -> "[@name='" + n + "']").orElse("");
        return parent == null ? self : parent.path() + "/" + self;
    }

    @Override
    public String toString() {
        return "<" + name + "> at line " + line;
    }
}
