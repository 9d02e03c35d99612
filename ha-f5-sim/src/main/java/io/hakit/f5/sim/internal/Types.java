package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The object types the simulator serves. Attribute names are the REST camelCase lists of
 * the vendor notes (§6, from real GET bodies); defaults are the values those GET bodies show.
 */
public final class Types {
    /** Monitor types (a pool's {@code monitor} may name any of them). */
    public static final List<String> MONITORS = List.of("ltm/monitor/https", "ltm/monitor/http", "ltm/monitor/tcp",
            "ltm/monitor/tcp-half-open", "ltm/monitor/icmp", "ltm/monitor/gateway-icmp", "ltm/monitor/inband");
    /** Profile types a virtual's {@code profiles} may name. */
    public static final List<String> PROFILES = List.of("ltm/profile/tcp", "ltm/profile/client-ssl", "ltm/profile/server-ssl",
            "ltm/profile/http");
    /** Persistence types a virtual's {@code persist} may name. */
    public static final List<String> PERSISTENCE = List.of("ltm/persistence/source-addr");

    private static final Map<String, TypeSpec> BY_PATH;

    static {
        Map<String, TypeSpec> m = new LinkedHashMap<>();
        TypeSpec.SubSpec members = new TypeSpec.SubSpec("members", "members", "Pool Member",
                set("address connectionLimit dynamicRatio inheritProfile logging monitor priorityGroup rateLimit ratio "
                        + "session state description fqdn profiles"),
                obj("{\"connectionLimit\":0,\"dynamicRatio\":1,\"ephemeral\":\"false\",\"inheritProfile\":\"enabled\","
                        + "\"logging\":\"disabled\",\"monitor\":\"default\",\"priorityGroup\":0,\"rateLimit\":\"disabled\","
                        + "\"ratio\":1,\"session\":\"user-enabled\",\"state\":\"unchecked\"}"),
                true);
        add(m, new TypeSpec("ltm/node", "Node",
                set("address connectionLimit description dynamicRatio fqdn logging monitor rateLimit ratio session state"),
                obj("{\"connectionLimit\":0,\"dynamicRatio\":1,\"ephemeral\":\"false\",\"logging\":\"disabled\","
                        + "\"monitor\":\"default\",\"rateLimit\":\"disabled\",\"ratio\":1,\"session\":\"user-enabled\","
                        + "\"state\":\"unchecked\"}"),
                Map.of(), List.of()));
        add(m, new TypeSpec("ltm/pool", "Pool",
                set("allowNat allowSnat description ignorePersistedWeight ipTosToClient ipTosToServer linkQosToClient "
                        + "linkQosToServer loadBalancingMode minActiveMembers minUpMembers minUpMembersAction "
                        + "minUpMembersChecking monitor queueDepthLimit queueOnConnectionLimit queueTimeLimit reselectTries "
                        + "serviceDownAction slowRampTime metadata members"),
                obj("{\"allowNat\":\"yes\",\"allowSnat\":\"yes\",\"ignorePersistedWeight\":\"disabled\","
                        + "\"ipTosToClient\":\"pass-through\",\"ipTosToServer\":\"pass-through\","
                        + "\"linkQosToClient\":\"pass-through\",\"linkQosToServer\":\"pass-through\","
                        + "\"loadBalancingMode\":\"round-robin\",\"minActiveMembers\":0,\"minUpMembers\":0,"
                        + "\"minUpMembersAction\":\"failover\",\"minUpMembersChecking\":\"disabled\",\"queueDepthLimit\":0,"
                        + "\"queueOnConnectionLimit\":\"disabled\",\"queueTimeLimit\":0,\"reselectTries\":0,"
                        + "\"serviceDownAction\":\"none\",\"slowRampTime\":10}"),
                Map.of("members", members), List.of()));
        TypeSpec.SubSpec profiles = new TypeSpec.SubSpec("profiles", "profiles", "Profile", set("context"),
                obj("{}"), true);
        add(m, new TypeSpec("ltm/virtual", "Virtual Server",
                set("addressStatus autoLasthop cmpEnabled connectionLimit destination enabled gtmScore ipProtocol mask "
                        + "mirror mobileAppTunnel nat64 rateLimit rateLimitDstMask rateLimitMode rateLimitSrcMask "
                        + "serviceDownImmediateAction source sourceAddressTranslation sourcePort synCookieStatus "
                        + "translateAddress translatePort vlansDisabled description disabled fallbackPersistence metadata "
                        + "persist policies pool profiles rules serversslUseSni vlans vlansEnabled l2Forward ipForward "
                        + "stateless reject dhcpRelay internal fwEnforcedPolicy fwStagedPolicy securityLogProfiles "
                        + "securityNatPolicy ipIntelligencePolicy clonePools perFlowRequestAccessPolicy "
                        + "trafficMatchingCriteria"),
                obj("{\"addressStatus\":\"yes\",\"autoLasthop\":\"default\",\"cmpEnabled\":\"yes\",\"connectionLimit\":0,"
                        + "\"enabled\":true,\"gtmScore\":0,\"ipProtocol\":\"any\",\"mask\":\"255.255.255.255\","
                        + "\"mirror\":\"disabled\",\"mobileAppTunnel\":\"disabled\",\"nat64\":\"disabled\","
                        + "\"rateLimit\":\"disabled\",\"rateLimitDstMask\":0,\"rateLimitMode\":\"object\","
                        + "\"rateLimitSrcMask\":0,\"serviceDownImmediateAction\":\"none\",\"source\":\"0.0.0.0/0\","
                        + "\"sourceAddressTranslation\":{\"type\":\"none\"},\"sourcePort\":\"preserve\","
                        + "\"synCookieStatus\":\"not-activated\",\"translateAddress\":\"enabled\","
                        + "\"translatePort\":\"enabled\",\"vlansDisabled\":true}"),
                ordered(profiles, new TypeSpec.SubSpec("policies", "policies", "Policy", set("context"), obj("{}"), true)),
                List.of()));
        String monitorAttrs = "adaptive adaptiveDivergenceType adaptiveDivergenceValue adaptiveLimit adaptiveSamplingTimespan "
                + "defaultsFrom description destination interval ipDscp manualResume password recv recvDisable reverse send "
                + "timeUntilUp timeout transparent upInterval username";
        String monitorDefaults = "\"adaptive\":\"disabled\",\"adaptiveDivergenceType\":\"relative\","
                + "\"adaptiveDivergenceValue\":25,\"adaptiveLimit\":200,\"adaptiveSamplingTimespan\":300,"
                + "\"destination\":\"*:*\",\"interval\":5,\"ipDscp\":0,\"manualResume\":\"disabled\","
                + "\"reverse\":\"disabled\",\"timeUntilUp\":0,\"timeout\":16,\"transparent\":\"disabled\",\"upInterval\":0";
        add(m, new TypeSpec("ltm/monitor/https", "Monitor", set(monitorAttrs + " cipherlist compatibility sslProfile"),
                obj("{" + monitorDefaults + ",\"cipherlist\":\"DEFAULT:+SHA:+3DES:+kEDH\",\"compatibility\":\"enabled\","
                        + "\"defaultsFrom\":\"/Common/https\",\"send\":\"GET /\\\\r\\\\n\"}"),
                Map.of(), List.of("https", "https_443")));
        add(m, new TypeSpec("ltm/monitor/http", "Monitor", set(monitorAttrs),
                obj("{" + monitorDefaults + ",\"defaultsFrom\":\"/Common/http\",\"send\":\"GET /\\\\r\\\\n\"}"),
                Map.of(), List.of("http")));
        add(m, new TypeSpec("ltm/monitor/tcp", "Monitor", set(monitorAttrs),
                obj("{" + monitorDefaults + ",\"defaultsFrom\":\"/Common/tcp\"}"),
                Map.of(), List.of("tcp")));
        String basicMonitorAttrs = "adaptive adaptiveDivergenceType adaptiveDivergenceValue adaptiveLimit "
                + "adaptiveSamplingTimespan defaultsFrom description destination interval ipDscp manualResume reverse "
                + "timeUntilUp timeout transparent upInterval";
        add(m, new TypeSpec("ltm/monitor/tcp-half-open", "Monitor", set(basicMonitorAttrs),
                obj("{" + monitorDefaults + ",\"defaultsFrom\":\"/Common/tcp_half_open\"}"), Map.of(),
                List.of("tcp_half_open")));
        add(m, new TypeSpec("ltm/monitor/icmp", "Monitor", set(basicMonitorAttrs),
                obj("{" + monitorDefaults + ",\"defaultsFrom\":\"/Common/icmp\"}"), Map.of(), List.of("icmp")));
        add(m, new TypeSpec("ltm/monitor/gateway-icmp", "Monitor", set(basicMonitorAttrs),
                obj("{" + monitorDefaults + ",\"defaultsFrom\":\"/Common/gateway_icmp\"}"), Map.of(),
                List.of("gateway_icmp")));
        add(m, new TypeSpec("ltm/monitor/inband", "Monitor", set("defaultsFrom description failureInterval failures "
                + "responseTime retryTime"), obj("{\"defaultsFrom\":\"/Common/inband\",\"failureInterval\":30,"
                + "\"failures\":3,\"responseTime\":10,\"retryTime\":300}"), Map.of(), List.of("inband")));
        add(m, new TypeSpec("ltm/profile/http", "HTTP Profile",
                set("acceptXff appService basicAuthRealm defaultsFrom description encryptCookies enforcement explicitProxy "
                        + "fallbackHost fallbackStatusCodes headerErase headerInsert hsts insertXforwardedFor lwsSeparator "
                        + "lwsWidth oneconnectStatusReuse oneconnectTransformations proxyType redirectRewrite "
                        + "requestChunking responseChunking responseHeadersPermitted serverAgentName sflow viaHostName "
                        + "viaRequest viaResponse xffAlternativeNames"),
                obj("{\"acceptXff\":\"disabled\",\"appService\":\"none\",\"basicAuthRealm\":\"none\","
                        + "\"defaultsFrom\":\"/Common/http\",\"description\":\"none\",\"fallbackHost\":\"none\","
                        + "\"headerErase\":\"none\",\"headerInsert\":\"none\",\"insertXforwardedFor\":\"disabled\","
                        + "\"lwsSeparator\":\"none\",\"lwsWidth\":80,\"oneconnectStatusReuse\":\"200 206\","
                        + "\"oneconnectTransformations\":\"enabled\",\"proxyType\":\"reverse\","
                        + "\"redirectRewrite\":\"none\",\"requestChunking\":\"preserve\","
                        + "\"responseChunking\":\"selective\",\"serverAgentName\":\"BigIP\",\"viaHostName\":\"none\","
                        + "\"viaRequest\":\"preserve\",\"viaResponse\":\"preserve\"}"),
                Map.of(), List.of("http")));
        add(m, new TypeSpec("ltm/profile/tcp", "TCP Profile",
                set("abc ackOnPush appService autoProxyBufferSize autoReceiveWindowSize autoSendBufferSize closeWaitTimeout "
                        + "cmetricsCache cmetricsCacheTimeout congestionControl defaultsFrom deferredAccept "
                        + "delayWindowControl delayedAcks description dsack earlyRetransmit ecn enhancedLossRecovery "
                        + "fastOpen fastOpenCookieExpiration finWait_2Timeout finWaitTimeout hardwareSynCookie idleTimeout "
                        + "initCwnd initRwnd ipDfMode ipTosToClient ipTtlMode ipTtlV4 ipTtlV6 keepAliveInterval "
                        + "limitedTransmit linkQosToClient maxRetrans maxSegmentSize md5Signature minimumRto mptcp "
                        + "mptcpCsum mptcpCsumVerify mptcpDebug mptcpFallback mptcpFastjoin mptcpIdleTimeout mptcpJoinMax "
                        + "mptcpMakeafterbreak mptcpNojoindssack mptcpRtomax mptcpRxmitmin mptcpSubflowmax mptcpTimeout "
                        + "nagle pktLossIgnoreBurst pktLossIgnoreRate proxyBufferHigh proxyBufferLow proxyMss proxyOptions "
                        + "pushFlag ratePace ratePaceMaxRate receiveWindowSize resetOnTimeout rexmtThresh selectiveAcks "
                        + "selectiveNack sendBufferSize slowStart synCookieEnable synCookieWhitelist synMaxRetrans "
                        + "synRtoBase tailLossProbe tcpOptions timeWaitRecycle timeWaitTimeout timestamps verifiedAccept "
                        + "zeroWindowTimeout"),
                obj("{\"abc\":\"enabled\",\"ackOnPush\":\"enabled\",\"appService\":\"none\",\"closeWaitTimeout\":5,"
                        + "\"congestionControl\":\"high-speed\",\"defaultsFrom\":\"/Common/tcp\",\"delayedAcks\":\"enabled\","
                        + "\"description\":\"none\",\"earlyRetransmit\":\"enabled\",\"finWait_2Timeout\":300,"
                        + "\"finWaitTimeout\":5,\"idleTimeout\":300,\"initCwnd\":3,\"initRwnd\":3,"
                        + "\"keepAliveInterval\":1800,\"maxRetrans\":8,\"maxSegmentSize\":1460,\"nagle\":\"disabled\","
                        + "\"proxyBufferHigh\":49152,\"proxyBufferLow\":32768,\"proxyOptions\":\"disabled\","
                        + "\"receiveWindowSize\":65535,\"resetOnTimeout\":\"enabled\",\"sendBufferSize\":65535,"
                        + "\"synMaxRetrans\":3,\"synRtoBase\":3000,\"timeWaitRecycle\":\"enabled\","
                        + "\"timeWaitTimeout\":\"2000\",\"zeroWindowTimeout\":20000}"),
                Map.of(), List.of("tcp")));
        add(m, new TypeSpec("ltm/profile/client-ssl", "ClientSSL Profile",
                set("alertTimeout allowDynamicRecordSizing allowExpiredCrl allowNonSsl appService authenticate "
                        + "authenticateDepth bypassOnClientCertFail bypassOnHandshakeAlert caFile cacheSize cacheTimeout cert "
                        + "certExtensionIncludes certKeyChain certLifespan certLookupByIpaddrPort chain cipherGroup ciphers "
                        + "clientCertCa crlFile defaultsFrom description destinationIpBlacklist destinationIpWhitelist "
                        + "forwardProxyBypassDefaultAction genericAlert handshakeTimeout hostnameBlacklist hostnameWhitelist "
                        + "inheritCertkeychain key maxActiveHandshakes maxAggregateRenegotiationPerMinute "
                        + "maxRenegotiationsPerMinute maximumRecordSize modSslMethods mode notifyCertStatusToVirtualServer "
                        + "ocspStapling peerCertMode peerNoRenegotiateTimeout proxyCaCert proxyCaKey proxySsl "
                        + "proxySslPassthrough renegotiateMaxRecordDelay renegotiatePeriod renegotiateSize renegotiation "
                        + "retainCertificate secureRenegotiation serverName sessionMirroring sessionTicket "
                        + "sessionTicketTimeout sniDefault sniRequire sourceIpBlacklist sourceIpWhitelist sslForwardProxy "
                        + "sslForwardProxyBypass sslSignHash strictResume tmOptions uncleanShutdown passphrase"),
                obj("{\"alertTimeout\":\"indefinite\",\"allowNonSsl\":\"disabled\",\"authenticate\":\"once\","
                        + "\"authenticateDepth\":9,\"caFile\":\"none\",\"cacheSize\":262144,\"cacheTimeout\":3600,"
                        + "\"cert\":\"/Common/default.crt\",\"chain\":\"none\",\"cipherGroup\":\"none\",\"ciphers\":\"DEFAULT\","
                        + "\"clientCertCa\":\"none\",\"crlFile\":\"none\",\"defaultsFrom\":\"/Common/clientssl\","
                        + "\"description\":\"none\",\"handshakeTimeout\":\"10\",\"inheritCertkeychain\":\"true\","
                        + "\"key\":\"/Common/default.key\",\"mode\":\"enabled\",\"peerCertMode\":\"ignore\","
                        + "\"renegotiation\":\"enabled\",\"retainCertificate\":\"true\",\"secureRenegotiation\":\"require\","
                        + "\"serverName\":\"none\",\"sniDefault\":\"false\",\"sniRequire\":\"false\","
                        + "\"strictResume\":\"disabled\",\"tmOptions\":[\"dont-insert-empty-fragments\"],"
                        + "\"uncleanShutdown\":\"enabled\"}"),
                Map.of(), List.of("clientssl")));
        add(m, new TypeSpec("ltm/profile/server-ssl", "ServerSSL Profile",
                set("alertTimeout allowExpiredCrl appService authenticate authenticateDepth authenticateName "
                        + "bypassOnClientCertFail bypassOnHandshakeAlert c3dCaCert c3dCaKey c3dCertExtensionCustomOids "
                        + "c3dCertExtensionIncludes c3dCertLifespan caFile cacheSize cacheTimeout cert chain cipherGroup "
                        + "ciphers crlFile defaultsFrom description expireCertResponseControl genericAlert handshakeTimeout "
                        + "key maxActiveHandshakes modSslMethods mode ocsp peerCertMode proxySsl proxySslPassthrough "
                        + "renegotiatePeriod renegotiateSize renegotiation retainCertificate secureRenegotiation serverName "
                        + "sessionMirroring sessionTicket sniDefault sniRequire sslC3d sslForwardProxy sslForwardProxyBypass "
                        + "sslSignHash strictResume tmOptions uncleanShutdown untrustedCertResponseControl passphrase"),
                obj("{\"alertTimeout\":\"indefinite\",\"authenticate\":\"once\",\"authenticateDepth\":9,"
                        + "\"authenticateName\":\"none\",\"caFile\":\"none\",\"cacheSize\":262144,\"cacheTimeout\":3600,"
                        + "\"cert\":\"none\",\"chain\":\"none\",\"cipherGroup\":\"none\",\"ciphers\":\"DEFAULT\","
                        + "\"crlFile\":\"none\",\"defaultsFrom\":\"/Common/serverssl\",\"description\":\"none\","
                        + "\"expireCertResponseControl\":\"drop\",\"handshakeTimeout\":\"10\",\"key\":\"none\","
                        + "\"mode\":\"enabled\",\"ocsp\":\"none\",\"peerCertMode\":\"ignore\",\"renegotiation\":\"enabled\","
                        + "\"retainCertificate\":\"true\",\"secureRenegotiation\":\"require-strict\",\"serverName\":\"none\","
                        + "\"sniDefault\":\"false\",\"sniRequire\":\"false\",\"tmOptions\":[\"dont-insert-empty-fragments\"],"
                        + "\"uncleanShutdown\":\"enabled\",\"untrustedCertResponseControl\":\"drop\"}"),
                Map.of(), List.of("serverssl")));
        add(m, new TypeSpec("ltm/persistence/source-addr", "Source Address Persistence Profile",
                set("appService defaultsFrom description hashAlgorithm mapProxies mapProxyAddress mapProxyClass mask "
                        + "matchAcrossPools matchAcrossServices matchAcrossVirtuals mirror overrideConnectionLimit timeout"),
                obj("{\"appService\":\"none\",\"defaultsFrom\":\"/Common/source_addr\",\"description\":\"none\","
                        + "\"hashAlgorithm\":\"default\",\"mapProxies\":\"enabled\",\"mapProxyAddress\":\"none\","
                        + "\"mapProxyClass\":\"none\",\"mask\":\"none\",\"matchAcrossPools\":\"disabled\","
                        + "\"matchAcrossServices\":\"disabled\",\"matchAcrossVirtuals\":\"disabled\",\"mirror\":\"disabled\","
                        + "\"overrideConnectionLimit\":\"disabled\",\"timeout\":\"180\"}"),
                Map.of(), List.of("source_addr")));
        // Profile and tunnel types the Ansible modules list to classify names: served with the
        // system-supplied objects a BIG-IP always has (vendor notes §2; f5_modules bigip_virtual_server,
        // bigip_pool_member). Only the common attributes are writable.
        builtinOnly(m, "ltm/profile/fasthttp", "FastHTTP Profile", "/Common/fasthttp", "fasthttp");
        builtinOnly(m, "ltm/profile/fastl4", "FastL4 Profile", "/Common/fastL4", "fastL4", "full-acceleration");
        builtinOnly(m, "ltm/profile/udp", "UDP Profile", "/Common/udp", "udp", "udp_decrement_ttl", "udp_gtm_dns");
        builtinOnly(m, "ltm/profile/diameter", "Diameter Profile", "/Common/diameter", "diameter");
        builtinOnly(m, "ltm/profile/sip", "SIP Profile", "/Common/sip", "sip");
        builtinOnly(m, "ltm/profile/dhcpv4", "DHCPv4 Profile", "/Common/dhcpv4", "dhcpv4");
        builtinOnly(m, "ltm/profile/dhcpv6", "DHCPv6 Profile", "/Common/dhcpv6", "dhcpv6");
        builtinOnly(m, "ltm/message-routing/sip/profile/session", "SIP Session Profile", "/Common/sipsession",
                "sipsession");
        builtinOnly(m, "net/tunnels/gre", "GRE Tunnel Profile", "/Common/gre", "gre", "nvgre");
        builtinOnly(m, "net/tunnels/ipip", "IPIP Tunnel Profile", "/Common/ipip", "ipip", "ip4ip4", "ip4ip6", "ip6ip4",
                "ip6ip6");
        add(m, new TypeSpec("sys/file/ssl-cert", "Certificate File", set("sourcePath issuerCert description"),
                obj("{}"), Map.of(), List.of("default.crt")));
        add(m, new TypeSpec("sys/file/ssl-key", "Key File", set("sourcePath passphrase description"),
                obj("{}"), Map.of(), List.of("default.key")));
        add(m, new TypeSpec("gtm/datacenter", "Datacenter",
                set("contact description enabled disabled location proberFallback proberPreference"),
                obj("{\"enabled\":true,\"proberFallback\":\"any-available\",\"proberPreference\":\"inside-datacenter\"}"),
                Map.of(), List.of()));
        TypeSpec.SubSpec vss = new TypeSpec.SubSpec("virtual-servers", "virtualServers", "Virtual Server",
                set("destination enabled disabled translationAddress translationPort monitor limitMaxBps limitMaxBpsStatus "
                        + "limitMaxConnections limitMaxConnectionsStatus limitMaxPps limitMaxPpsStatus dependsOn description"),
                obj("{\"enabled\":true,\"limitMaxBps\":0,\"limitMaxBpsStatus\":\"disabled\",\"limitMaxConnections\":0,"
                        + "\"limitMaxConnectionsStatus\":\"disabled\",\"limitMaxPps\":0,\"limitMaxPpsStatus\":\"disabled\","
                        + "\"translationAddress\":\"none\",\"translationPort\":0}"),
                false);
        add(m, new TypeSpec("gtm/server", "Server",
                set("datacenter enabled disabled exposeRouteDomains iqAllowPath iqAllowServiceCheck iqAllowSnmp "
                        + "limitCpuUsage limitCpuUsageStatus limitMaxBps limitMaxBpsStatus limitMaxConnections "
                        + "limitMaxConnectionsStatus limitMaxPps limitMaxPpsStatus limitMemAvail limitMemAvailStatus "
                        + "linkDiscovery monitor proberFallback proberPreference proberPool product virtualServerDiscovery "
                        + "addresses description virtualServers"),
                obj("{\"enabled\":true,\"exposeRouteDomains\":\"no\",\"iqAllowPath\":\"yes\",\"iqAllowServiceCheck\":\"yes\","
                        + "\"iqAllowSnmp\":\"yes\",\"limitCpuUsage\":0,\"limitCpuUsageStatus\":\"disabled\",\"limitMaxBps\":0,"
                        + "\"limitMaxBpsStatus\":\"disabled\",\"limitMaxConnections\":0,"
                        + "\"limitMaxConnectionsStatus\":\"disabled\",\"limitMaxPps\":0,\"limitMaxPpsStatus\":\"disabled\","
                        + "\"limitMemAvail\":0,\"limitMemAvailStatus\":\"disabled\",\"linkDiscovery\":\"disabled\","
                        + "\"monitor\":\"/Common/bigip\",\"proberFallback\":\"inherit\",\"proberPreference\":\"inherit\","
                        + "\"product\":\"bigip\",\"virtualServerDiscovery\":\"disabled\"}"),
                Map.of("virtual-servers", vss), List.of()));
        TypeSpec.SubSpec gtmMembers = new TypeSpec.SubSpec("members", "members", "Pool Member",
                set("enabled disabled limitMaxBps limitMaxBpsStatus limitMaxConnections limitMaxConnectionsStatus "
                        + "limitMaxPps limitMaxPpsStatus memberOrder monitor ratio description"),
                obj("{\"enabled\":true,\"limitMaxBps\":0,\"limitMaxBpsStatus\":\"disabled\",\"limitMaxConnections\":0,"
                        + "\"limitMaxConnectionsStatus\":\"disabled\",\"limitMaxPps\":0,\"limitMaxPpsStatus\":\"disabled\","
                        + "\"monitor\":\"default\",\"ratio\":1}"),
                true);
        add(m, new TypeSpec("gtm/pool/a", "Pool",
                set("alternateMode dynamicRatio enabled disabled fallbackIp fallbackIpv4 fallbackIpv6 fallbackMode "
                        + "loadBalancingMode manualResume maxAnswersReturned monitor qosHitRatio qosHops qosKilobytesSecond "
                        + "qosLcs qosPacketRate qosRtt qosTopology qosVsCapacity qosVsScore ttl verifyMemberAvailability "
                        + "limitMaxBps limitMaxBpsStatus limitMaxConnections limitMaxConnectionsStatus limitMaxPps "
                        + "limitMaxPpsStatus minMembersUpMode minMembersUpValue members description"),
                obj("{\"alternateMode\":\"round-robin\",\"dynamicRatio\":\"disabled\",\"enabled\":true,\"fallbackIp\":\"any\","
                        + "\"fallbackMode\":\"return-to-dns\",\"limitMaxBps\":0,\"limitMaxBpsStatus\":\"disabled\","
                        + "\"limitMaxConnections\":0,\"limitMaxConnectionsStatus\":\"disabled\",\"limitMaxPps\":0,"
                        + "\"limitMaxPpsStatus\":\"disabled\",\"loadBalancingMode\":\"round-robin\","
                        + "\"manualResume\":\"disabled\",\"maxAnswersReturned\":1,\"monitor\":\"default\",\"qosHitRatio\":5,"
                        + "\"qosHops\":0,\"qosKilobytesSecond\":3,\"qosLcs\":30,\"qosPacketRate\":1,\"qosRtt\":50,"
                        + "\"qosTopology\":0,\"qosVsCapacity\":0,\"qosVsScore\":0,\"ttl\":30,"
                        + "\"verifyMemberAvailability\":\"enabled\"}"),
                Map.of("members", gtmMembers), List.of()));
        add(m, new TypeSpec("gtm/wideip/a", "Wide IP",
                set("description poolLbMode pools aliases rules lastResortPool persistence ttlPersistence persistCidrIpv4 "
                        + "persistCidrIpv6 enabled disabled failureRcode failureRcodeResponse failureRcodeTtl "
                        + "minimalResponse loadBalancingDecisionLogVerbosity topologyPreferEdns0ClientSubnet appService"),
                obj("{\"enabled\":true,\"failureRcode\":\"noerror\",\"failureRcodeResponse\":\"disabled\","
                        + "\"failureRcodeTtl\":0,\"lastResortPool\":\"\",\"minimalResponse\":\"enabled\","
                        + "\"persistCidrIpv4\":32,\"persistCidrIpv6\":128,\"persistence\":\"disabled\","
                        + "\"poolLbMode\":\"round-robin\",\"ttlPersistence\":3600}"),
                Map.of(), List.of()));
        add(m, new TypeSpec("cm/device-group", "device group",
                set("asmSync autoSync description fullLoadOnSync incrementalConfigSyncSizeMax networkFailover saveOnAutoSync type"),
                obj("{\"asmSync\":\"disabled\",\"autoSync\":\"disabled\",\"fullLoadOnSync\":\"false\","
                        + "\"incrementalConfigSyncSizeMax\":1024,\"networkFailover\":\"enabled\",\"saveOnAutoSync\":\"false\","
                        + "\"type\":\"sync-only\"}"),
                Map.of(), List.of()));
        BY_PATH = Collections.unmodifiableMap(m);
    }

    private Types() {
    }

    /** @return every type, in a fixed order */
    public static List<TypeSpec> all() {
        return new ArrayList<>(BY_PATH.values());
    }

    /**
     * @param path a type path, e.g. {@code ltm/pool}
     * @return the type, or {@code null}
     */
    public static TypeSpec get(String path) {
        return BY_PATH.get(path);
    }

    /**
     * Finds the type whose path is the longest prefix of a path below {@code /mgmt/tm/}.
     *
     * @param rest the path after {@code /mgmt/tm/}
     * @return the type, or {@code null}
     */
    public static TypeSpec match(String rest) {
        TypeSpec best = null;
        for (TypeSpec t : BY_PATH.values()) {
            if ((rest.equals(t.path()) || rest.startsWith(t.path() + "/"))
                    && (best == null || t.path().length() > best.path().length())) {
                best = t;
            }
        }
        return best;
    }

    private static void builtinOnly(Map<String, TypeSpec> m, String path, String display, String parent,
            String... builtins) {
        add(m, new TypeSpec(path, display, set("appService defaultsFrom description"),
                obj("{\"appService\":\"none\",\"defaultsFrom\":\"" + parent + "\",\"description\":\"none\"}"),
                Map.of(), List.of(builtins)));
    }

    private static void add(Map<String, TypeSpec> m, TypeSpec t) {
        m.put(t.path(), t);
    }

    private static Map<String, TypeSpec.SubSpec> ordered(TypeSpec.SubSpec... subs) {
        Map<String, TypeSpec.SubSpec> m = new LinkedHashMap<>();
        for (TypeSpec.SubSpec s : subs) {
            m.put(s.segment(), s);
        }
        return Collections.unmodifiableMap(m);
    }

    private static Set<String> set(String names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(names.trim().split("\\s+"))));
    }

    private static ObjectNode obj(String json) {
        return (ObjectNode) F5SimJson.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
