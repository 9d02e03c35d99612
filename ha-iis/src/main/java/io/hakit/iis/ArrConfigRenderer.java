package io.hakit.iis;

import io.hakit.health.vendor.ArrHealthCheck;
import io.hakit.iis.internal.ArrFarmSpec;
import io.hakit.iis.internal.ArrXml;
import io.hakit.model.AffinityType;
import io.hakit.model.Deployment;
import io.hakit.model.Vip;
import io.hakit.model.cert.CertificateChain;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the IIS + ARR configuration a deployment needs, following the guide's IIS section:
 *
 * <ul>
 * <li>one server farm per balanced service, named as in the guide; every member online with
 *     {@code httpsPort} = the service's port (the Admin Console keeps ARR's 80/443: no port override);
 *     a service with two HTTPS ports gets one farm per port, the second named {@code <farm> <port>};</li>
 * <li>the guide's health test (HC-002) through ha-health's {@link ArrHealthCheck} mapping, with
 *     {@code minServers} 1 (HC-001); cookie affinity where the guide wants affinity (AFF-001);</li>
 * <li>SSL offloading off (ARR-002): per farm only the wizard's SSL rule
 *     {@code ARR_<farm>_loadbalance_SSL}, conditioned on <code>{HTTPS}</code> on and
 *     <code>{SERVER_PORT}</code> = the published port, anchored ({@code ^7001$}), forwarding to
 *     {@code https://<farm>/{R:0}}; the non-SSL rule {@code ARR_<farm>_loadbalance} is removed
 *     (ARR-003), except for the Admin Console, which keeps it conditioned on port 80;</li>
 * <li>Default Web Site bindings for every published port, each HTTPS one with the certificate's
 *     SHA-1 thumbprint (ARR-004).</li>
 * </ul>
 *
 * HL7 is not rendered: ARR proxies HTTP only. Stateless and thread-safe.
 */
public final class ArrConfigRenderer {

    private ArrConfigRenderer() {
    }

    /**
     * @param deployment the deployment
     * @return the farms, rules and bindings it needs
     */
    public static ArrConfig render(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        ArrConfig.Builder b = ArrConfig.builder();
        List<RewriteRule> rules = new ArrayList<>();
        for (ArrFarmSpec spec : ArrFarmSpec.of(deployment)) {
            WebFarm.Builder farm = WebFarm.builder(spec.name());
            for (String server : spec.farm().servers()) {
                FarmServer.Builder s = FarmServer.builder(server).httpsPort(spec.https().serverPort());
                spec.http().ifPresent(h -> s.httpPort(h.serverPort()));
                farm.server(s.build());
            }
            spec.farm().healthTest().ifPresent(t -> {
                ArrHealthCheck hc = healthCheck(deployment, spec);
                farm.healthCheck(HealthCheck.builder().url(hc.url()).interval(hc.interval()).timeout(hc.timeout())
                        .statusCodeMatch(hc.statusCodeMatch()).responseMatch(hc.responseMatch().orElse(""))
                        .minServers(hc.minServers()).build());
            });
            farm.affinity(spec.farm().affinity().enabled() ? FarmAffinity.COOKIE : FarmAffinity.NONE);
            b.farm(farm.build());
            rules.add(RewriteRule.builder(spec.sslRule()).patternSyntax(RewriteRule.PatternSyntax.ECMA_SCRIPT)
                    .stopProcessing(true).matchUrl(".*").condition("{HTTPS}", "^ON$")
                    .condition("{SERVER_PORT}", "^" + spec.https().lbPort() + "$")
                    .actionType(RewriteRule.ActionType.REWRITE).actionUrl("https://" + spec.name() + "/{R:0}")
                    .build());
            spec.http().ifPresent(h -> rules.add(RewriteRule.builder(spec.plainRule())
                    .patternSyntax(RewriteRule.PatternSyntax.ECMA_SCRIPT).stopProcessing(true).matchUrl(".*")
                    .condition("{HTTPS}", "^OFF$").condition("{SERVER_PORT}", "^" + h.lbPort() + "$")
                    .actionType(RewriteRule.ActionType.REWRITE).actionUrl("http://" + spec.name() + "/{R:0}")
                    .build()));
        }
        rules.forEach(b::rule);
        Map<String, SiteBinding> bindings = new LinkedHashMap<>();
        for (Vip v : deployment.vips()) {
            SiteBinding binding = v.tls() ? SiteBinding.https(v.port(), v.certificate().map(c ->
                    new CertificateBinding(thumbprint(c), CertificateBinding.DEFAULT_STORE)))
                    : SiteBinding.http(v.port());
            bindings.putIfAbsent(binding.key(), binding);
        }
        bindings.values().forEach(b::binding);
        return b.build();
    }

    /**
     * The {@code applicationHost.config} fragment: the Default Web Site's bindings, the global rules and
     * the farms, in the places they go, with comments naming the rules the guide removes, the
     * certificates to bind (HTTP.sys keeps them, not this file) and what ARR cannot carry. CRLF line
     * endings and four-space indentation, as IIS writes the file.
     *
     * @param deployment the deployment
     * @return the fragment, a complete XML document rooted at {@code <configuration>}
     */
    public static String fragment(Deployment deployment) {
        ArrConfig arr = render(deployment);
        String nl = "\r\n";
        String unit = "    ";
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").append(nl);
        b.append("<!-- hakit: IIS + ARR configuration of deployment '").append(comment(deployment.name()))
                .append("'. hakit apply (vendor iis) merges it into applicationHost.config, keeping the rest byte for byte -->")
                .append(nl);
        for (String removed : removedRules(deployment)) {
            b.append("<!-- ARR-003: global rule '").append(comment(removed)).append("' must not exist -->").append(nl);
        }
        for (SiteBinding s : arr.bindings()) {
            s.certificate().ifPresent(c -> b.append("<!-- certificate for ").append(s.key()).append(": thumbprint ")
                    .append(c.thumbprint()).append(" in LocalMachine\\").append(c.storeName())
                    .append(" (HTTP.sys; see certificates.cmd) -->").append(nl));
        }
        for (String note : notes(deployment)) {
            b.append("<!-- not carried: ").append(comment(note)).append(" -->").append(nl);
        }
        List<ArrXml.Line> bindings = ArrXml.wrap("bindings", arr.bindings().stream().map(ArrXml::binding).toList());
        List<ArrXml.Line> site = ArrXml.element("site", Map.of("name", SiteBinding.DEFAULT_WEB_SITE), bindings);
        List<List<ArrXml.Line>> top = new ArrayList<>();
        top.add(ArrXml.wrap("system.applicationHost", List.of(ArrXml.wrap("sites", List.of(site)))));
        top.add(ArrXml.wrap("system.webServer", List.of(ArrXml.wrap("rewrite", List.of(ArrXml.wrap("globalRules",
                arr.rules().stream().map(ArrXml::rule).toList()))))));
        top.add(ArrXml.wrap("webFarms", arr.farms().stream().map(ArrXml::farm).toList()));
        b.append(ArrXml.text(ArrXml.wrap("configuration", top), "", unit, nl)).append(nl);
        return b.toString();
    }

    private static String comment(String s) {
        String c = s.replace("--", "- -");
        return c.endsWith("-") ? c + " " : c;
    }

    /**
     * The rules ARR's wizard creates that the guide removes (ARR-003): the non-SSL rule
     * {@code ARR_<farm>_loadbalance} of every farm but the Admin Console's.
     *
     * @param deployment the deployment
     * @return the rule names
     */
    public static List<String> removedRules(Deployment deployment) {
        List<String> out = new ArrayList<>();
        for (ArrFarmSpec spec : ArrFarmSpec.of(deployment)) {
            if (spec.http().isEmpty()) {
                out.add(spec.plainRule());
            }
        }
        return out;
    }

    /**
     * What the ARR configuration cannot carry of the deployment, one sentence each: health-test
     * details ARR lacks (from {@link ArrHealthCheck#notCarried()}), source-address affinity (ARR has
     * cookies only), and HL7 (not HTTP).
     *
     * @param deployment the deployment
     * @return the notes; empty when everything is carried
     */
    public static List<String> notes(Deployment deployment) {
        List<String> out = new ArrayList<>();
        for (ArrFarmSpec spec : ArrFarmSpec.of(deployment)) {
            if (spec.farm().healthTest().isPresent()) {
                for (String lost : healthCheck(deployment, spec).notCarried()) {
                    out.add(spec.name() + ": health test " + lost);
                }
            }
            if (spec.farm().affinity().type() == AffinityType.SOURCE_IP) {
                out.add(spec.name() + ": source-ip affinity is rendered as ARR's cookie affinity (ARR has no "
                        + "source-address affinity)");
            }
        }
        deployment.farms().stream().filter(f -> f.mode() != io.hakit.model.ServiceMode.BALANCED).forEach(f ->
                out.add(f.name() + ": not rendered; ARR proxies HTTP only, so senders fail over between "
                        + String.join(", ", f.servers()) + " themselves"));
        return out;
    }

    private static ArrHealthCheck healthCheck(Deployment d, ArrFarmSpec spec) {
        int port = spec.https().lbPort();
        String url = "https://" + d.loadBalancer().fqdn() + (port == 443 ? "" : ":" + port)
                + spec.farm().healthTest().orElseThrow().path();
        return ArrHealthCheck.from(spec.farm().healthTest().orElseThrow(), url);
    }

    /**
     * @param chain a certificate chain
     * @return its leaf's SHA-1 thumbprint, upper-case hex, as Windows shows it
     */
    public static String thumbprint(CertificateChain chain) {
        return thumbprint(chain.leaf());
    }

    /**
     * @param certificate a certificate
     * @return its SHA-1 thumbprint, upper-case hex
     */
    public static String thumbprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
            return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot compute a certificate thumbprint", e);
        }
    }
}
