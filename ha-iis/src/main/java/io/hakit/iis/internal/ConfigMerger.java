package io.hakit.iis.internal;

import io.hakit.iis.ArrConfig;
import io.hakit.iis.ConfigFileException;
import io.hakit.iis.FarmServer;
import io.hakit.iis.RewriteRule;
import io.hakit.iis.RuleCondition;
import io.hakit.iis.SiteBinding;
import io.hakit.iis.WebFarm;
import io.hakit.iis.internal.ArrXml.Line;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The byte-preserving merge of hakit's objects into the text of an applicationHost.config: farms and
 * rules with hakit's names are rewritten in place when they differ (keeping what hakit does not model),
 * added when missing (new rules at the top of {@code globalRules}, in the rendered order; new farms after
 * the last farm; new members after a farm's existing ones), the wizard's non-SSL rules are cut out, and
 * Default Web Site bindings are added or corrected. Every other character stays as it was. Immutable.
 */
public final class ConfigMerger {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String source;
    private final String text;
    private final boolean bom;
    private final String newline;
    private final String unit;
    private final XmlNode root;
    private final ArrConfig arr;
    private final Map<String, XmlNode> farmNodes;
    private final Map<String, XmlNode> ruleNodes;
    private final Map<String, XmlNode> bindingNodes;
    private final Map<String, WebFarm> farmsByName = new HashMap<>();
    private final Map<String, RewriteRule> rulesByName = new HashMap<>();
    private final Optional<XmlNode> webFarms;
    private final Optional<XmlNode> systemWebServer;
    private final Optional<XmlNode> rewrite;
    private final Optional<XmlNode> globalRules;
    private final Optional<XmlNode> site;
    private final Optional<XmlNode> bindings;

    /**
     * @param source the name used in messages
     * @param text the file's text, without a byte-order mark
     * @param bom whether the file starts with a UTF-8 byte-order mark
     * @param root the scanned root element
     * @param arr what the file holds
     * @param farmNodes the farms' elements by lower-case name
     * @param ruleNodes the global rules' elements by lower-case name
     * @param bindingNodes the Default Web Site's binding elements by lower-case key
     */
    public ConfigMerger(String source, String text, boolean bom, XmlNode root, ArrConfig arr,
            Map<String, XmlNode> farmNodes, Map<String, XmlNode> ruleNodes, Map<String, XmlNode> bindingNodes) {
        this.source = Objects.requireNonNull(source, "source");
        this.text = Objects.requireNonNull(text, "text");
        this.bom = bom;
        int lf = text.indexOf('\n');
        this.newline = lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
        this.root = Objects.requireNonNull(root, "root");
        this.arr = Objects.requireNonNull(arr, "arr");
        this.farmNodes = Map.copyOf(farmNodes);
        this.ruleNodes = Map.copyOf(ruleNodes);
        this.bindingNodes = Map.copyOf(bindingNodes);
        arr.farms().forEach(f -> farmsByName.put(key(f.name()), f));
        arr.rules().forEach(r -> rulesByName.put(key(r.name()), r));
        this.unit = indentUnit();
        this.webFarms = root.child("webFarms");
        this.systemWebServer = root.child("system.webServer");
        this.rewrite = systemWebServer.flatMap(s -> s.child("rewrite"));
        this.globalRules = rewrite.flatMap(r -> r.child("globalRules"));
        this.site = root.child("system.applicationHost").flatMap(a -> a.child("sites"))
                .flatMap(s -> s.children("site").stream().filter(n -> n.attribute("name")
                        .map(SiteBinding.DEFAULT_WEB_SITE::equalsIgnoreCase).orElse(false)).findFirst());
        this.bindings = site.flatMap(s -> s.child("bindings"));
    }

    /** @return the file's line ending */
    public String newline() {
        return newline;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private String indentUnit() {
        for (XmlNode c : root.children()) {
            String indent = indentOf(c);
            if (!indent.isEmpty() && indent.length() <= 8) {
                return indent;
            }
        }
        return "    ";
    }

    private record Edit(int start, int end, String text, int seq) {
    }

    /**
     * Merges hakit's objects into the file's text and returns the new bytes. Farms and rules with
     * hakit's names are rewritten when they differ from {@code desired} (attribute by attribute, schema
     * defaults counted as set), keeping the attributes and child elements of the file's copy that hakit
     * does not model, and added when missing; the rules named in {@code removedRules} are
     * deleted; Default Web Site bindings are added or their {@code sslFlags} corrected. Nothing else
     * changes. Merging the result again gives the same bytes.
     *
     * @param desired what hakit wants (from {@code ArrConfigRenderer.render})
     * @param removedRules names of global rules that must not exist (the wizard's non-SSL rules)
     * @return the merged file's bytes, with the original byte-order mark and line endings
     * @throws ConfigFileException when the file has no Default Web Site to bind and {@code desired} has bindings
     */
    public byte[] merge(ArrConfig desired, Collection<String> removedRules) {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(removedRules, "removedRules");
        List<Edit> edits = new ArrayList<>();
        mergeFarms(desired, edits);
        mergeRules(desired, removedRules, edits);
        mergeBindings(desired, edits);
        if (edits.isEmpty()) {
            return withBom(text);
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed()
                .thenComparing(e -> e.end() == e.start() ? 1 : 0)
                .thenComparing(Comparator.comparingInt(Edit::seq).reversed()));
        StringBuilder b = new StringBuilder(text);
        int floor = Integer.MAX_VALUE;
        for (Edit e : edits) {
            if (e.end() > floor) {
                throw new IllegalStateException("overlapping edits at offset " + e.start());
            }
            b.replace(e.start(), e.end(), e.text());
            floor = e.start();
        }
        return withBom(b.toString());
    }

    private byte[] withBom(String content) {
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return body;
        }
        byte[] out = Arrays.copyOf(BOM, BOM.length + body.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    private void mergeFarms(ArrConfig desired, List<Edit> edits) {
        List<List<Line>> added = new ArrayList<>();
        for (WebFarm f : desired.farms()) {
            XmlNode node = farmNodes.get(key(f.name()));
            if (node == null) {
                added.add(ArrXml.farm(f));
            } else if (!ArrAttributes.of(farmsByName.get(key(f.name()))).equals(ArrAttributes.of(f))) {
                replace(node, ArrXml.farm(inFileOrder(f, node), node, text), edits);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        if (webFarms.isPresent()) {
            List<XmlNode> farms = webFarms.get().children("webFarm");
            if (!farms.isEmpty()) {
                insert(webFarms.get(), null, farms.get(farms.size() - 1), added, edits);
            } else {
                insert(webFarms.get(), first(webFarms.get()), null, added, edits);
            }
        } else {
            insertTopLevel(ArrXml.wrap("webFarms", added), edits);
        }
    }

    private void mergeRules(ArrConfig desired, Collection<String> removedRules, List<Edit> edits) {
        Set<String> removed = new HashSet<>();
        for (String name : removedRules) {
            XmlNode node = ruleNodes.get(key(name));
            if (node != null && desired.rule(name).isEmpty()) {
                delete(node, edits);
                removed.add(key(name));
            }
        }
        List<List<Line>> added = new ArrayList<>();
        for (RewriteRule r : desired.rules()) {
            XmlNode node = ruleNodes.get(key(r.name()));
            if (node == null) {
                added.add(ArrXml.rule(r));
            } else if (!ArrAttributes.of(rulesByName.get(key(r.name()))).equals(ArrAttributes.of(r))) {
                replace(node, ArrXml.rule(inFileOrder(r, node), node, text), edits);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        if (globalRules.isPresent()) {
            XmlNode before = null;
            for (XmlNode c : globalRules.get().children()) {
                if (!c.name().equals("rule") || !removed.contains(key(c.attribute("name").orElse("")))) {
                    before = c;
                    break;
                }
            }
            insert(globalRules.get(), before, null, added, edits);
        } else if (rewrite.isPresent()) {
            insert(rewrite.get(), first(rewrite.get()), null, List.of(ArrXml.wrap("globalRules", added)), edits);
        } else if (systemWebServer.isPresent()) {
            List<Line> block = ArrXml.wrap("rewrite", List.of(ArrXml.wrap("globalRules", added)));
            insert(systemWebServer.get(), null, last(systemWebServer.get()), List.of(block), edits);
        } else {
            insertTopLevel(ArrXml.wrap("system.webServer", List.of(ArrXml.wrap("rewrite",
                    List.of(ArrXml.wrap("globalRules", added))))), edits);
        }
    }

    private void mergeBindings(ArrConfig desired, List<Edit> edits) {
        List<List<Line>> added = new ArrayList<>();
        for (SiteBinding b : desired.bindings()) {
            XmlNode node = bindingNodes.get(key(b.key()));
            if (node == null) {
                added.add(ArrXml.binding(b));
            } else if (!ArrAttributes.of(arr.binding(b.site(), b.key()).orElseThrow()).equals(ArrAttributes.of(b))) {
                replace(node, ArrXml.binding(b), edits);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        if (site.isEmpty()) {
            throw new ConfigFileException(source, root.line(), "system.applicationHost/sites has no site '"
                    + SiteBinding.DEFAULT_WEB_SITE + "' to add the bindings to; create the site first");
        }
        if (bindings.isPresent()) {
            List<XmlNode> existing = bindings.get().children();
            insert(bindings.get(), null, existing.isEmpty() ? null : existing.get(existing.size() - 1), added, edits);
        } else {
            insert(site.get(), null, last(site.get()), List.of(ArrXml.wrap("bindings", added)), edits);
        }
    }

    /** The farm with its members in the file's order, new members after them in the rendered order. */
    private static WebFarm inFileOrder(WebFarm farm, XmlNode node) {
        List<FarmServer> ordered = new ArrayList<>();
        for (XmlNode s : node.children("server")) {
            s.attribute("address").flatMap(farm::server).filter(x -> !ordered.contains(x)).ifPresent(ordered::add);
        }
        for (FarmServer s : farm.servers()) {
            if (!ordered.contains(s)) {
                ordered.add(s);
            }
        }
        return farm.toBuilder().servers(ordered).build();
    }

    /** The rule with its wanted conditions in the file's order, new conditions after them in the rendered order. */
    private RewriteRule inFileOrder(RewriteRule rule, XmlNode node) {
        RewriteRule current = rulesByName.get(key(rule.name()));
        List<RuleCondition> ordered = new ArrayList<>();
        for (RuleCondition c : current.conditions()) {
            if (rule.conditions().contains(c) && !ordered.contains(c)) {
                ordered.add(c);
            }
        }
        for (RuleCondition c : rule.conditions()) {
            if (!ordered.contains(c)) {
                ordered.add(c);
            }
        }
        return rule.toBuilder().conditions(ordered).build();
    }

    private static XmlNode first(XmlNode parent) {
        return parent.children().isEmpty() ? null : parent.children().get(0);
    }

    private static XmlNode last(XmlNode parent) {
        List<XmlNode> c = parent.children();
        return c.isEmpty() ? null : c.get(c.size() - 1);
    }

    private void insertTopLevel(List<Line> block, List<Edit> edits) {
        Optional<XmlNode> location = root.children("location").stream().findFirst();
        if (location.isPresent()) {
            insert(root, location.get(), null, List.of(block), edits);
        } else {
            insert(root, null, last(root), List.of(block), edits);
        }
    }

    private int lineStart(int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    private String indentOf(XmlNode node) {
        int ls = lineStart(node.start());
        String before = text.substring(ls, node.start());
        if (before.isBlank()) {
            return before;
        }
        return node.parent() == null ? "" : indentOf(node.parent()) + unit;
    }

    private String childIndent(XmlNode parent) {
        for (XmlNode c : parent.children()) {
            String before = text.substring(lineStart(c.start()), c.start());
            if (before.isBlank()) {
                return before;
            }
        }
        return indentOf(parent) + unit;
    }

    private void replace(XmlNode node, List<Line> lines, List<Edit> edits) {
        edits.add(new Edit(node.start(), node.end(), ArrXml.text(lines, indentOf(node), unit, newline), edits.size()));
    }

    private void delete(XmlNode node, List<Edit> edits) {
        int ls = lineStart(node.start());
        int le = node.end();
        while (le < text.length() && (text.charAt(le) == ' ' || text.charAt(le) == '\t')) {
            le++;
        }
        boolean alone = text.substring(ls, node.start()).isBlank();
        if (alone && le < text.length() && (text.charAt(le) == '\r' || text.charAt(le) == '\n')) {
            le += text.startsWith("\r\n", le) ? 2 : 1;
            edits.add(new Edit(ls, le, "", edits.size()));
        } else {
            edits.add(new Edit(node.start(), node.end(), "", edits.size()));
        }
    }

    private void insert(XmlNode parent, XmlNode before, XmlNode after, List<List<Line>> elements, List<Edit> edits) {
        String indent = childIndent(parent);
        StringBuilder b = new StringBuilder();
        if (after != null) {
            for (List<Line> e : elements) {
                b.append(newline).append(indent).append(ArrXml.text(e, indent, unit, newline));
            }
            edits.add(new Edit(after.end(), after.end(), b.toString(), edits.size()));
        } else if (before != null) {
            for (List<Line> e : elements) {
                b.append(ArrXml.text(e, indent, unit, newline)).append(newline).append(indent);
            }
            edits.add(new Edit(before.start(), before.start(), b.toString(), edits.size()));
        } else if (parent.selfClosing()) {
            String open = text.substring(parent.start(), parent.end());
            open = open.substring(0, open.length() - 2).stripTrailing() + ">";
            b.append(open);
            for (List<Line> e : elements) {
                b.append(newline).append(indent).append(ArrXml.text(e, indent, unit, newline));
            }
            b.append(newline).append(indentOf(parent)).append("</").append(parent.name()).append('>');
            edits.add(new Edit(parent.start(), parent.end(), b.toString(), edits.size()));
        } else {
            int endTag = parent.endTagStart();
            int ls = lineStart(endTag);
            if (text.substring(ls, endTag).isBlank() && ls > parent.startTagEnd()) {
                for (List<Line> e : elements) {
                    b.append(indent).append(ArrXml.text(e, indent, unit, newline)).append(newline);
                }
                edits.add(new Edit(ls, ls, b.toString(), edits.size()));
            } else {
                for (List<Line> e : elements) {
                    b.append(newline).append(indent).append(ArrXml.text(e, indent, unit, newline));
                }
                b.append(newline).append(indentOf(parent));
                edits.add(new Edit(endTag, endTag, b.toString(), edits.size()));
            }
        }
    }
}
