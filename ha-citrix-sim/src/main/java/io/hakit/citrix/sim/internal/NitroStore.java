package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.hakit.sim.SimulatorException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The configuration of one simulated ADC and every operation on it, validated as NITRO validates.
 * Not thread-safe: the caller holds one lock around every call. An operation either changes the
 * state completely or throws {@link SimulatorException} and changes nothing.
 */
public final class NitroStore {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** the default directory of certificate and key files */
    public static final String SSL_DIR = "/nsconfig/ssl/";
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final DateTimeFormatter CERT_DATE =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** resource type to (identity to stored attributes); objects, AUTO resources and bindings alike */
    private final Map<String, TreeMap<String, ObjectNode>> data = new TreeMap<>();
    /** full path to {filename, filelocation, filecontent, fileencoding} */
    private final TreeMap<String, ObjectNode> files = new TreeMap<>();

    /** @return a deep copy, for rollback */
    public NitroStore copy() {
        NitroStore c = new NitroStore();
        data.forEach((type, rows) -> {
            TreeMap<String, ObjectNode> copy = new TreeMap<>();
            rows.forEach((k, v) -> copy.put(k, v.deepCopy()));
            c.data.put(type, copy);
        });
        files.forEach((k, v) -> c.files.put(k, v.deepCopy()));
        return c;
    }

    /**
     * Puts back a state taken with {@link #copy()}.
     *
     * @param saved the state to restore
     */
    public void restore(NitroStore saved) {
        NitroStore c = saved.copy();
        data.clear();
        data.putAll(c.data);
        files.clear();
        files.putAll(c.files);
    }

    /** @return every object, binding and file, in a deterministic order, as stored */
    public ObjectNode snapshot() {
        ObjectNode out = F.objectNode();
        data.forEach((type, rows) -> {
            if (!rows.isEmpty()) {
                ArrayNode a = out.putArray(type);
                rows.values().forEach(v -> a.add(sorted(v)));
            }
        });
        if (!files.isEmpty()) {
            ArrayNode a = out.putArray("systemfile");
            files.values().forEach(v -> a.add(sorted(v)));
        }
        return out;
    }

    private static ObjectNode sorted(ObjectNode v) {
        ObjectNode o = F.objectNode();
        new TreeMap<String, JsonNode>(toMap(v)).forEach((k, x) -> o.set(k, x.deepCopy()));
        return o;
    }

    private static Map<String, JsonNode> toMap(ObjectNode v) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        v.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private TreeMap<String, ObjectNode> rows(String type) {
        return data.computeIfAbsent(type, t -> new TreeMap<>());
    }

    ObjectNode find(String type, String key) {
        TreeMap<String, ObjectNode> r = data.get(type);
        return r == null ? null : r.get(key);
    }

    List<ObjectNode> all(String type) {
        TreeMap<String, ObjectNode> r = data.get(type);
        return r == null ? List.of() : new ArrayList<>(r.values());
    }

    // ------------------------------------------------------------------ definitions and values

    /**
     * @param resource a resource name from a URL or body
     * @return its definition
     * @throws SimulatorException 258 when the simulator does not serve that resource
     */
    public static ResourceDef def(String resource) {
        ResourceDef d = Schema.get(resource);
        if (d == null) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "resource", resource);
        }
        return d;
    }

    /**
     * @param resource a resource name
     * @return the parent's key attribute when the resource is a binding the simulator serves, else {@code null}
     */
    public static String parentKey(String resource) {
        ResourceDef d = Schema.get(resource);
        return d != null && d.isBinding() ? d.key : null;
    }

    /** @return whether the resource is a binding the simulator serves */
    static boolean isBinding(String resource) {
        ResourceDef d = Schema.get(resource);
        return d != null && d.isBinding();
    }

    /**
     * Converts one input value to the form the ADC stores.
     */
    static JsonNode canonical(ResourceDef d, String attr, JsonNode v) {
        Attr t = d.type(attr);
        String shown = v.isTextual() ? v.textValue() : v.toString();
        switch (t.type) {
            case INT: {
                long n;
                if (v.isIntegralNumber()) {
                    n = v.longValue();
                } else if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue())) {
                    n = (long) v.doubleValue();
                } else if (v.isTextual()) {
                    try {
                        n = Long.parseLong(v.textValue().trim());
                    } catch (NumberFormatException e) {
                        throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                    }
                } else {
                    throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                }
                if (n < t.min || n > t.max) {
                    throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                }
                return LongNode.valueOf(n);
            }
            case BOOL:
                if (v.isBoolean()) {
                    return v;
                }
                if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
                    return BooleanNode.valueOf(Boolean.parseBoolean(v.textValue().toLowerCase(Locale.ROOT)));
                }
                throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
            case ENUM: {
                if (!v.isValueNode()) {
                    throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                }
                String c = t.values.get(v.asText().trim().toUpperCase(Locale.ROOT));
                if (c == null) {
                    throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                }
                return TextNode.valueOf(c);
            }
            case LIST: {
                ArrayNode a = F.arrayNode();
                if (v.isArray()) {
                    for (JsonNode x : v) {
                        if (!x.isValueNode()) {
                            throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                        }
                        a.add(x.asText());
                    }
                } else if (v.isValueNode()) {
                    a.add(v.asText());
                } else {
                    throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                }
                return a;
            }
            default:
                if (v.isContainerNode()) {
                    throw error(NitroErrorCodes.INVALID_VALUE, attr, shown);
                }
                return TextNode.valueOf(v.asText());
        }
    }

    /**
     * Checks every attribute against an allowed list and converts it; nulls are ignored.
     */
    private static ObjectNode accept(ResourceDef d, ObjectNode in, java.util.Set<String> allowed) {
        ObjectNode out = F.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = in.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!allowed.contains(e.getKey())) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, e.getKey());
            }
            if (e.getValue() == null || e.getValue().isNull()) {
                continue;
            }
            out.set(e.getKey(), canonical(d, e.getKey(), e.getValue()));
        }
        return out;
    }

    private static String text(ObjectNode o, String attr) {
        JsonNode v = o.get(attr);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(ObjectNode o, String attr) {
        String v = text(o, attr);
        if (v == null || v.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, attr);
        }
        return v;
    }

    private static void fillDefaults(ResourceDef d, ObjectNode o) {
        d.defaults.forEach((k, v) -> {
            if (!o.has(k)) {
                o.set(k, v instanceof Long ? LongNode.valueOf((Long) v) : TextNode.valueOf(v.toString()));
            }
        });
    }

    // ------------------------------------------------------------------ add

    /**
     * Adds an object, or binds when the resource is a binding.
     *
     * @param resource the resource type
     * @param item the attributes, as sent
     * @param idempotent {@code ?idempotent=yes}: an existing object is updated instead
     */
    public void add(String resource, ObjectNode item, boolean idempotent) {
        ResourceDef d = def(resource);
        if (d.kind == ResourceDef.Kind.BINDING) {
            bind(d, item);
            return;
        }
        if (d.kind == ResourceDef.Kind.AUTO) {
            throw error(NitroErrorCodes.NOT_PERMITTED, "add", d.name);
        }
        ObjectNode o = accept(d, item, d.add);
        String key = required(o, d.key);
        ObjectNode existing = find(d.name, key);
        if (existing != null) {
            if (idempotent) {
                ObjectNode upd = item.deepCopy();
                for (String immutable : d.add) {
                    if (!d.update.contains(immutable) && !immutable.equals(d.key) && upd.has(immutable)) {
                        JsonNode now = existing.get(immutable);
                        if (now == null || !now.equals(o.get(immutable))) {
                            throw error(NitroErrorCodes.INVALID_ARGUMENT, immutable);
                        }
                        upd.remove(immutable);
                    }
                }
                serverIpUnique(d, o, key);
                update(resource, upd, null);
                return;
            }
            throw error(NitroErrorCodes.EXISTS);
        }
        switch (d.name) {
            case "server":
                checkServer(o, key);
                break;
            case "servicegroup":
                required(o, "servicetype");
                boolean tcp = Schema.tcpLike(text(o, "servicetype"));
                o.putIfAbsent("clttimeout", LongNode.valueOf(tcp ? 9000 : 180));
                o.putIfAbsent("svrtimeout", LongNode.valueOf(tcp ? 9000 : 360));
                checkProfile(o);
                break;
            case "lbmonitor":
                required(o, "type");
                if ("HTTP".equals(text(o, "type")) && !o.has("respcode")) {
                    o.set("respcode", F.arrayNode().add("200"));
                }
                normaliseInterval(o);
                break;
            case "lbvserver":
                required(o, "servicetype");
                o.putIfAbsent("clttimeout", LongNode.valueOf(Schema.tcpLike(text(o, "servicetype")) ? 9000 : 180));
                checkVserver(o, key);
                break;
            case "sslcertkey":
                checkCertkey(o);
                break;
            default:
                break;
        }
        fillDefaults(d, o);
        rows(d.name).put(key, o);
        // the ADC creates the SSL twin of a TLS vserver or group
        if (d.name.equals("lbvserver") && Schema.terminatesTls(text(o, "servicetype"))) {
            createTwin("sslvserver", key);
        } else if (d.name.equals("servicegroup") && Schema.terminatesTls(text(o, "servicetype"))) {
            createTwin("sslservicegroup", key);
        }
    }

    private void createTwin(String type, String key) {
        ResourceDef t = Schema.get(type);
        ObjectNode twin = F.objectNode().put(t.key, key);
        fillDefaults(t, twin);
        rows(type).put(key, twin);
    }

    private void checkServer(ObjectNode o, String key) {
        String ip = text(o, "ipaddress");
        String domain = text(o, "domain");
        String v6 = text(o, "ipv6address");
        if (ip != null && domain != null) {
            throw error(NitroErrorCodes.BOTH_SPECIFIED, "IPAddress", "domain");
        }
        if (ip == null && domain == null && v6 == null) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, "IPAddress");
        }
        if (ip != null && !IPV4.matcher(ip).matches() && !IPV6.matcher(ip).matches()) {
            throw error(NitroErrorCodes.INVALID_VALUE, "IPAddress", ip);
        }
        if (domain != null) {
            o.putIfAbsent("domainresolveretry", LongNode.valueOf(5));
            o.putIfAbsent("querytype", TextNode.valueOf("A"));
        }
        serverIpUnique(Schema.get("server"), o, key);
    }

    private void serverIpUnique(ResourceDef d, ObjectNode o, String key) {
        if (!d.name.equals("server")) {
            return;
        }
        String ip = text(o, "ipaddress");
        if (ip == null) {
            return;
        }
        for (ObjectNode s : all("server")) {
            if (ip.equals(text(s, "ipaddress")) && !key.equals(text(s, "name"))) {
                throw error(NitroErrorCodes.SERVER_EXISTS, ip);
            }
        }
    }

    private void checkProfile(ObjectNode o) {
        String p = text(o, "tcpprofilename");
        if (p != null && find("nstcpprofile", p) == null) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "tcpProfileName", p);
        }
    }

    private void checkVserver(ObjectNode o, String key) {
        String ip = text(o, "ipv46");
        if (ip != null && !ip.equals("0.0.0.0")) {
            if (!IPV4.matcher(ip).matches() && !IPV6.matcher(ip).matches()) {
                throw error(NitroErrorCodes.INVALID_VALUE, "ipv46", ip);
            }
            if (!o.has("port") || o.get("port").asLong() == 0) {
                throw error(NitroErrorCodes.ARGUMENT_MISSING, "port");
            }
        }
        String persistence = text(o, "persistencetype");
        if (o.has("timeout") && o.get("timeout").asLong() < 2 && !"COOKIEINSERT".equals(persistence)) {
            throw error(NitroErrorCodes.INVALID_VALUE, "timeout", o.get("timeout").asText());
        }
        String backup = text(o, "backupvserver");
        if (backup != null) {
            if (backup.equals(key)) {
                throw error(NitroErrorCodes.INVALID_BACKUP, backup);
            }
            if (find("lbvserver", backup) == null) {
                throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "backupVServer", backup);
            }
        }
        checkProfile(o);
    }

    private void checkCertkey(ObjectNode o) {
        String certPath = filePath(required(o, "cert"));
        ObjectNode certFile = files.get(certPath);
        if (certFile == null) {
            throw error(NitroErrorCodes.NO_CERTIFICATE, "cert", certPath);
        }
        // cert and key stay as given (a bare name or a full path; the ADC echoes what it was told)
        String key = text(o, "key");
        if (key != null) {
            String keyPath = filePath(key);
            if (!files.containsKey(keyPath)) {
                throw error(NitroErrorCodes.NO_CERTIFICATE, "key", keyPath);
            }
        }
        if (!"PFX".equals(text(o, "inform")) && certificate(certFile) == null) {
            throw error(NitroErrorCodes.INVALID_VALUE, "cert", certPath);
        }
    }

    private static X509Certificate certificate(ObjectNode file) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text(file, "filecontent"));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    static String filePath(String nameOrPath) {
        return nameOrPath.startsWith("/") ? nameOrPath : SSL_DIR + nameOrPath;
    }

    private static void normaliseInterval(ObjectNode o) {
        // NITRO shows a whole number of minutes in MIN (vendor notes 2.2, Ansible issue 324)
        JsonNode interval = o.get("interval");
        if (interval != null && "SEC".equals(text(o, "units3") == null ? "SEC" : text(o, "units3"))) {
            long n = interval.asLong();
            if (n >= 60 && n % 60 == 0) {
                o.put("interval", n / 60);
                o.put("units3", "MIN");
            }
        }
    }

    // ------------------------------------------------------------------ update

    /**
     * Updates an object ({@code PUT}); a binding has no update, so a PUT to a binding binds.
     *
     * @param resource the resource type
     * @param item the attributes, including the key
     * @param pathName the name in the URL, or {@code null}
     */
    public void update(String resource, ObjectNode item, String pathName) {
        ResourceDef d = def(resource);
        if (d.kind == ResourceDef.Kind.BINDING) {
            bind(d, item);
            return;
        }
        ObjectNode o = accept(d, item, d.update.contains(d.key) ? d.update : ResourceDef.plus(d.update, d.key));
        String key = required(o, d.key);
        if (pathName != null && !pathName.equals(key)) {
            throw error(NitroErrorCodes.INVALID_VALUE, d.key, key);
        }
        ObjectNode existing = existing(d, key);
        ObjectNode merged = existing.deepCopy();
        switch (d.name) {
            case "lbmonitor": {
                String type = required(o, "type");
                if (!type.equals(text(existing, "type"))) {
                    throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "monitorName", key);
                }
                break;
            }
            case "servicegroup":
                if (memberUpdate(key, o)) {
                    return;
                }
                break;
            case "lbvserver":
                if (o.has("servicename")) {
                    throw error(NitroErrorCodes.NO_SERVICE);
                }
                if (o.has("weight") || o.has("order")) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "serviceName");
                }
                break;
            default:
                break;
        }
        o.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        if (d.name.equals("lbmonitor")) {
            if (o.has("interval") && !o.has("units3")) {
                // an interval sent without its unit is in the default unit, seconds (Ansible issue 324)
                merged.put("units3", "SEC");
            }
            normaliseInterval(merged);
        } else if (d.name.equals("lbvserver")) {
            checkVserver(merged, key);
        } else if (d.name.equals("servicegroup")) {
            checkProfile(merged);
        } else if (d.name.equals("server")) {
            serverIpUnique(d, merged, key);
        }
        rows(d.name).put(key, merged);
    }

    private ObjectNode existing(ResourceDef d, String key) {
        ObjectNode existing = find(d.name, key);
        if (existing == null) {
            if (d.name.equals("sslvserver")) {
                throw error(NitroErrorCodes.NO_SUCH_VSERVER, key);
            }
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, d.key, key);
        }
        return existing;
    }

    /** {@code set servicegroup <sg> <server> <port> -weight N}: returns true when the body addressed a member */
    private boolean memberUpdate(String group, ObjectNode o) {
        boolean member = o.has("servername") || o.has("port");
        if (!member) {
            for (String a : List.of("weight", "customserverid", "dbsttl", "hashid", "nameserver", "order",
                    "monitor_name_svc", "dup_weight")) {
                if (o.has(a)) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "serverName");
                }
            }
            return false;
        }
        String server = required(o, "servername");
        String port = required(o, "port");
        ObjectNode m = find("servicegroup_servicegroupmember_binding", memberId(group, server, port));
        if (m == null) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "serverName", server);
        }
        ObjectNode mm = m.deepCopy();
        ObjectNode monitorBinding = null;
        if (o.has("monitor_name_svc")) {
            monitorBinding = find("servicegroup_lbmonitor_binding", group + "\u0000" + text(o, "monitor_name_svc"));
            if (monitorBinding == null) {
                throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "monitorName", text(o, "monitor_name_svc"));
            }
            monitorBinding = monitorBinding.deepCopy();
            if (o.has("dup_weight")) {
                monitorBinding.set("weight", o.get("dup_weight"));
            }
        }
        for (String a : List.of("weight", "customserverid", "dbsttl", "hashid", "nameserver", "order")) {
            if (o.has(a)) {
                ResourceDef md = Schema.get("servicegroup_servicegroupmember_binding");
                mm.set(a, canonical(md, a, o.get(a)));
            }
        }
        rows("servicegroup_servicegroupmember_binding").put(memberId(group, server, port), mm);
        if (monitorBinding != null) {
            rows("servicegroup_lbmonitor_binding").put(group + "\u0000" + text(o, "monitor_name_svc"), monitorBinding);
        }
        return true;
    }

    // ------------------------------------------------------------------ delete

    /**
     * Deletes an object; the ADC also removes its own bindings, but refuses while another object
     * still refers to it.
     *
     * @param resource the resource type
     * @param name the key
     * @param args the {@code ?args=} of the request
     */
    public void delete(String resource, String name, Map<String, String> args) {
        ResourceDef d = def(resource);
        if (d.kind == ResourceDef.Kind.BINDING) {
            unbind(resource, name, args);
            return;
        }
        if (d.kind == ResourceDef.Kind.AUTO) {
            throw error(NitroErrorCodes.NOT_PERMITTED, "delete", d.name);
        }
        for (String a : args.keySet()) {
            if (!d.deleteArgs.contains(a)) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, a);
            }
        }
        ObjectNode o = existing(d, name);
        switch (d.name) {
            case "lbmonitor": {
                String type = args.get("type");
                if (type == null) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "type");
                }
                if (!type.equalsIgnoreCase(text(o, "type"))) {
                    throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "monitorName", name);
                }
                inUse(refs("servicegroup_lbmonitor_binding", "monitor_name", name));
                break;
            }
            case "server":
                inUse(refs("servicegroup_servicegroupmember_binding", "servername", name));
                break;
            case "servicegroup":
                inUse(refs("lbvserver_servicegroup_binding", "servicegroupname", name));
                cascade(name, "servicegroup_servicegroupmember_binding", "servicegroup_lbmonitor_binding",
                        "sslservicegroup_sslcertkey_binding", "sslservicegroup");
                break;
            case "lbvserver":
                inUse(refs("lbvserver", "backupvserver", name));
                cascade(name, "lbvserver_servicegroup_binding", "sslvserver_sslcertkey_binding", "sslvserver");
                break;
            case "sslcertkey":
                if (!refs("sslvserver_sslcertkey_binding", "certkeyname", name).isEmpty()
                        || !refs("sslservicegroup_sslcertkey_binding", "certkeyname", name).isEmpty()
                        || !refs("sslcertkey", "linkcertkeyname", name).isEmpty()) {
                    throw error(NitroErrorCodes.CERTIFICATE_REFERENCED);
                }
                break;
            case "nstcpprofile":
                inUse(refs("lbvserver", "tcpprofilename", name));
                inUse(refs("servicegroup", "tcpprofilename", name));
                break;
            default:
                break;
        }
        rows(d.name).remove(name);
    }

    private List<ObjectNode> refs(String type, String attr, String value) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode o : all(type)) {
            if (value.equals(text(o, attr))) {
                out.add(o);
            }
        }
        return out;
    }

    private static void inUse(List<ObjectNode> refs) {
        if (!refs.isEmpty()) {
            throw error(NitroErrorCodes.IN_USE);
        }
    }

    private void cascade(String parentKey, String... types) {
        for (String type : types) {
            ResourceDef d = Schema.get(type);
            rows(type).values().removeIf(o -> parentKey.equals(text(o, d.key)));
        }
    }

    // ------------------------------------------------------------------ bindings

    static String memberId(String group, String server, String port) {
        return group + "\u0000" + server + "\u0000" + port;
    }

    private String bindingId(ResourceDef d, ObjectNode o) {
        StringBuilder b = new StringBuilder(text(o, d.key));
        for (String k : d.childKeys) {
            b.append('\u0000').append(text(o, k));
        }
        return b.toString();
    }

    private void bind(ResourceDef d, ObjectNode item) {
        ObjectNode o = accept(d, item, d.add);
        String parentKey = required(o, d.key);
        requireParent(d, parentKey);
        switch (d.name) {
            case "servicegroup_servicegroupmember_binding": {
                String ip = text(o, "ip");
                String server = text(o, "servername");
                if (ip != null && server != null) {
                    throw error(NitroErrorCodes.BOTH_SPECIFIED, "serverName", "IP");
                }
                if (ip == null && server == null) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "serverName");
                }
                required(o, "port");
                if (server == null) {
                    server = serverForIp(ip, true);
                    o.remove("ip");
                    o.put("servername", server);
                } else if (find("server", server) == null) {
                    throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "serverName", server);
                }
                break;
            }
            case "servicegroup_lbmonitor_binding": {
                String monitor = required(o, "monitor_name");
                if (find("lbmonitor", monitor) == null) {
                    throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "monitorName", monitor);
                }
                break;
            }
            case "lbvserver_servicegroup_binding": {
                String group = text(o, "servicegroupname");
                if (group != null && o.has("servicename")) {
                    throw error(NitroErrorCodes.BOTH_SPECIFIED, "serviceName", "serviceGroupName");
                }
                if (o.has("servicename")) {
                    throw error(NitroErrorCodes.NO_SERVICE);
                }
                required(o, "servicegroupname");
                if (find("servicegroup", group) == null) {
                    throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "serviceGroupName", group);
                }
                break;
            }
            default: { // certificate bindings
                String cert = required(o, "certkeyname");
                if (find("sslcertkey", cert) == null) {
                    throw error(NitroErrorCodes.NO_CERTIFICATE, cert);
                }
                break;
            }
        }
        String id = bindingId(d, o);
        if (find(d.name, id) != null) {
            throw error(NitroErrorCodes.EXISTS);
        }
        fillDefaults(d, o);
        rows(d.name).put(id, o);
    }

    private void requireParent(ResourceDef d, String parentKey) {
        if (find(d.parent, parentKey) != null) {
            return;
        }
        if (d.parent.equals("sslvserver")) {
            throw error(NitroErrorCodes.NO_SUCH_VSERVER, parentKey);
        }
        throw error(NitroErrorCodes.NO_SUCH_RESOURCE, d.parent.equals("lbvserver") ? "name" : "serviceGroupName", parentKey);
    }

    private String serverForIp(String ip, boolean create) {
        for (ObjectNode s : all("server")) {
            if (ip.equals(text(s, "ipaddress"))) {
                return text(s, "name");
            }
        }
        if (!create) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "IP", ip);
        }
        // the ADC creates a server named after the address (bind servicegroup sg 10.0.0.1 80)
        ObjectNode s = F.objectNode().put("name", ip).put("ipaddress", ip);
        checkServer(s, ip);
        fillDefaults(Schema.get("server"), s);
        rows("server").put(ip, s);
        return ip;
    }

    /**
     * Removes one binding.
     *
     * @param resource the binding type
     * @param parentKey the parent's name (from the URL)
     * @param args the child's identity ({@code ?args=})
     */
    public void unbind(String resource, String parentKey, Map<String, String> args) {
        ResourceDef d = def(resource);
        if (!d.isBinding()) {
            throw error(NitroErrorCodes.INVALID_ARGUMENT, resource);
        }
        for (String a : args.keySet()) {
            if (!d.deleteArgs.contains(a)) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, a);
            }
        }
        requireParent(d, parentKey);
        String id;
        switch (d.name) {
            case "servicegroup_servicegroupmember_binding": {
                String server = args.get("servername");
                String ip = args.get("ip");
                if (server != null && ip != null) {
                    throw error(NitroErrorCodes.BOTH_SPECIFIED, "serverName", "IP");
                }
                if (server == null && ip == null) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "serverName");
                }
                if (server == null) {
                    server = serverForIp(ip, false);
                }
                String port = args.get("port");
                if (port == null) {
                    throw error(NitroErrorCodes.ARGUMENT_MISSING, "port");
                }
                id = memberId(parentKey, server, String.valueOf(canonical(d, "port", TextNode.valueOf(port)).asLong()));
                break;
            }
            case "lbvserver_servicegroup_binding":
                if (args.containsKey("servicename")) {
                    throw error(NitroErrorCodes.NO_SERVICE);
                }
                id = parentKey + "\u0000" + required(args, "servicegroupname");
                break;
            case "servicegroup_lbmonitor_binding":
                id = parentKey + "\u0000" + required(args, "monitor_name");
                break;
            default: {
                String cert = required(args, "certkeyname");
                id = parentKey + "\u0000" + cert;
                ObjectNode b = find(d.name, id);
                if (b == null) {
                    throw error(NitroErrorCodes.NO_CERTIFICATE_BINDING);
                }
                for (String flag : List.of("ca", "snicert")) {
                    boolean bound = b.path(flag).asBoolean(false);
                    boolean said = args.containsKey(flag)
                            && canonical(d, flag, TextNode.valueOf(args.get(flag))).asBoolean();
                    if (bound != said) {
                        throw error(NitroErrorCodes.NO_CERTIFICATE_BINDING);
                    }
                }
                break;
            }
        }
        if (rows(d.name).remove(id) == null) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, d.childKeys.get(0), id.substring(id.indexOf('\u0000') + 1)
                    .replace('\u0000', ':'));
        }
    }

    private static String required(Map<String, String> args, String name) {
        String v = args.get(name);
        if (v == null || v.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, name);
        }
        return v;
    }

    // ------------------------------------------------------------------ actions

    /**
     * Runs {@code POST /config/<resource>?action=<action>}.
     *
     * @param resource the resource type
     * @param action the verb: enable, disable, unset, update (sslcertkey), link, unlink
     * @param item the body's object
     */
    public void action(String resource, String action, ObjectNode item) {
        ResourceDef d = def(resource);
        java.util.Set<String> allowed = d.actions.get(action.toLowerCase(Locale.ROOT));
        if (allowed == null) {
            throw error(NitroErrorCodes.INVALID_VALUE, "action", action);
        }
        String verb = action.toLowerCase(Locale.ROOT);
        if (verb.equals("unset")) {
            unset(d, item, allowed);
            return;
        }
        ObjectNode o = accept(d, item, allowed);
        String key = required(o, d.key);
        ObjectNode existing = existing(d, key);
        ObjectNode merged = existing.deepCopy();
        switch (verb) {
            case "enable":
            case "disable": {
                String state = verb.equals("enable") ? "ENABLED" : "DISABLED";
                if (d.name.equals("servicegroup") && (o.has("servername") || o.has("port"))) {
                    String id = memberId(key, required(o, "servername"), required(o, "port"));
                    ObjectNode m = find("servicegroup_servicegroupmember_binding", id);
                    if (m == null) {
                        throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "serverName", text(o, "servername"));
                    }
                    memberState(m, verb, o);
                    return;
                }
                if (d.name.equals("lbmonitor") && o.has("servicename")) {
                    throw error(NitroErrorCodes.NO_SERVICE);
                }
                if (d.name.equals("lbmonitor") && o.has("servicegroupname")) {
                    ObjectNode b = find("servicegroup_lbmonitor_binding", text(o, "servicegroupname") + "\u0000" + key);
                    if (b == null) {
                        throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "monitorName", key);
                    }
                    b.put("monstate", state);
                    return;
                }
                merged.put("state", state);
                break;
            }
            case "update": { // sslcertkey "change": new cert/key files in place
                ObjectNode probe = merged.deepCopy();
                for (String a : List.of("cert", "key", "inform")) {
                    if (o.has(a)) {
                        probe.set(a, o.get(a));
                    }
                }
                if (o.has("cert") && !o.has("key") && existing.has("key")) {
                    probe.remove("key");
                }
                checkCertkey(probe);
                merged = probe;
                break;
            }
            case "rename": {
                String newName = required(o, "newname");
                if (find(d.name, newName) != null) {
                    throw error(NitroErrorCodes.EXISTS);
                }
                rename(d.name, key, newName);
                return;
            }
            case "link": {
                String other = required(o, "linkcertkeyname");
                if (find("sslcertkey", other) == null) {
                    throw error(NitroErrorCodes.NO_CERTIFICATE, other);
                }
                merged.put("linkcertkeyname", other);
                break;
            }
            case "unlink":
                merged.remove("linkcertkeyname");
                break;
            default:
                throw error(NitroErrorCodes.INVALID_VALUE, "action", action);
        }
        rows(d.name).put(key, merged);
    }

    /**
     * A member's admin state: a graceful disable is remembered on the binding ({@code graceful YES}, its
     * {@code delay}), as NITRO reports them; enable clears both.
     */
    private static void memberState(ObjectNode member, String verb, ObjectNode body) {
        member.put("state", verb.equals("enable") ? "ENABLED" : "DISABLED");
        member.remove("graceful");
        member.remove("delay");
        if (verb.equals("disable") && "YES".equalsIgnoreCase(body.path("graceful").asText())) {
            member.put("graceful", "YES");
            if (body.has("delay")) {
                member.set("delay", body.get("delay"));
            }
        }
    }

    /** what refers to an object of each renamable type: (holder type, attribute) */
    private static final Map<String, List<String[]>> REFERENCES = Map.of(
            "server", List.<String[]>of(new String[] {"servicegroup_servicegroupmember_binding", "servername"}),
            "servicegroup", List.of(new String[] {"servicegroup_servicegroupmember_binding", "servicegroupname"},
                    new String[] {"servicegroup_lbmonitor_binding", "servicegroupname"},
                    new String[] {"sslservicegroup", "servicegroupname"},
                    new String[] {"sslservicegroup_sslcertkey_binding", "servicegroupname"},
                    new String[] {"lbvserver_servicegroup_binding", "servicegroupname"}),
            "lbvserver", List.of(new String[] {"lbvserver_servicegroup_binding", "name"},
                    new String[] {"sslvserver", "vservername"},
                    new String[] {"sslvserver_sslcertkey_binding", "vservername"},
                    new String[] {"lbvserver", "backupvserver"}));

    /** {@code ?action=rename}: the object and everything that names it take the new name */
    private void rename(String type, String oldName, String newName) {
        ResourceDef d = Schema.get(type);
        ObjectNode o = rows(type).remove(oldName);
        o.put(d.key, newName);
        rows(type).put(newName, o);
        for (String[] ref : REFERENCES.get(type)) {
            ResourceDef holder = Schema.get(ref[0]);
            List<ObjectNode> all = all(ref[0]);
            rows(ref[0]).clear();
            for (ObjectNode h : all) {
                if (oldName.equals(text(h, ref[1]))) {
                    h.put(ref[1], newName);
                }
                rows(ref[0]).put(holder.isBinding() ? bindingId(holder, h) : text(h, holder.key), h);
            }
        }
    }

    private void unset(ResourceDef d, ObjectNode item, java.util.Set<String> allowed) {
        String key = null;
        List<String> reset = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = item.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(d.key)) {
                key = e.getValue().asText();
                continue;
            }
            if (!allowed.contains(e.getKey())) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, e.getKey());
            }
            reset.add(e.getKey());
        }
        if (key == null || key.isEmpty()) {
            throw error(NitroErrorCodes.ARGUMENT_MISSING, d.key);
        }
        ObjectNode merged = existing(d, key).deepCopy();
        for (String a : reset) {
            merged.remove(a);
        }
        if (d.name.equals("lbvserver") && reset.contains("clttimeout")) {
            merged.put("clttimeout", Schema.tcpLike(text(merged, "servicetype")) ? 9000L : 180L);
        }
        if (d.name.equals("servicegroup")) {
            boolean tcp = Schema.tcpLike(text(merged, "servicetype"));
            merged.putIfAbsent("clttimeout", LongNode.valueOf(tcp ? 9000 : 180));
            merged.putIfAbsent("svrtimeout", LongNode.valueOf(tcp ? 9000 : 360));
        }
        fillDefaults(d, merged);
        rows(d.name).put(key, merged);
    }

    // ------------------------------------------------------------------ files

    /**
     * Uploads a file ({@code systemfile} add).
     *
     * @param item filename, filelocation, filecontent (base64) and fileencoding
     */
    public void addFile(ObjectNode item) {
        Iterator<String> names = item.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!List.of("filename", "filelocation", "filecontent", "fileencoding").contains(n)) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, n);
            }
        }
        String name = required(item, "filename");
        String given = required(item, "filelocation");
        String location = location(given);
        String content = required(item, "filecontent");
        String encoding = text(item, "fileencoding") == null ? "BASE64" : text(item, "fileencoding");
        if (!encoding.equalsIgnoreCase("BASE64")) {
            throw error(NitroErrorCodes.INVALID_VALUE, "fileencoding", encoding);
        }
        if (name.contains("/")) {
            throw error(NitroErrorCodes.INVALID_VALUE, "filename", name);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            throw error(NitroErrorCodes.INVALID_VALUE, "filecontent");
        }
        String path = location + name;
        if (files.containsKey(path)) {
            throw error(NitroErrorCodes.FILE_EXISTS);
        }
        ObjectNode f = F.objectNode().put("filename", name).put("filelocation", given)
                .put("filecontent", Base64.getEncoder().encodeToString(bytes)).put("fileencoding", "BASE64");
        files.put(path, f);
    }

    private static String location(String l) {
        if (!l.startsWith("/")) {
            throw error(NitroErrorCodes.INVALID_VALUE, "filelocation", l);
        }
        return l.endsWith("/") ? l : l + "/";
    }

    /**
     * @param name the file name
     * @param args {@code filelocation} (required)
     */
    public void deleteFile(String name, Map<String, String> args) {
        String path = location(required(args, "filelocation")) + name;
        if (files.remove(path) == null) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "fileName", name);
        }
    }

    /**
     * @param args {@code filelocation} (required) and optionally {@code filename}
     * @return the files, content included only when one file is named
     */
    public ArrayNode files(Map<String, String> args) {
        return files(null, args);
    }

    /**
     * Reads files the way {@code GET systemfile[/<name>]?args=filelocation:<dir>[,filename:<name>]} does.
     *
     * @param pathName the name from the URL path ({@code systemfile/<name>}), or {@code null}
     * @param args {@code filelocation} (required) and optionally {@code filename}
     * @return the files, content included only when one file is named; {@code filelocation} as uploaded
     */
    public ArrayNode files(String pathName, Map<String, String> args) {
        String location = location(required(args, "filelocation"));
        String name = args.get("filename");
        if (pathName != null) {
            if (name != null && !name.equals(pathName)) {
                throw error(NitroErrorCodes.INVALID_VALUE, "filename", name);
            }
            name = pathName;
        }
        ArrayNode out = F.arrayNode();
        for (ObjectNode f : files.values()) {
            if (!location.equals(location(text(f, "filelocation"))) || name != null && !name.equals(text(f, "filename"))) {
                continue;
            }
            ObjectNode r = f.deepCopy();
            r.put("filesize", String.valueOf(Base64.getDecoder().decode(text(f, "filecontent")).length));
            if (name == null) {
                r.remove("filecontent");
            }
            out.add(r);
        }
        if (name != null && out.isEmpty()) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "fileName", name);
        }
        return out;
    }

    // ------------------------------------------------------------------ reads

    /**
     * @param resource the resource type
     * @param name one object's key (for a binding: the parent's), or {@code null} for all
     * @return the objects as the ADC shows them: numbers as strings except where a real ADC shows
     *         JSON numbers, defaults filled in, secrets left out
     */
    public ArrayNode read(String resource, String name) {
        ResourceDef d = def(resource);
        List<ObjectNode> rows;
        if (name == null) {
            rows = all(d.name);
        } else if (d.isBinding()) {
            requireParent(d, name);
            rows = new ArrayList<>();
            for (ObjectNode o : all(d.name)) {
                if (name.equals(text(o, d.key))) {
                    rows.add(o);
                }
            }
        } else {
            rows = List.of(existing(d, name));
        }
        ArrayNode out = F.arrayNode();
        for (ObjectNode o : rows) {
            out.add(render(d, o));
        }
        return out;
    }

    /**
     * @param parentType lbvserver, servicegroup, sslvserver or sslservicegroup
     * @param name one parent, or {@code null} for all
     * @return the {@code <parent>_binding} aggregate: one entry per parent holding each binding type's array
     */
    public ArrayNode readAggregate(String parentType, String name) {
        ResourceDef pd = def(parentType);
        List<ResourceDef> kinds = new ArrayList<>();
        for (ResourceDef d : Schema.all()) {
            if (d.isBinding() && parentType.equals(d.parent)) {
                kinds.add(d);
            }
        }
        if (kinds.isEmpty() || pd.isBinding()) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "resource", parentType + "_binding");
        }
        List<String> parents = new ArrayList<>();
        if (name != null) {
            existing(pd, name);
            parents.add(name);
        } else {
            all(pd.name).forEach(o -> parents.add(text(o, pd.key)));
        }
        ArrayNode out = F.arrayNode();
        for (String p : parents) {
            ObjectNode entry = F.objectNode().put(pd.key, p);
            for (ResourceDef d : kinds) {
                ArrayNode a = read(d.name, p);
                if (!a.isEmpty()) {
                    entry.set(d.name, a);
                }
            }
            out.add(entry);
        }
        return out;
    }

    /** an SSL vserver stays DOWN until a server certificate (not a CA one) is bound to it */
    private boolean hasServerCertificate(String vserver) {
        for (ObjectNode b : all("sslvserver_sslcertkey_binding")) {
            if (vserver.equals(text(b, "vservername")) && !b.path("ca").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode render(ResourceDef d, ObjectNode stored) {
        ObjectNode r = F.objectNode();
        stored.properties().forEach(e -> {
            if (d.secrets.contains(e.getKey())) {
                return;
            }
            JsonNode v = e.getValue();
            if (v.isIntegralNumber() && !d.wireNumbers.contains(e.getKey())) {
                v = TextNode.valueOf(v.asText());
            }
            r.set(e.getKey(), v);
        });
        switch (d.name) {
            case "lbvserver": {
                // NITRO leaves the configured state out of an lbvserver GET and shows the current one
                String state = text(stored, "state");
                r.remove("state");
                String current = "DISABLED".equals(state) ? "OUT OF SERVICE"
                        : Schema.terminatesTls(text(stored, "servicetype")) && !hasServerCertificate(text(stored, "name"))
                                ? "DOWN" : "UP";
                r.put("curstate", current);
                r.put("effectivestate", current);
                r.put("type", "ADDRESS");
                break;
            }
            case "servicegroup_servicegroupmember_binding": {
                ObjectNode server = find("server", text(stored, "servername"));
                String ip = server == null ? null : text(server, "ipaddress");
                r.put("ip", ip == null ? "0.0.0.0" : ip);
                r.put("svrstate", "ENABLED".equals(text(stored, "state")) ? "UP" : "OUT OF SERVICE");
                break;
            }
            case "servicegroup":
                r.put("servicegroupeffectivestate", "ENABLED".equals(text(stored, "state")) ? "UP" : "OUT OF SERVICE");
                break;
            case "sslcertkey": {
                ObjectNode file = files.get(filePath(text(stored, "cert")));
                X509Certificate c = file == null ? null : certificate(file);
                if (c != null) {
                    Instant now = Instant.now();
                    r.put("subject", c.getSubjectX500Principal().getName());
                    r.put("issuer", c.getIssuerX500Principal().getName());
                    r.put("serial", c.getSerialNumber().toString(16).toUpperCase(Locale.ROOT));
                    r.put("clientcertnotbefore", CERT_DATE.format(c.getNotBefore().toInstant()));
                    r.put("clientcertnotafter", CERT_DATE.format(c.getNotAfter().toInstant()));
                    long days = Duration.between(now, c.getNotAfter().toInstant()).toDays();
                    r.put("daystoexpiration", Math.max(0, days));
                    r.put("status", c.getNotAfter().toInstant().isBefore(now) ? "Expired" : "Valid");
                    r.set("certificatetype", c.getBasicConstraints() >= 0
                            ? F.arrayNode().add("ROOT_CERT") : F.arrayNode().add("SRVR_CERT"));
                }
                break;
            }
            default:
                break;
        }
        return r;
    }
}
