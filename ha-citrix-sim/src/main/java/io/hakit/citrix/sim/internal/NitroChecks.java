package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;
import static io.hakit.citrix.sim.internal.NitroValues.required;
import static io.hakit.citrix.sim.internal.NitroValues.text;

import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Pattern;

/**
 * The checks NITRO makes across objects before it accepts one: a server's address (one server per
 * IP, 1335), a vserver's address, port, timeout and backup, a TCP profile that exists, a certkey
 * whose files are there and parse (1540), a binding's parent. Each throws the device's error and
 * changes nothing (except the defaults a server with a domain gets). Not thread-safe.
 */
final class NitroChecks {
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final ResourceTable table;

    NitroChecks(ResourceTable table) {
        this.table = table;
    }

    /** A new server: an IPv4/IPv6 address or a domain, not both; an address no other server has. */
    void server(ObjectNode o, String key) {
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

    /** One server per IP address: 1335 when another server has this one. */
    void serverIpUnique(ResourceDef d, ObjectNode o, String key) {
        if (!d.name.equals("server")) {
            return;
        }
        String ip = text(o, "ipaddress");
        if (ip == null) {
            return;
        }
        for (ObjectNode s : table.all("server")) {
            if (ip.equals(text(s, "ipaddress")) && !key.equals(text(s, "name"))) {
                throw error(NitroErrorCodes.SERVER_EXISTS, ip);
            }
        }
    }

    /** A TCP profile named by an object exists (258). */
    void profile(ObjectNode o) {
        String p = text(o, "tcpprofilename");
        if (p != null && table.find("nstcpprofile", p) == null) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "tcpProfileName", p);
        }
    }

    /** An lbvserver's address and port, persistence timeout, backup vserver and profile. */
    void vserver(ObjectNode o, String key) {
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
            if (table.find("lbvserver", backup) == null) {
                throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "backupVServer", backup);
            }
        }
        profile(o);
    }

    /** A certkey's cert and key files are uploaded (1540) and the cert holds a certificate (1097). */
    void certkey(ObjectNode o) {
        String certPath = CertificateFiles.path(required(o, "cert"));
        ObjectNode certFile = table.files().get(certPath);
        if (certFile == null) {
            throw error(NitroErrorCodes.NO_CERTIFICATE, "cert", certPath);
        }
        // cert and key stay as given (a bare name or a full path; the ADC echoes what it was told)
        String key = text(o, "key");
        if (key != null) {
            String keyPath = CertificateFiles.path(key);
            if (!table.files().containsKey(keyPath)) {
                throw error(NitroErrorCodes.NO_CERTIFICATE, "key", keyPath);
            }
        }
        if (!"PFX".equals(text(o, "inform")) && CertificateFiles.certificate(certFile) == null) {
            throw error(NitroErrorCodes.INVALID_VALUE, "cert", certPath);
        }
    }

    /** A binding's parent exists: 461 for an sslvserver, else 258. */
    void requireParent(ResourceDef d, String parentKey) {
        if (table.find(d.parent, parentKey) != null) {
            return;
        }
        if (d.parent.equals("sslvserver")) {
            throw error(NitroErrorCodes.NO_SUCH_VSERVER, parentKey);
        }
        throw error(NitroErrorCodes.NO_SUCH_RESOURCE, d.parent.equals("lbvserver") ? "name" : "serviceGroupName", parentKey);
    }
}
