package io.hakit.iis;

import io.hakit.iis.internal.ArrXml;
import io.hakit.iis.internal.ConfigMerger;
import io.hakit.iis.internal.SafeFileWriter;
import io.hakit.iis.internal.XmlNode;
import io.hakit.iis.internal.XmlScanner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    /**
     * The largest file hakit reads: {@value} bytes (32 MiB). A stock applicationHost.config is about
     * 50 KB; one with 500 farms of 10 members each about 1.4 MB.
     */
    public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

    private final Optional<Path> path;
    private final String source;
    private final byte[] bytes;
    private final Optional<FileTime> modified;
    private final boolean bom;
    private final String text;
    private final String newline;
    private final XmlNode root;
    private final ArrConfig arr;
    private final Map<String, XmlNode> farmNodes = new HashMap<>();
    private final Map<String, XmlNode> ruleNodes = new HashMap<>();
    private final Map<String, XmlNode> bindingNodes = new HashMap<>();
    private final ConfigMerger merger;

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
        Optional<XmlNode> globalRules = root.child("system.webServer").flatMap(s -> s.child("rewrite"))
                .flatMap(r -> r.child("globalRules"));
        Optional<XmlNode> bindings = root.child("system.applicationHost").flatMap(a -> a.child("sites"))
                .flatMap(s -> named(s.children("site"), SiteBinding.DEFAULT_WEB_SITE)).flatMap(s -> s.child("bindings"));
        this.arr = readModel(source, root.child("webFarms"), globalRules, bindings, farmNodes, ruleNodes,
                bindingNodes);
        this.merger = new ConfigMerger(source, text, bom, root, arr, farmNodes, ruleNodes, bindingNodes);
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
            if (!SafeFileWriter.readable(file)) {
                throw new ConfigFileException(name, 0, "cannot be read: permission denied");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ConfigFileException(name, 0, "is " + size + " bytes; hakit reads files of at most "
                        + MAX_FILE_BYTES + " bytes (an applicationHost.config is far smaller)");
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
        if (content.length > MAX_FILE_BYTES) {
            throw new ConfigFileException(source, 0, "is " + content.length + " bytes; hakit reads files of at most "
                    + MAX_FILE_BYTES + " bytes (an applicationHost.config is far smaller)");
        }
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

    /**
     * Merges hakit's objects into the file's text and returns the new bytes. Farms and rules with
     * hakit's names are rewritten in place when they differ from {@code desired} (attribute by attribute,
     * schema defaults counted as set), keeping the attributes and child elements of the file's copy that
     * hakit does not model, its members' order and its place among the rules; missing ones are added (new
     * rules at the top of {@code globalRules}, in the rendered order); the rules named in
     * {@code removedRules} are deleted; Default Web Site bindings are added or their {@code sslFlags}
     * corrected. Nothing else changes. Merging the result again gives the same bytes.
     *
     * @param desired what hakit wants (from {@link ArrConfigRenderer#render})
     * @param removedRules names of global rules that must not exist (the wizard's non-SSL rules)
     * @return the merged file's bytes, with the original byte-order mark and line endings
     * @throws ConfigFileException when the file has no Default Web Site to bind and {@code desired} has bindings
     */
    public byte[] merge(ArrConfig desired, Collection<String> removedRules) {
        return merger.merge(desired, removedRules);
    }

    // ---------------------------------------------------------------- write

    /**
     * Replaces the file this was read from with {@code merged}. When the path is a symbolic link, the real
     * file behind it is the one changed (the link stays a link). Checks that nobody changed or locked the
     * file since it was read, writes a timestamped backup of the original
     * ({@code applicationHost.config.20261129T031500Z.bak}) into {@code backupDirectory}, then writes a
     * temporary file beside the real file and moves it over the real file atomically. The backup and the new
     * file keep the original's permissions (POSIX mode, and the ACL where the file system has one).
     *
     * @param merged the new content, from {@link #merge}
     * @param backupDirectory where the backup goes; the real file's own directory when empty
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
        return SafeFileWriter.replace(file, source, bytes, modified, merged, backupDirectory, clock);
    }

    @Override
    public String toString() {
        return "ApplicationHostConfig[" + source + ", " + arr.farms().size() + " farms, " + arr.rules().size()
                + " global rules, " + arr.bindings().size() + " bindings]";
    }
}
