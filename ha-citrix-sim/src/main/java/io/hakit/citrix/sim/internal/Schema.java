package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.ResourceDef.minus;
import static io.hakit.citrix.sim.internal.ResourceDef.plus;
import static io.hakit.citrix.sim.internal.ResourceDef.set;

import io.hakit.citrix.sim.internal.ResourceDef.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The resources the simulator serves, transcribed from the vendor notes: attribute lists from
 * section 4 (the Ansible collection's generated NITRO resource map), enumerations from its "Key
 * enums", defaults from section 2.2 and the fixtures, and number typing from the fixtures.
 */
final class Schema {
    private static final Map<String, ResourceDef> DEFS = new LinkedHashMap<>();

    static final String SERVICE_TYPES = "HTTP|FTP|TCP|UDP|SSL|SSL_BRIDGE|SSL_TCP|DTLS|NNTP|RPCSVR|DNS|ADNS|SNMP|RTSP"
            + "|DHCPRA|ANY|SIP_UDP|SIP_TCP|SIP_SSL|DNS_TCP|ADNS_TCP|MYSQL|MSSQL|ORACLE|MONGO|MONGO_TLS|RADIUS"
            + "|RADIUSListener|RDP|DIAMETER|SSL_DIAMETER|TFTP|SMPP|PPTP|GRE|SYSLOGTCP|SYSLOGUDP|FIX|SSL_FIX|USER_TCP"
            + "|USER_SSL_TCP|QUIC|IPFIX|LOGSTREAM|LOGSTREAM_SSL|MQTT|MQTT_TLS|QUIC_BRIDGE|DOT|ADNS_DOT|HTTP_QUIC"
            + "|ADNS_DOH|KAFKA_BROKER";
    static final String VSERVER_TYPES = lbvserverTypes();
    static final String MONITOR_TYPES = "PING|TCP|HTTP|TCP-ECV|HTTP-ECV|UDP-ECV|DNS|FTP|LDNS-PING|LDNS-TCP|LDNS-DNS"
            + "|RADIUS|USER|HTTP-INLINE|SIP-UDP|SIP-TCP|LOAD|FTP-EXTENDED|SMTP|SNMP|NNTP|MYSQL|MYSQL-ECV|MSSQL-ECV"
            + "|ORACLE-ECV|LDAP|POP3|CITRIX-XML-SERVICE|CITRIX-WEB-INTERFACE|DNS-TCP|RTSP|ARP|CITRIX-AG"
            + "|CITRIX-AAC-LOGINPAGE|CITRIX-AAC-LAS|CITRIX-XD-DDC|ND6|CITRIX-WI-EXTENDED|DIAMETER|RADIUS_ACCOUNTING"
            + "|STOREFRONT|APPC|SMPP|CITRIX-XNC-ECV|CITRIX-XDM|CITRIX-STA-SERVICE|CITRIX-STA-SERVICE-NHOP|MQTT|HTTP2"
            + "|GRPC|DTLS|QUIC|KAFKA-AUTODISCOVER";
    private static final String ED = "ENABLED|DISABLED";
    private static final String YN = "YES|NO";
    private static final String ONOFF = "ON|OFF";

    private Schema() {
    }

    static ResourceDef get(String name) {
        return DEFS.get(name.toLowerCase(Locale.ROOT));
    }

    static Iterable<ResourceDef> all() {
        return DEFS.values();
    }

    private static String lbvserverTypes() {
        StringBuilder b = new StringBuilder();
        Set<String> drop = set("RPCSVR,ADNS,ADNS_TCP,ADNS_DOT,ADNS_DOH,SNMP,PPTP,GRE,RADIUSListener,LOGSTREAM_SSL,KAFKA_BROKER");
        for (String t : SERVICE_TYPES.split("\\|")) {
            if (!drop.contains(t)) {
                b.append(t).append('|');
            }
        }
        return b.append("PUSH|SSL_PUSH|PROXY|SSL_PROXY|KAFKA_PRODUCER").toString();
    }

    /** @return whether a vserver or group of this service type terminates TLS (gets an ssl* twin) */
    static boolean terminatesTls(String servicetype) {
        return servicetype != null && servicetype.startsWith("SSL") && !servicetype.equals("SSL_BRIDGE")
                || "DTLS".equals(servicetype) || "MQTT_TLS".equals(servicetype) || "MONGO_TLS".equals(servicetype);
    }

    /** @return whether the service type is plain TCP-level (longer idle time-outs by default) */
    static boolean tcpLike(String servicetype) {
        return List.of("TCP", "SSL_TCP", "ANY", "USER_TCP", "USER_SSL_TCP", "SSL_BRIDGE").contains(servicetype);
    }

    private static ResourceDef def(String name, Kind kind, String key) {
        ResourceDef d = new ResourceDef(name, kind, key);
        DEFS.put(name, d);
        return d;
    }

    static {
        server();
        servicegroup();
        member();
        monitorBinding();
        lbmonitor();
        lbvserver();
        vserverGroupBinding();
        sslvserver();
        sslvserverCertBinding();
        sslservicegroup();
        sslservicegroupCertBinding();
        sslcertkey();
        nstcpprofile();
    }

    private static void server() {
        ResourceDef d = def("server", Kind.OBJECT, "name");
        d.add = set("comment,domain,domainresolveretry,ipaddress,ipv6address,name,querytype,td,translationip,translationmask");
        d.update = plus(minus(d.add, "domain,ipv6address,querytype,td"), "domainresolvenow");
        d.unset = set("comment,name");
        d.actions.put("enable", set("name"));
        d.actions.put("disable", set("delay,graceful,name"));
        d.actions.put("rename", set("name,newname"));
        d.actions.put("unset", d.unset);
        d.getArgs = set("domain,internal,ipaddress");
        d.types.put("querytype", Attr.oneOf("A|AAAA|SRV"));
        d.types.put("state", Attr.oneOf(ED));
        d.types.put("graceful", Attr.oneOf(YN));
        d.types.put("domainresolveretry", Attr.range(5, 20939));
        d.types.put("td", Attr.range(0, 4094));
        d.types.put("delay", Attr.INT);
        d.types.put("domainresolvenow", Attr.BOOL);
        d.wireNumbers = set("domainresolveretry");
        d.defaults.put("state", "ENABLED");
        d.defaults.put("td", 0L);
    }

    private static void servicegroup() {
        ResourceDef d = def("servicegroup", Kind.OBJECT, "servicegroupname");
        d.add = set("appflowlog,autodelayedtrofs,autodisabledelay,autodisablegraceful,autoscale,bootstrap,cacheable,"
                + "cachetype,cip,cipheader,cka,clttimeout,cmp,comment,downstateflush,healthmonitor,httpprofilename,"
                + "maxbandwidth,maxclient,maxreq,memberport,monconnectionclose,monthreshold,netprofile,"
                + "nodefaultbindings,pathmonitor,pathmonitorindv,quicprofilename,rtspsessionidremap,servicegroupname,"
                + "servicetype,sp,svrtimeout,tcpb,tcpprofilename,td,topicname,useproxyport,usip");
        d.update = plus(minus(d.add, "bootstrap,cachetype,memberport,nodefaultbindings,servicetype,td,topicname"),
                "customserverid,dbsttl,dup_weight,hashid,monitor_name_svc,nameserver,order,port,servername,weight");
        d.unset = minus(d.update, "autoscale");
        d.actions.put("enable", set("port,servername,servicegroupname"));
        d.actions.put("rename", set("newname,servicegroupname"));
        d.actions.put("disable", set("delay,graceful,port,servername,servicegroupname"));
        d.actions.put("unset", d.unset);
        d.getArgs = set("includemembers");
        d.types.put("servicetype", Attr.oneOf(SERVICE_TYPES));
        d.types.put("state", Attr.oneOf(ED));
        d.types(Attr.oneOf(YN), "healthmonitor,cacheable,usip,useproxyport,cka,tcpb,cmp,pathmonitor,pathmonitorindv,"
                + "autodisablegraceful,bootstrap,nodefaultbindings,graceful,autodelayedtrofs");
        d.types(Attr.oneOf(ED), "cip,downstateflush,appflowlog");
        d.types(Attr.oneOf(ONOFF), "sp,rtspsessionidremap");
        d.types.put("monconnectionclose", Attr.oneOf("RESET|FIN"));
        d.types.put("autoscale", Attr.oneOf("DISABLED|DNS|POLICY|CLOUD|API"));
        d.types(Attr.range(0, 31536000), "clttimeout,svrtimeout");
        d.types(Attr.range(0, 4294967294L), "maxclient,maxreq,maxbandwidth,autodisabledelay,delay");
        d.types.put("monthreshold", Attr.range(0, 65535));
        d.types.put("td", Attr.range(0, 4094));
        d.types(Attr.range(0, 65535), "memberport,port");
        d.types(Attr.range(0, 100), "weight,dup_weight");
        d.types(Attr.INT, "order,hashid,dbsttl");
        d.wireNumbers = set("clttimeout,svrtimeout,memberport,port,delay");
        d.defaults.put("state", "ENABLED");
        d.defaults.put("healthmonitor", "YES");
        d.defaults.put("maxclient", 0L);
        d.defaults.put("maxreq", 0L);
        d.defaults.put("cacheable", "NO");
        d.defaults.put("cip", "DISABLED");
        d.defaults.put("usip", "NO");
        d.defaults.put("useproxyport", "YES");
        d.defaults.put("sp", "OFF");
        d.defaults.put("rtspsessionidremap", "OFF");
        d.defaults.put("cka", "NO");
        d.defaults.put("tcpb", "NO");
        d.defaults.put("cmp", "NO");
        d.defaults.put("maxbandwidth", 0L);
        d.defaults.put("monthreshold", 0L);
        d.defaults.put("downstateflush", "ENABLED");
        d.defaults.put("appflowlog", "ENABLED");
        d.defaults.put("td", 0L);
    }

    private static void member() {
        ResourceDef d = def("servicegroup_servicegroupmember_binding", Kind.BINDING, "servicegroupname");
        d.parent = "servicegroup";
        d.childKeys = List.of("servername", "port");
        d.add = set("customserverid,dbsttl,hashid,ip,nameserver,order,port,serverid,servername,servicegroupname,state,weight");
        d.deleteArgs = set("ip,port,servername");
        d.getArgs = set("ip,port,servername");
        d.types.put("state", Attr.oneOf(ED));
        d.types.put("port", Attr.range(1, 65535));
        d.types.put("weight", Attr.range(1, 100));
        d.types(Attr.INT, "dbsttl,hashid,order,serverid");
        d.wireNumbers = set("port");
        d.defaults.put("weight", 1L);
        d.defaults.put("state", "ENABLED");
    }

    private static void monitorBinding() {
        ResourceDef d = def("servicegroup_lbmonitor_binding", Kind.BINDING, "servicegroupname");
        d.parent = "servicegroup";
        d.childKeys = List.of("monitor_name");
        d.add = set("customserverid,dbsttl,hashid,monitor_name,monstate,nameserver,order,passive,serverid,servicegroupname,weight");
        d.deleteArgs = set("monitor_name");
        d.getArgs = set("monitor_name");
        d.types.put("monstate", Attr.oneOf(ED));
        d.types.put("passive", Attr.BOOL);
        d.types.put("weight", Attr.range(1, 100));
        d.types(Attr.INT, "dbsttl,hashid,order,serverid");
        d.defaults.put("monstate", "ENABLED");
        d.defaults.put("weight", 1L);
    }

    private static void lbmonitor() {
        ResourceDef d = def("lbmonitor", Kind.OBJECT, "monitorname");
        d.add = set("acctapplicationid,action,alertretries,application,attribute,authapplicationid,basedn,binddn,"
                + "customheaders,database,destip,destport,deviation,dispatcherip,dispatcherport,domain,downtime,evalrule,"
                + "failureretries,filename,filter,firmwarerevision,group,grpchealthcheck,grpcservicename,grpcstatuscode,"
                + "hostipaddress,httprequest,inbandsecurityid,interval,ipaddress,iptunnel,kcdaccount,lasversion,"
                + "logonpointname,lrtm,maxforwards,metrictable,monitorname,mqttclientidentifier,mqttversion,"
                + "mssqlprotocolversion,netprofile,oraclesid,originhost,originrealm,password,productname,query,querytype,"
                + "radaccountsession,radaccounttype,radapn,radframedip,radkey,radmsisdn,radnasid,radnasip,recv,respcode,"
                + "resptimeout,resptimeoutthresh,retries,reverse,rtsprequest,scriptargs,scriptname,secondarypassword,"
                + "secure,secureargs,send,sipmethod,sipreguri,sipuri,sitepath,snmpcommunity,snmpoid,snmpthreshold,"
                + "snmpversion,sqlquery,sslprofile,storedb,storefrontacctservice,storefrontcheckbackendservices,storename,"
                + "successretries,supportedvendorids,tos,tosid,transparent,trofscode,trofsstring,type,units1,units2,units3,"
                + "units4,username,validatecred,vendorid,vendorspecificacctapplicationids,"
                + "vendorspecificauthapplicationids,vendorspecificvendorid");
        d.update = plus(d.add, "metric,metricthreshold,metricweight");
        d.unset = minus(d.update, "application,evalrule,metric,metricthreshold,metricweight,sipuri,sitepath,"
                + "storefrontacctservice,storefrontcheckbackendservices,storename,units1,units2,units3,units4");
        d.actions.put("enable", set("monitorname,servicegroupname,servicename"));
        d.actions.put("disable", set("monitorname,servicegroupname,servicename"));
        d.actions.put("unset", d.unset);
        d.deleteArgs = set("type");
        d.getArgs = set("type");
        d.secrets = set("password,radkey,secondarypassword,secureargs");
        d.types.put("type", Attr.oneOf(MONITOR_TYPES));
        d.types(Attr.oneOf(YN), "secure,reverse,transparent,iptunnel,tos,storefrontacctservice,"
                + "storefrontcheckbackendservices,validatecred");
        d.types(Attr.oneOf("SEC|MSEC|MIN"), "units1,units2,units3,units4");
        d.types(Attr.oneOf(ED), "lrtm,storedb,state,grpchealthcheck");
        d.types.put("respcode", Attr.LIST);
        d.types.put("retries", Attr.range(1, 127));
        d.types.put("successretries", Attr.range(1, 32));
        d.types(Attr.range(0, 32), "failureretries,alertretries");
        d.types(Attr.range(1, 20940000), "interval,resptimeout,downtime");
        d.types(Attr.range(0, 65535), "destport,dispatcherport");
        d.types(Attr.range(0, 100), "resptimeoutthresh");
        d.types(Attr.INT, "deviation,maxforwards,trofscode,vendorid,tosid,metricthreshold,metricweight,snmpthreshold");
        d.wireNumbers = set("interval,resptimeout,retries,downtime,successretries,failureretries,alertretries,"
                + "destport,dispatcherport");
        d.defaults.put("interval", 5L);
        d.defaults.put("units3", "SEC");
        d.defaults.put("resptimeout", 2L);
        d.defaults.put("units4", "SEC");
        d.defaults.put("retries", 3L);
        d.defaults.put("downtime", 30L);
        d.defaults.put("units2", "SEC");
        d.defaults.put("units1", "SEC");
        d.defaults.put("successretries", 1L);
        d.defaults.put("failureretries", 0L);
        d.defaults.put("alertretries", 0L);
        d.defaults.put("reverse", "NO");
        d.defaults.put("secure", "NO");
        d.defaults.put("transparent", "NO");
        d.defaults.put("iptunnel", "NO");
        d.defaults.put("tos", "NO");
        d.defaults.put("lrtm", "ENABLED");
        d.defaults.put("storedb", "DISABLED");
        d.defaults.put("deviation", 0L);
        d.defaults.put("destport", 0L);
        d.defaults.put("state", "ENABLED");
    }

    private static void lbvserver() {
        ResourceDef d = def("lbvserver", Kind.OBJECT, "name");
        d.add = set("adfsproxyprofile,apiprofile,appflowlog,authentication,authenticationhost,authn401,authnprofile,"
                + "authnvsname,backuplbmethod,backuppersistencetimeout,backupvserver,bypassaaaa,cacheable,clttimeout,"
                + "comment,connfailover,cookiename,datalength,dataoffset,dbprofilename,dbslb,disableprimaryondown,dns64,"
                + "dnsoverhttps,dnsprofilename,downstateflush,hashlength,healththreshold,httpprofilename,"
                + "httpsredirecturl,icmpvsrresponse,insertvserveripport,ipmask,ippattern,ipset,ipv46,l2conn,lbmethod,"
                + "lbprofilename,listenpolicy,listenpriority,m,macmoderetainvlan,maxautoscalemembers,"
                + "minautoscalemembers,mssqlserverversion,mysqlcharacterset,mysqlprotocolversion,"
                + "mysqlservercapabilities,mysqlserverversion,name,netmask,netprofile,newservicerequest,"
                + "newservicerequestincrementinterval,newservicerequestunit,nodefaultbindings,oracleserverversion,"
                + "orderthreshold,persistavpno,persistencebackup,persistencetype,persistmask,port,probeport,"
                + "probeprotocol,probesuccessresponsecode,processlocal,push,pushlabel,pushmulticlients,pushvserver,"
                + "quicbridgeprofilename,quicprofilename,range,recursionavailable,redirectfromport,"
                + "redirectportrewrite,redirurl,resrule,retainconnectionsoncluster,rhistate,rtspnat,rule,servicetype,"
                + "sessionless,skippersistency,sobackupaction,somethod,sopersistence,sopersistencetimeout,sothreshold,"
                + "tcpprobeport,tcpprofilename,td,timeout,toggleorder,tosid,trofspersistence,v6netmasklen,"
                + "v6persistmasklen,vipheader");
        d.update = plus(minus(d.add, "nodefaultbindings,port,range,servicetype,td"), "order,servicename,weight");
        d.unset = minus(d.update, "bypassaaaa,dns64,ipmask,ippattern,ipv46,probeport,processlocal,weight");
        d.actions.put("enable", set("name"));
        d.actions.put("disable", set("name"));
        d.actions.put("rename", set("name,newname"));
        d.actions.put("unset", d.unset);
        d.types.put("servicetype", Attr.oneOf(VSERVER_TYPES));
        d.types.put("lbmethod", Attr.oneOf("ROUNDROBIN|LEASTCONNECTION|LEASTRESPONSETIME|URLHASH|DOMAINHASH"
                + "|DESTINATIONIPHASH|SOURCEIPHASH|SRCIPDESTIPHASH|LEASTBANDWIDTH|LEASTPACKETS|TOKEN|SRCIPSRCPORTHASH"
                + "|LRTM|CALLIDHASH|CUSTOMLOAD|LEASTREQUEST|AUDITLOGHASH|STATICPROXIMITY|USER_TOKEN"));
        d.types.put("persistencetype", Attr.oneOf("SOURCEIP|COOKIEINSERT|SSLSESSION|RULE|URLPASSIVE|CUSTOMSERVERID"
                + "|DESTIP|SRCIPDESTIP|CALLID|RTSPSID|DIAMETER|FIXSESSION|USERSESSION|NONE"));
        d.types.put("persistencebackup", Attr.oneOf("SOURCEIP|NONE"));
        d.types.put("backuplbmethod", Attr.oneOf("ROUNDROBIN|LEASTCONNECTION|LEASTRESPONSETIME|SOURCEIPHASH"
                + "|LEASTBANDWIDTH|LEASTPACKETS|CUSTOMLOAD"));
        d.types.put("somethod", Attr.oneOf("CONNECTION|DYNAMICCONNECTION|BANDWIDTH|HEALTH|NONE"));
        d.types.put("sobackupaction", Attr.oneOf("DROP|ACCEPT|REDIRECT"));
        d.types.put("connfailover", Attr.oneOf("DISABLED|STATEFUL|STATELESS"));
        d.types.put("m", Attr.oneOf("IP|MAC|IPTUNNEL|TOS"));
        d.types.put("toggleorder", Attr.oneOf("ASCENDING|DESCENDING"));
        d.types(Attr.oneOf(ED), "disableprimaryondown,downstateflush,appflowlog,sopersistence,sessionless,"
                + "redirectportrewrite,trofspersistence,macmoderetainvlan,dns64,processlocal,push,state");
        d.types(Attr.oneOf(ONOFF), "authentication,authn401,l2conn,rtspnat");
        d.types(Attr.oneOf(YN), "cacheable,bypassaaaa,pushmulticlients,retainconnectionsoncluster,dbslb");
        d.types.put("port", Attr.range(0, 65535));
        d.types.put("timeout", Attr.range(0, 1440));
        d.types.put("backuppersistencetimeout", Attr.range(2, 1440));
        d.types.put("clttimeout", Attr.range(0, 31536000));
        d.types.put("healththreshold", Attr.range(0, 100));
        d.types.put("weight", Attr.range(1, 100));
        d.types.put("td", Attr.range(0, 4094));
        d.types.put("sopersistencetimeout", Attr.range(2, 1440));
        d.types(Attr.INT, "sothreshold,hashlength,dataoffset,datalength,orderthreshold,minautoscalemembers,"
                + "maxautoscalemembers,v6netmasklen,v6persistmasklen,tosid,order,newservicerequest,"
                + "newservicerequestincrementinterval,listenpriority,redirectfromport,probeport,tcpprobeport");
        d.wireNumbers = set("port,timeout,backuppersistencetimeout");
        d.defaults.put("lbmethod", "LEASTCONNECTION");
        d.defaults.put("backuplbmethod", "ROUNDROBIN");
        d.defaults.put("persistencetype", "NONE");
        d.defaults.put("timeout", 2L);
        d.defaults.put("persistencebackup", "NONE");
        d.defaults.put("backuppersistencetimeout", 2L);
        d.defaults.put("ipv46", "0.0.0.0");
        d.defaults.put("port", 0L);
        d.defaults.put("range", "1");
        d.defaults.put("m", "IP");
        d.defaults.put("somethod", "NONE");
        d.defaults.put("sopersistence", "DISABLED");
        d.defaults.put("sopersistencetimeout", 2L);
        d.defaults.put("healththreshold", 0L);
        d.defaults.put("connfailover", "DISABLED");
        d.defaults.put("downstateflush", "ENABLED");
        d.defaults.put("disableprimaryondown", "DISABLED");
        d.defaults.put("redirectportrewrite", "DISABLED");
        d.defaults.put("cacheable", "NO");
        d.defaults.put("appflowlog", "ENABLED");
        d.defaults.put("sessionless", "DISABLED");
        d.defaults.put("trofspersistence", "ENABLED");
        d.defaults.put("persistmask", "255.255.255.255");
        d.defaults.put("v6persistmasklen", 128L);
        d.defaults.put("authentication", "OFF");
        d.defaults.put("authn401", "OFF");
        d.defaults.put("l2conn", "OFF");
        d.defaults.put("rtspnat", "OFF");
        d.defaults.put("icmpvsrresponse", "PASSIVE");
        d.defaults.put("rhistate", "PASSIVE");
        d.defaults.put("insertvserveripport", "OFF");
        d.defaults.put("listenpolicy", "NONE");
        d.defaults.put("push", "DISABLED");
        d.defaults.put("pushlabel", "none");
        d.defaults.put("pushmulticlients", "NO");
        d.defaults.put("skippersistency", "None");
        d.defaults.put("dns64", "DISABLED");
        d.defaults.put("bypassaaaa", "NO");
        d.defaults.put("processlocal", "DISABLED");
        d.defaults.put("retainconnectionsoncluster", "NO");
        d.defaults.put("macmoderetainvlan", "DISABLED");
        d.defaults.put("newservicerequestunit", "PER_SECOND");
        d.defaults.put("minautoscalemembers", 0L);
        d.defaults.put("maxautoscalemembers", 0L);
        d.defaults.put("dataoffset", 0L);
        d.defaults.put("datalength", 0L);
        d.defaults.put("td", 0L);
        d.defaults.put("state", "ENABLED");
    }

    private static void vserverGroupBinding() {
        ResourceDef d = def("lbvserver_servicegroup_binding", Kind.BINDING, "name");
        d.parent = "lbvserver";
        d.childKeys = List.of("servicegroupname");
        d.add = set("name,order,servicegroupname,servicename,weight");
        d.deleteArgs = set("servicegroupname,servicename");
        d.getArgs = set("servicegroupname,servicename");
        d.types.put("weight", Attr.range(1, 100));
        d.types.put("order", Attr.INT);
        d.defaults.put("weight", 1L);
    }

    private static void sslvserver() {
        ResourceDef d = def("sslvserver", Kind.AUTO, "vservername");
        d.parent = "lbvserver";
        d.update = set("cipherredirect,cipherurl,cleartextport,clientauth,clientcert,defaultsni,dh,dhcount,"
                + "dhekeyexchangewithpsk,dhfile,dhkeyexpsizelimit,dtls1,dtls12,dtlsprofilename,ersa,ersacount,hsts,"
                + "includesubdomains,maxage,ocspstapling,preload,pushenctrigger,redirectportrewrite,sendclosenotify,"
                + "sessreuse,sesstimeout,snienable,ssl2,ssl3,sslclientlogs,sslprofile,sslredirect,sslv2redirect,sslv2url,"
                + "strictsigdigestcheck,tls1,tls11,tls12,tls13,tls13sessionticketsperauthcontext,vservername,"
                + "zerorttearlydata");
        d.unset = minus(d.update, "pushenctrigger");
        d.actions.put("unset", d.unset);
        d.types(Attr.oneOf(ED), "cipherredirect,clientauth,dh,dhekeyexchangewithpsk,dhkeyexpsizelimit,dtls1,dtls12,"
                + "ersa,hsts,includesubdomains,ocspstapling,preload,redirectportrewrite,sessreuse,snienable,ssl2,ssl3,"
                + "sslclientlogs,sslredirect,sslv2redirect,strictsigdigestcheck,tls1,tls11,tls12,tls13,"
                + "zerorttearlydata");
        d.types.put("sendclosenotify", Attr.oneOf(YN));
        d.types.put("clientcert", Attr.oneOf("Mandatory|Optional"));
        d.types.put("pushenctrigger", Attr.oneOf("Always|Merge|Ignore|Timer"));
        d.types(Attr.INT, "cleartextport,dhcount,ersacount,maxage,sesstimeout,tls13sessionticketsperauthcontext");
        d.wireNumbers = set("cleartextport");
        d.defaults.put("cleartextport", 0L);
        d.defaults.put("dh", "DISABLED");
        d.defaults.put("ersa", "ENABLED");
        d.defaults.put("sessreuse", "ENABLED");
        d.defaults.put("sesstimeout", 120L);
        d.defaults.put("cipherredirect", "DISABLED");
        d.defaults.put("clientauth", "DISABLED");
        d.defaults.put("sslredirect", "DISABLED");
        d.defaults.put("redirectportrewrite", "DISABLED");
        d.defaults.put("ssl2", "DISABLED");
        d.defaults.put("ssl3", "DISABLED");
        d.defaults.put("tls1", "ENABLED");
        d.defaults.put("tls11", "ENABLED");
        d.defaults.put("tls12", "ENABLED");
        d.defaults.put("tls13", "DISABLED");
        d.defaults.put("dtls1", "DISABLED");
        d.defaults.put("snienable", "DISABLED");
        d.defaults.put("hsts", "DISABLED");
        d.defaults.put("sendclosenotify", "YES");
        d.defaults.put("strictsigdigestcheck", "DISABLED");
    }

    private static void certBindingCommon(ResourceDef d) {
        d.types.put("crlcheck", Attr.oneOf("Mandatory|Optional"));
        d.types.put("ocspcheck", Attr.oneOf("Mandatory|Optional"));
        d.types(Attr.BOOL, "ca,snicert,skipcaname");
        d.childKeys = List.of("certkeyname");
    }

    private static void sslvserverCertBinding() {
        ResourceDef d = def("sslvserver_sslcertkey_binding", Kind.BINDING, "vservername");
        d.parent = "sslvserver";
        d.add = set("ca,certkeyname,crlcheck,ocspcheck,skipcaname,snicert,vservername");
        d.deleteArgs = set("ca,certkeyname,crlcheck,ocspcheck,snicert");
        d.getArgs = set("ca,certkeyname,crlcheck,ocspcheck,snicert");
        certBindingCommon(d);
    }

    private static void sslservicegroup() {
        ResourceDef d = def("sslservicegroup", Kind.AUTO, "servicegroupname");
        d.parent = "servicegroup";
        d.update = set("commonname,ocspstapling,sendclosenotify,serverauth,servicegroupname,sessreuse,sesstimeout,"
                + "snienable,ssl3,sslclientlogs,sslprofile,strictsigdigestcheck,tls1,tls11,tls12,tls13");
        d.unset = d.update;
        d.actions.put("unset", d.unset);
        d.types(Attr.oneOf(ED), "ocspstapling,serverauth,sessreuse,snienable,ssl3,sslclientlogs,strictsigdigestcheck,"
                + "tls1,tls11,tls12,tls13");
        d.types.put("sendclosenotify", Attr.oneOf(YN));
        d.types.put("sesstimeout", Attr.INT);
        d.defaults.put("serverauth", "DISABLED");
        d.defaults.put("sessreuse", "ENABLED");
        d.defaults.put("sesstimeout", 300L);
        d.defaults.put("ssl3", "DISABLED");
        d.defaults.put("tls1", "ENABLED");
        d.defaults.put("tls11", "ENABLED");
        d.defaults.put("tls12", "ENABLED");
        d.defaults.put("tls13", "DISABLED");
        d.defaults.put("snienable", "DISABLED");
        d.defaults.put("sendclosenotify", "YES");
        d.defaults.put("strictsigdigestcheck", "DISABLED");
    }

    private static void sslservicegroupCertBinding() {
        ResourceDef d = def("sslservicegroup_sslcertkey_binding", Kind.BINDING, "servicegroupname");
        d.parent = "sslservicegroup";
        d.add = set("ca,certkeyname,crlcheck,ocspcheck,servicegroupname,snicert");
        d.deleteArgs = set("ca,certkeyname,crlcheck,snicert");
        d.getArgs = set("ca,certkeyname,crlcheck,snicert");
        certBindingCommon(d);
    }

    private static void sslcertkey() {
        ResourceDef d = def("sslcertkey", Kind.OBJECT, "certkey");
        d.add = set("bundle,cert,certkey,deletecertkeyfilesonremoval,expirymonitor,fipskey,hsmkey,inform,key,"
                + "notificationperiod,passplain,password");
        d.update = minus(d.add, "bundle,cert,fipskey,hsmkey,inform,key,passplain,password");
        d.unset = set("certkey,deletecertkeyfilesonremoval,expirymonitor,notificationperiod");
        d.actions.put("unset", d.unset);
        d.actions.put("update", set("cert,certkey,fipskey,inform,key,nodomaincheck,passplain,password"));
        d.actions.put("link", set("certkey,linkcertkeyname"));
        d.actions.put("unlink", set("certkey"));
        d.deleteArgs = set("deletecertkeyfilesonremoval,deletefromdevice");
        d.secrets = set("passplain,password");
        d.types.put("inform", Attr.oneOf("DER|PEM|PFX"));
        d.types.put("expirymonitor", Attr.oneOf(ED));
        d.types.put("bundle", Attr.oneOf(YN));
        d.types.put("deletecertkeyfilesonremoval", Attr.oneOf("NO|YES"));
        d.types(Attr.BOOL, "password,nodomaincheck,deletefromdevice");
        d.types.put("notificationperiod", Attr.range(10, 100));
        d.wireNumbers = set("notificationperiod,daystoexpiration");
        d.defaults.put("inform", "PEM");
        d.defaults.put("expirymonitor", "DISABLED");
    }

    private static void nstcpprofile() {
        ResourceDef d = def("nstcpprofile", Kind.OBJECT, "name");
        d.add = set("ackaggregation,ackonpush,applyadaptivetcp,buffersize,burstratecontrol,clientiptcpoption,"
                + "clientiptcpoptionnumber,delayedack,dropestconnontimeout,drophalfclosedconnontimeout,dsack,dupackthresh,"
                + "dynamicreceivebuffering,ecn,establishclientconn,fack,flavor,frto,hystart,initialcwnd,ka,"
                + "kaconnidletime,kamaxprobes,kaprobeinterval,kaprobeupdatelastactivity,maxburst,maxcwnd,maxpktpermss,"
                + "minrto,mpcapablecbit,mptcp,mptcpdropdataonpreestsf,mptcpfastopen,mptcpsessiontimeout,mss,nagle,name,"
                + "oooqsize,pktperretx,rateqmax,rfc5961compliance,rstmaxack,rstwindowattenuate,sack,sendbuffsize,"
                + "sendclientportintcpoption,slowstartincr,slowstartthreshold,spoofsyndrop,syncookie,taillossprobe,"
                + "tcpfastopen,tcpfastopencookiesize,tcpmode,tcprate,tcpsegoffload,timestamp,ws,wsval");
        d.update = d.add;
        d.unset = d.update;
        d.actions.put("unset", d.unset);
        d.types.put("flavor", Attr.oneOf("Default|Westwood|BIC|CUBIC|Nile|BBR"));
        d.types(Attr.oneOf(ED), "ka,ws,sack,nagle,ackonpush,ackaggregation,dsack,ecn,fack,frto,hystart,mptcp,"
                + "dropestconnontimeout,drophalfclosedconnontimeout,timestamp,spoofsyndrop,syncookie,taillossprobe,"
                + "tcpfastopen,kaprobeupdatelastactivity,rstmaxack,rfc5961compliance,rstwindowattenuate,"
                + "dynamicreceivebuffering,establishclientconn,clientiptcpoption,sendclientportintcpoption,"
                + "applyadaptivetcp,mpcapablecbit,mptcpdropdataonpreestsf,mptcpfastopen,delayedack,burstratecontrol");
        d.types.put("kaconnidletime", Attr.range(1, 4095));
        d.types.put("kamaxprobes", Attr.range(1, 254));
        d.types.put("kaprobeinterval", Attr.range(1, 4095));
        d.types(Attr.INT, "buffersize,clientiptcpoptionnumber,dupackthresh,initialcwnd,maxburst,maxcwnd,maxpktpermss,"
                + "minrto,mptcpsessiontimeout,mss,oooqsize,pktperretx,rateqmax,sendbuffsize,slowstartincr,"
                + "slowstartthreshold,tcpfastopencookiesize,tcprate,wsval");
        d.defaults.put("ka", "DISABLED");
        d.defaults.put("flavor", "Default");
        d.defaults.put("ws", "DISABLED");
        d.defaults.put("sack", "DISABLED");
        d.defaults.put("nagle", "DISABLED");
    }
}
