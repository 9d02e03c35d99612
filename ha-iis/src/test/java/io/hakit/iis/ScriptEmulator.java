package io.hakit.iis;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * An emulation of what IIS's configuration system does with the operations of hakit's scripts: it parses
 * each appcmd call ({@code search config}, {@code set config} with {@code /+}, {@code /-} and attribute sets,
 * {@code list site}, {@code set site}) and each call of the PowerShell script's functions ({@code Set-Attr},
 * {@code Add-IfMissing}, {@code Remove-IfPresent}, {@code Sync-Collection}), applies it to a DOM of the file,
 * and gives the resulting configuration in a canonical form that {@link #canonical} also gives for the
 * merge's output: ARR's and URL Rewrite's schema defaults count as set, collection entries keep their
 * order, other child elements are compared by name.
 */
final class ScriptEmulator {

    /** Schema defaults (arr_schema.xml, webfarm.xml, rewrite_schema.xml, IIS_schema.xml) of the attributes compared. */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("webFarms/webFarm@enabled", "true"),
            Map.entry("webFarm/server@enabled", "true"),
            Map.entry("server/applicationRequestRouting@httpPort", "80"),
            Map.entry("server/applicationRequestRouting@httpsPort", "443"),
            Map.entry("server/applicationRequestRouting@weight", "100"),
            Map.entry("applicationRequestRouting/healthCheck@url", ""),
            Map.entry("applicationRequestRouting/healthCheck@interval", "00:00:30"),
            Map.entry("applicationRequestRouting/healthCheck@timeout", "00:00:30"),
            Map.entry("applicationRequestRouting/healthCheck@retries", "3"),
            Map.entry("applicationRequestRouting/healthCheck@statusCodeMatch", "200-399"),
            Map.entry("applicationRequestRouting/healthCheck@responseMatch", ""),
            Map.entry("applicationRequestRouting/healthCheck@minServers", "0"),
            Map.entry("applicationRequestRouting/affinity@useCookie", "false"),
            Map.entry("applicationRequestRouting/affinity@cookieName", "ARRAffinity"),
            Map.entry("applicationRequestRouting/loadBalancing@algorithm", "WeightedRoundRobin"),
            Map.entry("applicationRequestRouting/protocol@timeout", "00:00:30"),
            Map.entry("applicationRequestRouting/protocol@keepAlive", "true"),
            Map.entry("applicationRequestRouting/protocol@preserveHostHeader", "true"),
            Map.entry("applicationRequestRouting/protocol@reverseRewriteHostInResponseHeaders", "false"),
            Map.entry("globalRules/rule@enabled", "true"),
            Map.entry("globalRules/rule@patternSyntax", "ECMAScript"),
            Map.entry("globalRules/rule@stopProcessing", "false"),
            Map.entry("rule/match@ignoreCase", "true"),
            Map.entry("rule/match@negate", "false"),
            Map.entry("rule/conditions@logicalGrouping", "MatchAll"),
            Map.entry("rule/conditions@trackAllCaptures", "false"),
            Map.entry("conditions/add@matchType", "Pattern"),
            Map.entry("conditions/add@ignoreCase", "true"),
            Map.entry("conditions/add@negate", "false"),
            Map.entry("rule/action@type", "None"),
            Map.entry("rule/action@appendQueryString", "true"),
            Map.entry("bindings/binding@sslFlags", "0"));

    /** The entry element of each collection, by the collection's element. */
    private static final Map<String, String> ENTRIES = Map.of("webFarms", "webFarm", "webFarm", "server",
            "globalRules", "rule", "conditions", "add", "bindings", "binding", "serverVariables", "set",
            "hostAffinityProviderList", "add", "sites", "site");

    private final Document doc;
    private final List<String> log = new ArrayList<>();
    private int commits;

    ScriptEmulator(String fileText) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(fileText)));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** @return how many appcmd calls that write ran (each is one commit of applicationHost.config) */
    int commits() {
        return commits;
    }

    /** @return what each operation did, for failure messages */
    List<String> log() {
        return log;
    }

    // ------------------------------------------------------------------ appcmd

    /**
     * Runs an appcmd script: each line's commands joined by {@code ||} and {@code &&} as cmd does.
     *
     * @param script the script
     * @return this
     */
    ScriptEmulator runAppcmd(String script) {
        for (String line : script.split("\r\n")) {
            String t = line.strip();
            if (!t.startsWith("%APPCMD%")) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            List<String> ops = new ArrayList<>();
            int start = 0;
            boolean quoted = false;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (t.startsWith(" || ", i) || t.startsWith(" && ", i))) {
                    parts.add(t.substring(start, i));
                    ops.add(t.substring(i + 1, i + 3));
                    start = i + 4;
                    i += 3;
                }
            }
            parts.add(t.substring(start));
            boolean ok = appcmd(parts.get(0));
            for (int k = 0; k < ops.size(); k++) {
                if (ops.get(k).equals("||") == ok) {
                    continue;
                }
                if (parts.get(k + 1).equals("goto :fail")) {
                    throw new AssertionError("the script would fail at: " + t + "\n" + String.join("\n", log));
                }
                ok = appcmd(parts.get(k + 1));
            }
        }
        return this;
    }

    private boolean appcmd(String command) {
        List<String> tokens = tokens(command);
        if (command.startsWith("%APPCMD% search config")) {
            String section = tokens.get(3).substring("/section:".length());
            String selector = tokens.get(4).substring(1);
            List<Object> steps = steps(selector.substring(0, selector.lastIndexOf('.')));
            boolean found = navigate(section(section), steps, steps.size(), false) != null;
            log.add("search " + selector + " -> " + found);
            return found;
        }
        if (command.startsWith("%APPCMD% list site")) {
            String key = command.substring(command.indexOf("/c:\"") + 4, command.lastIndexOf("\" >nul"));
            Element bindings = siteBindings();
            for (Element b : children(bindings, "binding")) {
                if ((b.getAttribute("protocol") + "/" + b.getAttribute("bindingInformation")).equalsIgnoreCase(key)) {
                    return true;
                }
            }
            return false;
        }
        Element root;
        int first;
        if (command.startsWith("%APPCMD% set config")) {
            root = section(tokens.get(3).substring("-section:".length()));
            first = 4;
        } else if (command.startsWith("%APPCMD% set site")) {
            root = (Element) siteBindings().getParentNode();
            first = 4;
        } else {
            throw new AssertionError("not an appcmd call this emulation knows: " + command);
        }
        commits++;
        for (int i = first; i < tokens.size(); i++) {
            String p = tokens.get(i);
            if (p.equals("/commit:apphost")) {
                continue;
            }
            log.add("appcmd " + p);
            if (p.startsWith("/+")) {
                List<Object> steps = steps(p.substring(2));
                Element parent = navigate(root, steps, steps.size() - 1, true);
                if (parent == null || !add(parent, (Selector) steps.get(steps.size() - 1))) {
                    return false;
                }
            } else if (p.startsWith("/-")) {
                List<Object> steps = steps(p.substring(2));
                Element e = navigate(root, steps, steps.size(), false);
                if (e == null) {
                    return false;
                }
                e.getParentNode().removeChild(e);
            } else {
                String body = p.substring(1);
                int colon = valueColon(body);
                List<Object> steps = steps(body.substring(0, colon));
                String attribute = (String) steps.remove(steps.size() - 1);
                Element e = navigate(root, steps, steps.size(), true);
                if (e == null) {
                    return false;
                }
                e.setAttribute(attribute, body.substring(colon + 1));
            }
        }
        return true;
    }

    private static List<String> tokens(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char c : command.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (b.length() > 0) {
                    out.add(b.toString());
                    b.setLength(0);
                }
            } else {
                b.append(c);
            }
        }
        if (b.length() > 0) {
            out.add(b.toString());
        }
        return out;
    }

    /** A collection entry selector, {@code [@start,name='x']}. */
    private record Selector(Map<String, String> attributes, boolean atStart) {
    }

    private static int valueColon(String s) {
        boolean inBracket = false;
        boolean inQuote = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' && inBracket) {
                inQuote = !inQuote;
            } else if (c == '[' && !inQuote) {
                inBracket = true;
            } else if (c == ']' && !inQuote) {
                inBracket = false;
            } else if (c == ':' && !inBracket) {
                return i;
            }
        }
        throw new AssertionError("no value in " + s);
    }

    /** Parses {@code [name='f'].[address='a'].applicationRequestRouting.httpsPort} into selectors and names. */
    private static List<Object> steps(String s) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int j = i + 1;
                boolean q = false;
                while (q || s.charAt(j) != ']') {
                    if (s.charAt(j) == '\'') {
                        q = !q;
                    }
                    j++;
                }
                Map<String, String> attributes = new LinkedHashMap<>();
                boolean atStart = false;
                for (String kv : splitOutsideQuotes(s.substring(i + 1, j), ',')) {
                    if (kv.equals("@start")) {
                        atStart = true;
                        continue;
                    }
                    int eq = kv.indexOf('=');
                    attributes.put(kv.substring(0, eq), kv.substring(eq + 2, kv.length() - 1));
                }
                out.add(new Selector(attributes, atStart));
                i = j + 1;
            } else {
                int j = i;
                while (j < s.length() && s.charAt(j) != '.' && s.charAt(j) != '[') {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> out = new ArrayList<>();
        boolean q = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\'') {
                q = !q;
            } else if (s.charAt(i) == separator && !q) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(s.substring(start).strip());
        return out;
    }

    private Element navigate(Element from, List<Object> steps, int count, boolean create) {
        Element e = from;
        for (int i = 0; i < count && e != null; i++) {
            Object s = steps.get(i);
            if (s instanceof Selector sel) {
                e = entry(e, sel.attributes());
            } else {
                e = child(e, (String) s, create);
            }
        }
        return e;
    }

    private static Element entry(Element collection, Map<String, String> key) {
        for (Element c : children(collection, ENTRIES.get(collection.getTagName()))) {
            boolean all = true;
            for (Map.Entry<String, String> k : key.entrySet()) {
                all &= effective(c, k.getKey()).equalsIgnoreCase(k.getValue());
            }
            if (all) {
                return c;
            }
        }
        return null;
    }

    private static String effective(Element e, String attribute) {
        if (e.hasAttribute(attribute)) {
            return e.getAttribute(attribute);
        }
        Node parent = e.getParentNode();
        String d = DEFAULTS.get(((Element) parent).getTagName() + "/" + e.getTagName() + "@" + attribute);
        return d == null ? "" : d;
    }

    private boolean add(Element collection, Selector s) {
        String name = ENTRIES.get(collection.getTagName());
        Map<String, String> key = new LinkedHashMap<>(s.attributes());
        if (name.equals("rule") || name.equals("webFarm")) {
            key.keySet().retainAll(List.of("name"));
        } else if (name.equals("server")) {
            key.keySet().retainAll(List.of("address"));
        }
        if (entry(collection, key) != null) {
            log.add("duplicate entry " + key);
            return false;
        }
        Element e = doc.createElement(name);
        s.attributes().forEach(e::setAttribute);
        insert(collection, e, s.atStart() ? 0 : -1);
        return true;
    }

    private static void insert(Element collection, Element e, int at) {
        List<Element> entries = children(collection, ENTRIES.get(collection.getTagName()));
        if (at >= 0 && at < entries.size()) {
            collection.insertBefore(e, entries.get(at));
        } else {
            collection.appendChild(e);
        }
    }

    // ------------------------------------------------------------------ PowerShell

    /**
     * Runs the calls of the PowerShell script's functions, in order.
     *
     * @param script the script
     * @return this
     */
    ScriptEmulator runPowerShell(String script) {
        boolean inFunction = false;
        for (String line : script.split("\r\n")) {
            if (line.startsWith("function ")) {
                inFunction = true;
                continue;
            }
            if (inFunction) {
                inFunction = !line.equals("}");
                continue;
            }
            String t = line.strip();
            if (t.startsWith("Set-Attr ") || t.startsWith("Add-IfMissing ") || t.startsWith("Remove-IfPresent ")
                    || t.startsWith("Sync-Collection ")) {
                log.add("ps " + t);
                powerShell(t.substring(0, t.indexOf(' ')), new PsArgs(t.substring(t.indexOf(' ') + 1)).all());
            } else if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("$") && !t.startsWith("Import-Module")
                    && !t.equals("try {") && !t.equals("} catch {") && !t.startsWith("Start-WebCommitDelay")
                    && !t.startsWith("Stop-WebCommitDelay") && !t.equals("throw") && !t.equals("}")
                    && !t.startsWith("Write-Host")) {
                throw new AssertionError("a PowerShell line this emulation does not know: " + t);
            }
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private void powerShell(String function, List<Object> args) {
        switch (function) {
            case "Set-Attr" -> {
                Element e = filter((String) args.get(0), true);
                if (e == null) {
                    throw new AssertionError("Set-Attr on a missing element: " + args.get(0));
                }
                e.setAttribute((String) args.get(1), String.valueOf(args.get(2)));
            }
            case "Add-IfMissing" -> {
                if (filter((String) args.get(0), false) == null) {
                    Element parent = filter((String) args.get(1), true);
                    Element e = doc.createElement(ENTRIES.get(parent.getTagName()));
                    ((Map<String, Object>) args.get(2)).forEach((k, v) -> e.setAttribute(k, String.valueOf(v)));
                    insert(parent, e, args.size() > 3 ? ((Number) args.get(3)).intValue() : -1);
                }
            }
            case "Remove-IfPresent" -> {
                Element e = filter((String) args.get(0), false);
                if (e != null) {
                    e.getParentNode().removeChild(e);
                }
            }
            case "Sync-Collection" -> {
                Element collection = filter((String) args.get(0), true);
                List<Object> keys = (List<Object>) args.get(1);
                List<Object> wanted = (List<Object>) args.get(2);
                List<String> want = new ArrayList<>();
                for (Object w : wanted) {
                    Element probe = doc.createElement(ENTRIES.get(collection.getTagName()));
                    collection.appendChild(probe);
                    ((Map<String, Object>) w).forEach((k, v) -> probe.setAttribute(k, String.valueOf(v)));
                    want.add(id(probe, keys));
                    collection.removeChild(probe);
                }
                for (Element e : children(collection, ENTRIES.get(collection.getTagName()))) {
                    if (!want.contains(id(e, keys))) {
                        collection.removeChild(e);
                    }
                }
                List<String> have = new ArrayList<>();
                children(collection, ENTRIES.get(collection.getTagName())).forEach(e -> have.add(id(e, keys)));
                for (int i = 0; i < wanted.size(); i++) {
                    if (!have.contains(want.get(i))) {
                        Element e = doc.createElement(ENTRIES.get(collection.getTagName()));
                        ((Map<String, Object>) wanted.get(i)).forEach((k, v) -> e.setAttribute(k, String.valueOf(v)));
                        collection.appendChild(e);
                    }
                }
            }
            default -> throw new AssertionError(function);
        }
    }

    private static String id(Element e, List<Object> keys) {
        StringBuilder b = new StringBuilder();
        for (Object k : keys) {
            b.append(effective(e, (String) k).toLowerCase(Locale.ROOT)).append('\n');
        }
        return b.toString();
    }

    /** Resolves a WebAdministration filter from {@code <configuration>}; creates plain child elements when asked. */
    private Element filter(String filter, boolean create) {
        Element e = doc.getDocumentElement();
        for (String step : splitSteps(filter)) {
            int bracket = step.indexOf('[');
            if (bracket < 0) {
                e = child(e, step, create);
            } else {
                Map<String, String> key = new LinkedHashMap<>();
                for (String cond : step.substring(bracket + 1, step.length() - 1).split(" and ")) {
                    int eq = cond.indexOf('=');
                    key.put(cond.substring(1, eq), cond.substring(eq + 2, cond.length() - 1));
                }
                Element collection = e;
                e = null;
                for (Element c : children(collection, step.substring(0, bracket))) {
                    boolean all = true;
                    for (Map.Entry<String, String> k : key.entrySet()) {
                        all &= effective(c, k.getKey()).equalsIgnoreCase(k.getValue());
                    }
                    if (all) {
                        e = c;
                        break;
                    }
                }
            }
            if (e == null) {
                return null;
            }
        }
        return e;
    }

    private static List<String> splitSteps(String filter) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean q = false;
        int start = 0;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '\'') {
                q = !q;
            } else if (!q && c == '[') {
                depth++;
            } else if (!q && c == ']') {
                depth--;
            } else if (!q && depth == 0 && c == '/') {
                out.add(filter.substring(start, i));
                start = i + 1;
            }
        }
        out.add(filter.substring(start));
        return out;
    }

    /** The arguments of one function call: quoted strings, $true/$false, numbers, @{...} and @(...). */
    private static final class PsArgs {
        private final String s;
        private int i;

        PsArgs(String s) {
            this.s = s;
        }

        List<Object> all() {
            List<Object> out = new ArrayList<>();
            while (true) {
                skip();
                if (i >= s.length()) {
                    return out;
                }
                out.add(value());
            }
        }

        private void skip() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',' || s.charAt(i) == ';')) {
                i++;
            }
        }

        private Object value() {
            char c = s.charAt(i);
            if (c == '\'') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (s.charAt(i) == '\'') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                            b.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        return b.toString();
                    }
                    b.append(s.charAt(i++));
                }
            }
            if (s.startsWith("$true", i)) {
                i += 5;
                return "true";
            }
            if (s.startsWith("$false", i)) {
                i += 6;
                return "false";
            }
            if (s.startsWith("@{", i)) {
                i += 2;
                Map<String, Object> map = new LinkedHashMap<>();
                while (true) {
                    skip();
                    if (s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    int eq = s.indexOf('=', i);
                    String k = s.substring(i, eq).strip();
                    i = eq + 1;
                    map.put(k, value());
                }
            }
            if (s.startsWith("@(", i)) {
                i += 2;
                List<Object> list = new ArrayList<>();
                while (true) {
                    skip();
                    if (s.charAt(i) == ')') {
                        i++;
                        return list;
                    }
                    list.add(value());
                }
            }
            int j = i;
            while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '-')) {
                j++;
            }
            if (j == i) {
                throw new AssertionError("cannot read PowerShell argument at: " + s.substring(i));
            }
            Long n = Long.parseLong(s.substring(i, j));
            i = j;
            return n;
        }
    }

    // ------------------------------------------------------------------ DOM helpers and the canonical form

    private Element section(String path) {
        Element e = doc.getDocumentElement();
        for (String step : path.split("/")) {
            e = child(e, step, true);
        }
        return e;
    }

    private Element siteBindings() {
        Element sites = section("system.applicationHost/sites");
        for (Element s : children(sites, "site")) {
            if (s.getAttribute("name").equalsIgnoreCase(SiteBinding.DEFAULT_WEB_SITE)) {
                return child(s, "bindings", true);
            }
        }
        throw new AssertionError("no Default Web Site");
    }

    private Element child(Element parent, String name, boolean create) {
        List<Element> found = children(parent, name);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        if (!create) {
            return null;
        }
        Element e = doc.createElement(name);
        parent.appendChild(e);
        return e;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    /** @return the emulated result's configuration in canonical form */
    String canonical() {
        return canonical(doc);
    }

    /**
     * @param fileText an applicationHost.config
     * @return its ARR configuration (webFarms, global rules, server-level proxy, Default Web Site bindings) in
     *     canonical form
     */
    static String canonical(String fileText) {
        return new ScriptEmulator(fileText).canonical();
    }

    private static String canonical(Document doc) {
        Element root = doc.getDocumentElement();
        StringBuilder b = new StringBuilder();
        for (String path : List.of("webFarms", "system.webServer/rewrite/globalRules", "system.webServer/proxy")) {
            Element e = root;
            for (String step : path.split("/")) {
                List<Element> c = e == null ? List.of() : children(e, step);
                e = c.isEmpty() ? null : c.get(0);
            }
            b.append(path).append(": ").append(e == null ? "" : canon(e, "")).append('\n');
        }
        for (Element sites : children(children(root, "system.applicationHost").get(0), "sites")) {
            for (Element s : children(sites, "site")) {
                if (s.getAttribute("name").equalsIgnoreCase(SiteBinding.DEFAULT_WEB_SITE)) {
                    for (Element bindings : children(s, "bindings")) {
                        b.append("bindings: ").append(canon(bindings, "")).append('\n');
                    }
                }
            }
        }
        return b.toString();
    }

    private static String canon(Element e, String indent) {
        String parent = e.getParentNode() instanceof Element p ? p.getTagName() : "";
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            String name = map.item(i).getNodeName();
            String value = map.item(i).getNodeValue();
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                value = value.toLowerCase(Locale.ROOT);
            }
            String d = DEFAULTS.get(parent + "/" + e.getTagName() + "@" + name);
            if (d == null || !d.equalsIgnoreCase(value)) {
                attributes.put(name, value);
            }
        }
        String entry = ENTRIES.get(e.getTagName());
        List<String> plain = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (Element c : children(e, null)) {
            String text = canon(c, indent + "  ");
            if (c.getTagName().equals(entry)) {
                entries.add(text);
            } else if (!text.isEmpty()) {
                plain.add(text);
            }
        }
        plain.sort(null);
        if (attributes.isEmpty() && plain.isEmpty() && entries.isEmpty() && !ENTRIES.containsValue(e.getTagName())) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n").append(indent).append('<').append(e.getTagName());
        attributes.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
        b.append('>');
        plain.forEach(b::append);
        entries.forEach(b::append);
        return b.toString();
    }

    @Override
    public String toString() {
        try {
            StringWriter w = new StringWriter();
            javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                    new javax.xml.transform.dom.DOMSource(doc), new javax.xml.transform.stream.StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
