package io.hakit.iis;

import io.hakit.iis.internal.ArrAttributes;
import io.hakit.iis.internal.ArrXml;
import io.hakit.iis.internal.ArrXml.Line;
import io.hakit.iis.internal.XmlNode;
import io.hakit.iis.internal.XmlScanner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code applicationHost.config} as read: its exact bytes, the ARR objects in it as hakit's typed
 * model ({@link #arr()}), and a byte-preserving {@link #merge merge} that rewrites only what hakit
 * manages. Everything else (other farms and rules, the section-level {@code <webFarms>} settings,
 * {@code <location>} blocks, comments, attribute order, indentation, CRLF line endings, a UTF-8
 * byte-order mark) is kept byte for byte. {@link #replace} writes the merged file: it refuses when
 * another writer changed or locked the file since it was read, writes a timestamped backup first and
 * replaces the file atomically.
 *
 * <p>The XML is read with the JDK's StAX parser (no DTDs, no external entities) and elements are
 * located by their exact character spans, checked against the parser's own element sequence.
 *
 * <p>What hakit manages, recognised by name (IIS objects carry no comment attribute):
 * {@code webFarms/webFarm[@name]} elements of the farms it renders, the
 * {@code system.webServer/rewrite/globalRules/rule[@name]} rules named {@code ARR_<farm>_loadbalance[_SSL]},
 * and {@code binding} entries of the Default Web Site with the keys it renders.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApplicationHostConfig {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationHostConfig.class);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Optional<Path> path;
    private final String source;
    private final byte[] bytes;
    private final Optional<FileTime> modified;
    private final boolean bom;
    private final String text;
    private final String newline;
    private final String unit;
    private final XmlNode root;
    private final ArrConfig arr;
    private final Map<String, XmlNode> farmNodes = new HashMap<>();
    private final Map<String, XmlNode> ruleNodes = new HashMap<>();
    private final Map<String, XmlNode> bindingNodes = new HashMap<>();
    private final Map<String, WebFarm> farmsByName = new HashMap<>();
    private final Map<String, RewriteRule> rulesByName = new HashMap<>();
    private final Optional<XmlNode> webFarms;
    private final Optional<XmlNode> systemWebServer;
    private final Optional<XmlNode> rewrite;
    private final Optional<XmlNode> globalRules;
    private final Optional<XmlNode> site;
    private final Optional<XmlNode> bindings;

    private ApplicationHostConfig(Optional<Path> path, String source, byte[] bytes, Optional<FileTime> modified) {
        this.path = path;
        this.source = source;
        this.bytes = bytes;
        this.modified = modified;
        this.bom = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        if (!bom && bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new ConfigFileException(source, 1, "is UTF-16; hakit reads applicationHost.config in UTF-8, as IIS "
                    + "writes it");
        }
        try {
            this.text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0))).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigFileException(source, 0, "is not valid UTF-8");
        }
        int lf = text.indexOf('\n');
        this.newline = lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
        try {
            this.root = XmlScanner.scan(text);
        } catch (XmlScanner.MalformedException e) {
            throw new ConfigFileException(source, e.line(), e.getMessage());
        }
        if (!root.name().equals("configuration")) {
            throw new ConfigFileException(source, root.line(), "the root element is <" + root.name()
                    + ">, not <configuration>: this is not an applicationHost.config");
        }
        XmlNode sections = root.child("configSections").orElseThrow(() -> new ConfigFileException(source,
                root.line(), "<configuration> has no <configSections>: this is not an applicationHost.config "
                        + "(a web.config?)"));
        if (named(sections.children("sectionGroup"), "system.applicationHost").isEmpty()) {
            throw new ConfigFileException(source, sections.line(), "<configSections> registers no "
                    + "system.applicationHost section group: this is not an applicationHost.config");
        }
        if (named(sections.children("section"), "webFarms").isEmpty()) {
            throw new ConfigFileException(source, sections.line(), "<configSections> registers no webFarms section: "
                    + "Application Request Routing is not installed on this server (install ARR 3.0)");
        }
        boolean rewriteInstalled = named(sections.children("sectionGroup"), "system.webServer")
                .flatMap(g -> named(g.children("sectionGroup"), "rewrite"))
                .flatMap(g -> named(g.children("section"), "globalRules")).isPresent();
        if (!rewriteInstalled) {
            throw new ConfigFileException(source, sections.line(), "<configSections> registers no "
                    + "system.webServer/rewrite/globalRules section: URL Rewrite is not installed on this server "
                    + "(install URL Rewrite 2.1 before ARR)");
        }
        this.unit = indentUnit();
        this.webFarms = root.child("webFarms");
        this.systemWebServer = root.child("system.webServer");
        this.rewrite = systemWebServer.flatMap(s -> s.child("rewrite"));
        this.globalRules = rewrite.flatMap(r -> r.child("globalRules"));
        this.site = root.child("system.applicationHost").flatMap(a -> a.child("sites"))
                .flatMap(s -> named(s.children("site"), SiteBinding.DEFAULT_WEB_SITE));
        this.bindings = site.flatMap(s -> s.child("bindings"));
        this.arr = readModel(source, webFarms, globalRules, bindings, farmNodes, ruleNodes, bindingNodes);
        arr.farms().forEach(f -> farmsByName.put(key(f.name()), f));
        arr.rules().forEach(r -> rulesByName.put(key(r.name()), r));
    }

    private static Optional<XmlNode> named(List<XmlNode> nodes, String name) {
        return nodes.stream().filter(n -> n.attribute("name").map(name::equalsIgnoreCase).orElse(false)).findFirst();
    }

    /**
     * Reads a file.
     *
     * @param file the applicationHost.config
     * @return the file as read
     * @throws ConfigFileException when it cannot be read or is not a usable applicationHost.config
     */
    public static ApplicationHostConfig read(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigFileException(name, 0, Files.exists(file) ? "is not a regular file"
                        : "does not exist");
            }
            if (!readable(file)) {
                throw new ConfigFileException(name, 0, "cannot be read: permission denied");
            }
            FileTime mtime = Files.getLastModifiedTime(file);
            byte[] content = Files.readAllBytes(file);
            LOG.debug("read {} ({} bytes)", file, content.length);
            return new ApplicationHostConfig(Optional.of(file), name, content, Optional.of(mtime));
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(name, 0, "does not exist");
        } catch (AccessDeniedException e) {
            throw new ConfigFileException(name, 0, "cannot be read: permission denied");
        } catch (IOException e) {
            throw new ConfigFileException(name, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads content that is not (or not yet) a file.
     *
     * @param content the file's bytes
     * @param source a name for messages, e.g. {@code applicationHost.config}
     * @return the content as read
     * @throws ConfigFileException when it is not a usable applicationHost.config
     */
    public static ApplicationHostConfig parse(byte[] content, String source) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        return new ApplicationHostConfig(Optional.empty(), source, content.clone(), Optional.empty());
    }

    /** @return the ARR objects in the file: every farm, every global rule, the Default Web Site's bindings */
    public ArrConfig arr() {
        return arr;
    }

    /** @return the file's bytes as read */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the file's path, when read from a file */
    public Optional<Path> path() {
        return path;
    }

    /** @return the name used in messages */
    public String source() {
        return source;
    }

    /** @return whether the file starts with a UTF-8 byte-order mark */
    public boolean hasByteOrderMark() {
        return bom;
    }

    /** @return the file's line ending, {@code "\r\n"} or {@code "\n"} */
    public String lineEnding() {
        return newline;
    }

    /**
     * @param farmName a farm's name
     * @return the line its element starts on, if the file has it
     */
    public Optional<Integer> lineOfFarm(String farmName) {
        return Optional.ofNullable(farmNodes.get(key(farmName))).map(XmlNode::line);
    }

    /**
     * @param ruleName a global rule's name
     * @return the line its element starts on, if the file has it
     */
    public Optional<Integer> lineOfRule(String ruleName) {
        return Optional.ofNullable(ruleNodes.get(key(ruleName))).map(XmlNode::line);
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

    /**
     * Reads the farms, global rules and Default Web Site bindings of a fragment, such as
     * {@link ArrConfigRenderer#fragment} writes: a {@code <configuration>} document that need not be a
     * whole applicationHost.config.
     *
     * @param text the fragment
     * @param source a name for messages
     * @return what it holds
     * @throws ConfigFileException naming the line of malformed XML, a duplicate or a bad value
     */
    public static ArrConfig readFragment(String text, String source) {
        Objects.requireNonNull(text, "text");
        XmlNode root;
        try {
            root = XmlScanner.scan(text);
        } catch (XmlScanner.MalformedException e) {
            throw new ConfigFileException(source, e.line(), e.getMessage());
        }
        Optional<XmlNode> rules = root.child("system.webServer").flatMap(s -> s.child("rewrite"))
                .flatMap(r -> r.child("globalRules"));
        Optional<XmlNode> binds = root.child("system.applicationHost").flatMap(a -> a.child("sites"))
                .flatMap(s -> named(s.children("site"), SiteBinding.DEFAULT_WEB_SITE)).flatMap(s -> s.child("bindings"));
        return readModel(source, root.child("webFarms"), rules, binds, new HashMap<>(), new HashMap<>(),
                new HashMap<>());
    }

    private static ArrConfig readModel(String source, Optional<XmlNode> webFarms, Optional<XmlNode> globalRules,
            Optional<XmlNode> bindings, Map<String, XmlNode> farmNodes, Map<String, XmlNode> ruleNodes,
            Map<String, XmlNode> bindingNodes) {
        ArrConfig.Builder b = ArrConfig.builder();
        try {
            if (webFarms.isPresent()) {
                for (XmlNode f : webFarms.get().children("webFarm")) {
                    WebFarm farm = ArrXml.readFarm(f);
                    XmlNode first = farmNodes.putIfAbsent(key(farm.name()), f);
                    if (first != null) {
                        throw new ConfigFileException(source, f.line(), "webFarm '" + farm.name()
                                + "' is defined twice (first at line " + first.line() + ")");
                    }
                    b.farm(farm);
                }
            }
            if (globalRules.isPresent()) {
                for (XmlNode r : globalRules.get().children("rule")) {
                    RewriteRule rule = ArrXml.readRule(r);
                    XmlNode first = ruleNodes.putIfAbsent(key(rule.name()), r);
                    if (first != null) {
                        throw new ConfigFileException(source, r.line(), "globalRules rule '" + rule.name()
                                + "' is defined twice (first at line " + first.line() + ")");
                    }
                    b.rule(rule);
                }
            }
            if (bindings.isPresent()) {
                for (XmlNode n : bindings.get().children("binding")) {
                    SiteBinding binding = ArrXml.readBinding(SiteBinding.DEFAULT_WEB_SITE, n);
                    if (binding == null) {
                        continue;
                    }
                    XmlNode first = bindingNodes.putIfAbsent(key(binding.key()), n);
                    if (first != null) {
                        throw new ConfigFileException(source, n.line(), "binding " + binding.key()
                                + " of the Default Web Site is defined twice (first at line " + first.line() + ")");
                    }
                    b.binding(binding);
                }
            }
        } catch (ArrXml.Problem p) {
            throw new ConfigFileException(source, p.node().line(), p.node().path() + ": " + p.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigFileException(source, 0, e.getMessage());
        }
        return b.build();
    }

    // ---------------------------------------------------------------- merge

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
     * @param desired what hakit wants (from {@link ArrConfigRenderer#render})
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
            return bytes.clone();
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
        byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
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
                replace(node, ArrXml.farm(f, node, text), edits);
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
                replace(node, ArrXml.rule(r, node, text), edits);
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

    // ---------------------------------------------------------------- write

    /**
     * Replaces the file this was read from with {@code merged}: checks that nobody changed or locked
     * the file since it was read, writes a timestamped backup of the original
     * ({@code applicationHost.config.20261129T031500Z.bak}) into {@code backupDirectory}, then
     * writes a temporary file beside the original and moves it over the original atomically.
     *
     * @param merged the new content, from {@link #merge}
     * @param backupDirectory where the backup goes; the file's own directory when empty
     * @param clock the clock for the backup's timestamp
     * @return the backup's path
     * @throws ConfigFileException when the file is read-only, locked, changed since it was read, or
     *     cannot be written; the file is then unchanged
     * @throws IllegalStateException when this was not read from a file
     */
    public Path replace(byte[] merged, Optional<Path> backupDirectory, Clock clock) {
        Objects.requireNonNull(merged, "merged");
        Objects.requireNonNull(backupDirectory, "backupDirectory");
        Objects.requireNonNull(clock, "clock");
        Path file = path.orElseThrow(() -> new IllegalStateException("not read from a file: " + source));
        Path dir = file.toAbsolutePath().getParent();
        if (readOnly(file)) {
            throw new ConfigFileException(source, 0, "is read-only; nothing was written");
        }
        Path temp = null;
        try {
            Path backup;
            // Locks are mandatory on Windows: everything is checked through the locked channel, which is closed
            // again just before the move (the move itself is atomic).
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    throw new ConfigFileException(source, 0, "is locked by another process; nothing was written");
                }
                unchangedSinceRead(file, channel);
                backup = backup(file, backupDirectory.orElse(dir), clock);
                temp = Files.createTempFile(dir, "." + file.getFileName(), ".hakit.tmp");
                Files.write(temp, merged);
                copyPermissions(file, temp);
                unchangedSinceRead(file, channel);
                lock.release();
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.debug("replaced {} ({} bytes), backup {}", file, merged.length, backup);
            return backup;
        } catch (AtomicMoveNotSupportedException e) {
            throw new ConfigFileException(source, "cannot be replaced atomically in its directory; nothing was written",
                    e);
        } catch (AccessDeniedException e) {
            throw new ConfigFileException(source, 0, "cannot be written: permission denied; nothing was written");
        } catch (IOException e) {
            throw new ConfigFileException(source, "cannot be written (" + e.getMessage() + "); nothing was written", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}: {}", temp, e.toString());
                }
            }
        }
    }

    private void unchangedSinceRead(Path file, FileChannel channel) throws IOException {
        FileTime now = Files.getLastModifiedTime(file);
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new ConfigFileException(source, 0, "grew to " + size + " bytes since hakit read it; nothing was written");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        long at = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        byte[] current = Arrays.copyOf(buffer.array(), buffer.position());
        if (!Arrays.equals(current, bytes) || !modified.map(now::equals).orElse(false)) {
            throw new ConfigFileException(source, 0, "was changed by another writer since hakit read it (modified "
                    + now + "); nothing was written: read it again and re-run");
        }
    }

    private Path backup(Path file, Path directory, Clock clock) throws IOException {
        Files.createDirectories(directory);
        String base = file.getFileName() + "." + STAMP.format(clock.instant());
        Path backup = directory.resolve(base + ".bak");
        for (int i = 1; Files.exists(backup, LinkOption.NOFOLLOW_LINKS); i++) {
            backup = directory.resolve(base + "-" + i + ".bak");
        }
        Files.write(backup, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return backup;
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view != null) {
            Files.setPosixFilePermissions(to, view.readAttributes().permissions());
        }
    }

    private static boolean readable(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null && !view.readAttributes().permissions().contains(PosixFilePermission.OWNER_READ)) {
            return false;
        }
        return Files.isReadable(file);
    }

    private static boolean readOnly(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view != null && !view.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE)) {
                return true;
            }
            if (view == null) {
                DosFileAttributes dos = Files.readAttributes(file, DosFileAttributes.class);
                if (dos.isReadOnly()) {
                    return true;
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot read the attributes of {}: {}", file, e.toString());
        }
        return !Files.isWritable(file);
    }

    @Override
    public String toString() {
        return "ApplicationHostConfig[" + source + ", " + arr.farms().size() + " farms, " + arr.rules().size()
                + " global rules, " + arr.bindings().size() + " bindings]";
    }
}
