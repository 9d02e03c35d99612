package io.hakit.citrix;

import io.hakit.health.vendor.CitrixMonitor;
import io.hakit.model.Affinity;
import io.hakit.model.AffinityType;
import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.GuideConstants;
import io.hakit.model.PortMapping;
import io.hakit.model.ServiceMode;
import io.hakit.model.Vip;
import io.hakit.model.cert.CertificateChain;
import io.hakit.model.cert.Pem;
import io.hakit.model.plan.Ownership;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders the NITRO configuration a {@link Deployment} needs (GUIDE-RULES CTX-001..004, AFF-002, HC-005,
 * TLS-001, TLS-004):
 * <ul>
 * <li>one {@code server} per application server, added by domain name (CTX-001);</li>
 * <li>per published port, one service group ({@code SSL} for HTTPS, {@code HTTP} for the Admin Console's
 * port 80) with every server of the farm at the service's port (CTX-002), client and server idle time-outs
 * of {@link GuideConstants#IDLE_TIMEOUT} (longer than the Admin Console's 30-minute session), one monitor from the
 * guide's health test bound to it (HC-005), and, with a trust CA in the topology, the CA installed as a CA
 * {@code sslcertkey}, bound to the group and {@code serverauth ENABLED} so the servers' certificates are
 * verified (TLS-004);</li>
 * <li>per published port, one {@code SSL} virtual server on the VIP address with the LB certificate bound
 * (TLS-001) and {@code SOURCEIP} persistence for 10 minutes (CTX-003, AFF-002);</li>
 * <li>HL7 on TCP 2244 active/standby (CTX-004): a virtual server per server, each bound to a one-member
 * group, the first addressable and the others its chain of backup virtual servers, never balanced.</li>
 * </ul>
 * Every object that has a {@code comment} carries the deployment's {@link Ownership} marker; monitors and
 * certificates (which have none) are recognised by the {@value #PREFIX} prefix of the names hakit gives
 * them. Stateless and thread-safe.
 */
public final class CitrixRenderer {

    /** What every name hakit gives starts with. */
    public static final String PREFIX = "hakit-";
    /** The certkey of the load balancer's certificate. */
    public static final String LB_CERTKEY = PREFIX + "lb-cert";
    /** The certkey of the CA that signed the application servers' certificates. */
    public static final String TRUST_CERTKEY = PREFIX + "trust-ca";

    private CitrixRenderer() {
    }

    /**
     * @param deployment the deployment
     * @return the configuration it needs on the ADC
     * @throws NullPointerException when {@code deployment} is null
     */
    public static CitrixConfig render(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        String marker = Ownership.of(deployment).marker();
        List<NitroObject> servers = new ArrayList<>();
        List<NitroObject> monitors = new ArrayList<>();
        List<NitroObject> groups = new ArrayList<>();
        List<NitroObject> sslGroups = new ArrayList<>();
        List<NitroObject> members = new ArrayList<>();
        List<NitroObject> monitorBindings = new ArrayList<>();
        List<NitroObject> certkeys = new ArrayList<>();
        List<NitroObject> caBindings = new ArrayList<>();
        List<NitroObject> vservers = new ArrayList<>();
        List<NitroObject> vserverBindings = new ArrayList<>();
        List<NitroObject> certBindings = new ArrayList<>();
        List<CitrixConfig.CertificateFile> files = new ArrayList<>();
        Map<String, String> keyFiles = new LinkedHashMap<>();
        long idle = GuideConstants.IDLE_TIMEOUT.toSeconds();

        Optional<CertificateChain> trust = deployment.trustCa();
        trust.ifPresent(ca -> {
            String file = TRUST_CERTKEY + "-" + fingerprint(ca.leaf()) + ".pem";
            files.add(new CitrixConfig.CertificateFile(file, Pem.write(ca.certificates())));
            certkeys.add(NitroObject.builder(NitroResource.SSLCERTKEY).attribute("certkey", TRUST_CERTKEY)
                    .attribute("cert", file).attribute("inform", "PEM").build());
        });
        Map<CertificateChain, String> certNames = new LinkedHashMap<>();
        deployment.loadBalancer().certificate().ifPresent(c -> certNames.put(c, LB_CERTKEY));

        List<String> seenServers = new ArrayList<>();
        for (Farm farm : deployment.farms()) {
            for (String s : farm.servers()) {
                if (!seenServers.contains(s)) {
                    seenServers.add(s);
                    servers.add(NitroObject.builder(NitroResource.SERVER).attribute("name", s).attribute("domain", s)
                            .attribute("comment", marker).build());
                }
            }
        }
        for (Farm farm : deployment.farms()) {
            for (PortMapping p : farm.ports()) {
                Vip vip = vipOf(deployment, farm, p);
                String base = farm.service() + "-" + p.lbPort();
                String type = farm.mode() == ServiceMode.FAILOVER ? "TCP" : p.tls() ? "SSL" : "HTTP";
                if (farm.mode() == ServiceMode.FAILOVER) {
                    // CTX-004: one single-member group and vserver per server; vserver i backs up vserver i-1
                    List<NitroObject> chain = new ArrayList<>();
                    for (int i = 0; i < farm.servers().size(); i++) {
                        String suffix = i == 0 ? "" : "-standby" + i;
                        String group = groupName(base) + suffix;
                        groups.add(group(group, type, marker, idle));
                        members.add(member(group, farm.servers().get(i), p.serverPort()));
                        String vs = vserverName(base) + suffix;
                        NitroObject.Builder v = NitroObject.builder(NitroResource.LBVSERVER).attribute("name", vs)
                                .attribute("servicetype", type);
                        if (i == 0) {
                            vip.address().ifPresent(a -> v.attribute("ipv46", a));
                            v.attribute("port", p.lbPort());
                        }
                        if (i + 1 < farm.servers().size()) {
                            v.attribute("backupvserver", vserverName(base) + "-standby" + (i + 1));
                            v.attribute("disableprimaryondown", "ENABLED");
                        }
                        v.attribute("persistencetype", "NONE").attribute("clttimeout", idle)
                                .attribute("comment", marker);
                        chain.add(v.build());
                        vserverBindings.add(NitroObject.builder(NitroResource.LBVSERVER_SERVICEGROUP_BINDING)
                                .attribute("name", vs).attribute("servicegroupname", group).build());
                    }
                    for (int i = chain.size() - 1; i >= 0; i--) {
                        vservers.add(chain.get(i)); // backups before the primary
                    }
                    continue;
                }
                String group = groupName(base);
                groups.add(group(group, type, marker, idle));
                if (p.tls() && trust.isPresent()) {
                    sslGroups.add(NitroObject.builder(NitroResource.SSLSERVICEGROUP)
                            .attribute("servicegroupname", group).attribute("serverauth", "ENABLED").build());
                    caBindings.add(NitroObject.builder(NitroResource.SSLSERVICEGROUP_CERTKEY_BINDING)
                            .attribute("servicegroupname", group).attribute("certkeyname", TRUST_CERTKEY)
                            .attribute("ca", true).build());
                }
                for (String s : farm.servers()) {
                    members.add(member(group, s, p.serverPort()));
                }
                farm.healthTest().ifPresent(test -> {
                    String mon = PREFIX + "mon-" + base;
                    CitrixMonitor m = CitrixMonitor.from(test, deployment.loadBalancer().fqdn(), p.tls());
                    NitroObject.Builder b = NitroObject.builder(NitroResource.LBMONITOR);
                    m.nitroAttributes(mon).forEach(b::attribute);
                    monitors.add(b.build());
                    monitorBindings.add(NitroObject.builder(NitroResource.SERVICEGROUP_MONITOR_BINDING)
                            .attribute("servicegroupname", group).attribute("monitor_name", mon).build());
                });
                String vs = vserverName(base);
                NitroObject.Builder v = NitroObject.builder(NitroResource.LBVSERVER).attribute("name", vs)
                        .attribute("servicetype", type);
                vip.address().ifPresent(a -> v.attribute("ipv46", a));
                v.attribute("port", p.lbPort());
                persistence(farm.affinity(), v);
                v.attribute("clttimeout", idle).attribute("comment", marker);
                vservers.add(v.build());
                vserverBindings.add(NitroObject.builder(NitroResource.LBVSERVER_SERVICEGROUP_BINDING)
                        .attribute("name", vs).attribute("servicegroupname", group).build());
                if (p.tls()) {
                    Optional<CertificateChain> cert = vip.certificate();
                    if (cert.isPresent()) {
                        String certkey = certNames.computeIfAbsent(cert.get(), c -> PREFIX + "cert-" + base);
                        certBindings.add(NitroObject.builder(NitroResource.SSLVSERVER_CERTKEY_BINDING)
                                .attribute("vservername", vs).attribute("certkeyname", certkey).build());
                    }
                }
            }
        }
        for (Map.Entry<CertificateChain, String> e : certNames.entrySet()) {
            String name = e.getValue();
            String file = name + "-" + fingerprint(e.getKey().leaf());
            files.add(new CitrixConfig.CertificateFile(file + ".pem", Pem.write(e.getKey().certificates())));
            keyFiles.put(file + ".key", name);
            NitroObject.Builder b = NitroObject.builder(NitroResource.SSLCERTKEY).attribute("certkey", name)
                    .attribute("cert", file + ".pem").attribute("key", file + ".key").attribute("inform", "PEM");
            if (e.getKey().certificates().size() > 1) {
                b.attribute("bundle", "YES");
            }
            certkeys.add(b.build());
        }
        List<NitroObject> all = new ArrayList<>();
        all.addAll(servers);
        all.addAll(monitors);
        all.addAll(groups);
        all.addAll(sslGroups);
        all.addAll(members);
        all.addAll(monitorBindings);
        all.addAll(certkeys);
        all.addAll(caBindings);
        all.addAll(vservers);
        all.addAll(vserverBindings);
        all.addAll(certBindings);
        return new CitrixConfig(marker, all, files, keyFiles);
    }

    /**
     * @param base {@code <service>-<lbPort>}
     * @return the service group's name
     */
    static String groupName(String base) {
        return PREFIX + "sg-" + base;
    }

    /**
     * @param base {@code <service>-<lbPort>}
     * @return the virtual server's name
     */
    static String vserverName(String base) {
        return PREFIX + "vs-" + base;
    }

    private static NitroObject group(String name, String type, String marker, long idle) {
        return NitroObject.builder(NitroResource.SERVICEGROUP).attribute("servicegroupname", name)
                .attribute("servicetype", type).attribute("clttimeout", idle).attribute("svrtimeout", idle)
                .attribute("comment", marker).build();
    }

    private static NitroObject member(String group, String server, int port) {
        return NitroObject.builder(NitroResource.SERVICEGROUP_MEMBER_BINDING).attribute("servicegroupname", group)
                .attribute("servername", server).attribute("port", port).attribute("weight", 1)
                .attribute("state", "ENABLED").build();
    }

    private static void persistence(Affinity affinity, NitroObject.Builder v) {
        if (affinity.type() == AffinityType.SOURCE_IP) {
            v.attribute("persistencetype", "SOURCEIP").attribute("timeout", minutes(affinity.timeout()));
        } else if (affinity.type() == AffinityType.COOKIE) {
            v.attribute("persistencetype", "COOKIEINSERT").attribute("timeout", minutes(affinity.timeout()));
        } else {
            v.attribute("persistencetype", "NONE");
        }
    }

    private static long minutes(Duration d) {
        return Math.max(2, (d.toSeconds() + 59) / 60);
    }

    private static Vip vipOf(Deployment d, Farm farm, PortMapping p) {
        return d.vips().stream().filter(v -> v.service().equals(farm.service()) && v.port() == p.lbPort())
                .findFirst().orElse(new Vip(farm.service(), farm.name(), d.loadBalancer().fqdn(),
                        d.loadBalancer().address(), p.lbPort(), p.serverPort(), p.tls(), farm.mode(),
                        Optional.empty()));
    }

    /**
     * Files are named after the certificate they hold (the first 12 hex digits of its SHA-256), so a renewed
     * certificate is uploaded beside the old one and swapped in place ({@code sslcertkey?action=update}).
     */
    static String fingerprint(X509Certificate c) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                b.append(String.format("%02x", d[i]));
            }
            return b.toString();
        } catch (java.security.NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint " + c.getSubjectX500Principal(), e);
        }
    }
}
