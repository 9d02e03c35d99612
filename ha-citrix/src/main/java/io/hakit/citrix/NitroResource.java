package io.hakit.citrix;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The NITRO resources hakit configures, with NITRO's exact attribute names: the attributes each
 * accepts on add (POST, or bind for a binding) and on update (PUT), the attributes that cannot
 * change after create, and the arguments its delete takes. The lists are the NITRO specification's
 * (vendor notes §4); an attribute outside them is refused by the device with errorcode 278, so
 * {@link NitroObject} refuses it before anything is sent. Immutable.
 */
public enum NitroResource {

    /** A back-end server, named by domain name (CTX-001). */
    SERVER("server", "name", null, true,
            list("comment", "domain", "domainresolveretry", "ipaddress", "ipv6address", "name", "querytype", "td",
                    "translationip", "translationmask"),
            list("comment", "domainresolveretry", "ipaddress", "name", "translationip", "translationmask",
                    "domainresolvenow"),
            list("domain", "ipv6address", "querytype", "td"), list()),

    /** A service group: the members of one component on one port (CTX-002). */
    SERVICEGROUP("servicegroup", "servicegroupname", null, true,
            list("appflowlog", "autodelayedtrofs", "autodisabledelay", "autodisablegraceful", "autoscale",
                    "bootstrap", "cacheable", "cachetype", "cip", "cipheader", "cka", "clttimeout", "cmp", "comment",
                    "downstateflush", "healthmonitor", "httpprofilename", "maxbandwidth", "maxclient", "maxreq",
                    "memberport", "monconnectionclose", "monthreshold", "netprofile", "nodefaultbindings",
                    "pathmonitor", "pathmonitorindv", "quicprofilename", "rtspsessionidremap", "servicegroupname",
                    "servicetype", "sp", "svrtimeout", "tcpb", "tcpprofilename", "td", "topicname", "useproxyport",
                    "usip"),
            list("appflowlog", "autodelayedtrofs", "autodisabledelay", "autodisablegraceful", "autoscale",
                    "cacheable", "cip", "cipheader", "cka", "clttimeout", "cmp", "comment", "downstateflush",
                    "healthmonitor", "httpprofilename", "maxbandwidth", "maxclient", "maxreq", "monconnectionclose",
                    "monthreshold", "netprofile", "pathmonitor", "pathmonitorindv", "quicprofilename",
                    "rtspsessionidremap", "servicegroupname", "sp", "svrtimeout", "tcpb", "tcpprofilename",
                    "useproxyport", "usip", "customserverid", "dbsttl", "dup_weight", "hashid", "monitor_name_svc",
                    "nameserver", "order", "port", "servername", "weight"),
            list("bootstrap", "cachetype", "memberport", "nodefaultbindings", "servicetype", "td", "topicname"),
            list()),

    /** A member of a service group: a server at a port. */
    SERVICEGROUP_MEMBER_BINDING("servicegroup_servicegroupmember_binding", "servicegroupname", "servername", false,
            list("customserverid", "dbsttl", "hashid", "ip", "nameserver", "order", "port", "serverid", "servername",
                    "servicegroupname", "state", "weight"),
            list(), list(), list("ip", "port", "servername")),

    /** A monitor bound to a service group (HC-005). */
    SERVICEGROUP_MONITOR_BINDING("servicegroup_lbmonitor_binding", "servicegroupname", "monitor_name", false,
            list("customserverid", "dbsttl", "hashid", "monitor_name", "monstate", "nameserver", "order", "passive",
                    "serverid", "servicegroupname", "weight"),
            list(), list(), list("monitor_name")),

    /** A health monitor ({@code HTTP-ECV} or {@code HTTP}, {@code secure YES} for HTTPS). */
    LBMONITOR("lbmonitor", "monitorname", null, false,
            list("acctapplicationid", "action", "alertretries", "application", "attribute", "authapplicationid",
                    "basedn", "binddn", "customheaders", "database", "destip", "destport", "deviation",
                    "dispatcherip", "dispatcherport", "domain", "downtime", "evalrule", "failureretries", "filename",
                    "filter", "firmwarerevision", "group", "grpchealthcheck", "grpcservicename", "grpcstatuscode",
                    "hostipaddress", "httprequest", "inbandsecurityid", "interval", "ipaddress", "iptunnel",
                    "kcdaccount", "lasversion", "logonpointname", "lrtm", "maxforwards", "metrictable",
                    "monitorname", "mqttclientidentifier", "mqttversion", "mssqlprotocolversion", "netprofile",
                    "oraclesid", "originhost", "originrealm", "password", "productname", "query", "querytype",
                    "radaccountsession", "radaccounttype", "radapn", "radframedip", "radkey", "radmsisdn",
                    "radnasid", "radnasip", "recv", "respcode", "resptimeout", "resptimeoutthresh", "retries",
                    "reverse", "rtsprequest", "scriptargs", "scriptname", "secondarypassword", "secure",
                    "secureargs", "send", "sipmethod", "sipreguri", "sipuri", "sitepath", "snmpcommunity", "snmpoid",
                    "snmpthreshold", "snmpversion", "sqlquery", "sslprofile", "storedb", "storefrontacctservice",
                    "storefrontcheckbackendservices", "storename", "successretries", "supportedvendorids", "tos",
                    "tosid", "transparent", "trofscode", "trofsstring", "type", "units1", "units2", "units3",
                    "units4", "username", "validatecred", "vendorid", "vendorspecificacctapplicationids",
                    "vendorspecificauthapplicationids", "vendorspecificvendorid"),
            null, list(), list("type")),

    /** A load-balancing virtual server: one per published port (CTX-003), or an HL7 standby. */
    LBVSERVER("lbvserver", "name", null, true,
            list("adfsproxyprofile", "apiprofile", "appflowlog", "authentication", "authenticationhost", "authn401",
                    "authnprofile", "authnvsname", "backuplbmethod", "backuppersistencetimeout", "backupvserver",
                    "bypassaaaa", "cacheable", "clttimeout", "comment", "connfailover", "cookiename", "datalength",
                    "dataoffset", "dbprofilename", "dbslb", "disableprimaryondown", "dns64", "dnsoverhttps",
                    "dnsprofilename", "downstateflush", "hashlength", "healththreshold", "httpprofilename",
                    "httpsredirecturl", "icmpvsrresponse", "insertvserveripport", "ipmask", "ippattern", "ipset",
                    "ipv46", "l2conn", "lbmethod", "lbprofilename", "listenpolicy", "listenpriority", "m",
                    "macmoderetainvlan", "maxautoscalemembers", "minautoscalemembers", "mssqlserverversion",
                    "mysqlcharacterset", "mysqlprotocolversion", "mysqlservercapabilities", "mysqlserverversion",
                    "name", "netmask", "netprofile", "newservicerequest", "newservicerequestincrementinterval",
                    "newservicerequestunit", "nodefaultbindings", "oracleserverversion", "orderthreshold",
                    "persistavpno", "persistencebackup", "persistencetype", "persistmask", "port", "probeport",
                    "probeprotocol", "probesuccessresponsecode", "processlocal", "push", "pushlabel",
                    "pushmulticlients", "pushvserver", "quicbridgeprofilename", "quicprofilename", "range",
                    "recursionavailable", "redirectfromport", "redirectportrewrite", "redirurl", "resrule",
                    "retainconnectionsoncluster", "rhistate", "rtspnat", "rule", "servicetype", "sessionless",
                    "skippersistency", "sobackupaction", "somethod", "sopersistence", "sopersistencetimeout",
                    "sothreshold", "tcpprobeport", "tcpprofilename", "td", "timeout", "toggleorder", "tosid",
                    "trofspersistence", "v6netmasklen", "v6persistmasklen", "vipheader"),
            null, list("nodefaultbindings", "port", "range", "servicetype", "td"), list()),

    /** A service group bound to a virtual server. */
    LBVSERVER_SERVICEGROUP_BINDING("lbvserver_servicegroup_binding", "name", "servicegroupname", false,
            list("name", "order", "servicegroupname", "servicename", "weight"), list(), list(),
            list("servicegroupname", "servicename")),

    /** A certificate and key (or a CA certificate) installed from files under {@code /nsconfig/ssl/}. */
    SSLCERTKEY("sslcertkey", "certkey", null, false,
            list("bundle", "cert", "certkey", "deletecertkeyfilesonremoval", "expirymonitor", "fipskey", "hsmkey",
                    "inform", "key", "notificationperiod", "passplain", "password"),
            list("certkey", "deletecertkeyfilesonremoval", "expirymonitor", "notificationperiod"),
            list("bundle", "cert", "fipskey", "hsmkey", "inform", "key", "passplain", "password"),
            list("deletecertkeyfilesonremoval", "deletefromdevice")),

    /** A certificate bound to an SSL virtual server (TLS-001). */
    SSLVSERVER_CERTKEY_BINDING("sslvserver_sslcertkey_binding", "vservername", "certkeyname", false,
            list("ca", "certkeyname", "crlcheck", "ocspcheck", "skipcaname", "snicert", "vservername"), list(),
            list(), list("ca", "certkeyname", "crlcheck", "ocspcheck", "snicert")),

    /** The SSL side of an SSL service group (created with it; update only): {@code serverauth} (TLS-004). */
    SSLSERVICEGROUP("sslservicegroup", "servicegroupname", null, false, list(),
            list("commonname", "ocspstapling", "sendclosenotify", "serverauth", "servicegroupname", "sessreuse",
                    "sesstimeout", "snienable", "ssl3", "sslclientlogs", "sslprofile", "strictsigdigestcheck", "tls1",
                    "tls11", "tls12", "tls13"),
            list(), list()),

    /** A CA certificate bound to an SSL service group to verify the servers' certificates (TLS-004). */
    SSLSERVICEGROUP_CERTKEY_BINDING("sslservicegroup_sslcertkey_binding", "servicegroupname", "certkeyname", false,
            list("ca", "certkeyname", "crlcheck", "ocspcheck", "servicegroupname", "snicert"), list(), list(),
            list("ca", "certkeyname", "crlcheck", "snicert")),

    /** A file on the appliance (certificates and keys are uploaded under {@code /nsconfig/ssl/}). */
    SYSTEMFILE("systemfile", "filename", null, false,
            list("filename", "filecontent", "filelocation", "fileencoding"), list(), list(),
            list("filelocation"));

    private final String wire;
    private final String key;
    private final String bindKey;
    private final boolean comment;
    private final Set<String> add;
    private final Set<String> update;
    private final Set<String> immutable;
    private final Set<String> deleteArgs;

    NitroResource(String wire, String key, String bindKey, boolean comment, Set<String> add, Set<String> update,
            Set<String> immutable, Set<String> deleteArgs) {
        this.wire = wire;
        this.key = key;
        this.bindKey = bindKey;
        this.comment = comment;
        this.add = add;
        this.update = update == null ? derivedUpdate(wire, add) : update;
        this.immutable = immutable;
        this.deleteArgs = deleteArgs;
    }

    /**
     * The update lists §4 gives relative to the add list: lbmonitor = add plus the metric attributes;
     * lbvserver = add minus its immutable attributes, plus order, servicename and weight.
     */
    private static Set<String> derivedUpdate(String wire, Set<String> add) {
        Set<String> s = new LinkedHashSet<>(add);
        if ("lbmonitor".equals(wire)) {
            s.addAll(List.of("metric", "metricthreshold", "metricweight"));
        } else {
            s.removeAll(List.of("nodefaultbindings", "port", "range", "servicetype", "td"));
            s.addAll(List.of("order", "servicename", "weight"));
        }
        return Collections.unmodifiableSet(s);
    }

    private static Set<String> list(String... names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(names)));
    }

    /** @return the resource's name on the wire, e.g. {@code lbvserver} */
    public String wireName() {
        return wire;
    }

    /** @return the attribute naming an object, e.g. {@code name}, {@code servicegroupname}, {@code certkey} */
    public String keyAttribute() {
        return key;
    }

    /** @return for a binding, the attribute naming what is bound (e.g. {@code monitor_name}); empty otherwise */
    public Optional<String> bindKey() {
        return Optional.ofNullable(bindKey);
    }

    /** @return whether this is a {@code <parent>_<child>_binding} (bound and unbound, never updated) */
    public boolean isBinding() {
        return bindKey != null;
    }

    /** @return whether objects carry a {@code comment} (where hakit writes its ownership marker) */
    public boolean hasComment() {
        return comment;
    }

    /** @return the attributes an add (or bind) accepts */
    public Set<String> addAttributes() {
        return add;
    }

    /** @return the attributes an update (PUT) accepts */
    public Set<String> updateAttributes() {
        return update;
    }

    /** @return the attributes that cannot change once the object exists */
    public Set<String> immutableAttributes() {
        return immutable;
    }

    /** @return the arguments a delete (or unbind) takes in {@code ?args=} */
    public Set<String> deleteArguments() {
        return deleteArgs;
    }

    /**
     * @param wireName a resource's wire name, e.g. {@code lbvserver}
     * @return the resource, if hakit knows it
     */
    public static Optional<NitroResource> fromWireName(String wireName) {
        String w = wireName.toLowerCase(Locale.ROOT);
        for (NitroResource r : values()) {
            if (r.wire.equals(w)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wire;
    }
}
