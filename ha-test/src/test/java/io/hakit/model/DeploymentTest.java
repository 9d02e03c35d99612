package io.hakit.model;

import static io.hakit.model.Fixtures.APP1;
import static io.hakit.model.Fixtures.APP2;
import static io.hakit.model.Fixtures.LB;
import static io.hakit.model.Fixtures.LB_CERT;
import static io.hakit.model.Fixtures.LB_HL7;
import static io.hakit.model.Fixtures.baseline;
import static io.hakit.model.Fixtures.withService;
import static io.hakit.model.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The derived values every adapter renders from: farms, VIPs, product URLs, client connection, affinity. */
class DeploymentTest {

    static Farm farm(Deployment d, String service) {
        return d.farms().stream().filter(f -> f.service().equals(service)).findFirst().orElseThrow();
    }

    static List<Vip> vips(Deployment d, String service) {
        return d.vips().stream().filter(v -> v.service().equals(service)).toList();
    }

    @Test
    void oneFarmPerEnabledService() {
        Deployment d = baseline();
        assertThat(d.farms()).extracting(Farm::service).containsExactly("identity-server", "web-services",
                "user-interface", "reporting", "admin-console", "emergency-search", "system-health", "hl7", "fhir");
        Farm web = farm(d, "web-services");
        assertThat(web.name()).isEqualTo("PatientSecure Web Services");
        assertThat(web.mode()).isEqualTo(ServiceMode.BALANCED);
        assertThat(web.servers()).containsExactly(APP1, APP2);
        assertThat(web.ports()).containsExactly(new PortMapping(7002, 7002, true));
        assertThat(web.healthTest()).isEqualTo(ServiceType.WEB_SERVICES.healthTest());
        assertThat(web.members()).extracting(Member::toString).containsExactly(APP1 + ":7002", APP2 + ":7002");
        assertThat(farm(d, "hl7").mode()).isEqualTo(ServiceMode.FAILOVER);
        assertThat(farm(d, "hl7").healthTest()).isEmpty();
        assertThat(farm(d, "hl7").ports()).containsExactly(new PortMapping(2244, 2244, false));
    }

    @Test
    void aFarmHasOnlyTheServersItsServiceNames() {
        Deployment d = withService(baseline(), "fhir", s -> s.servers(List.of(APP2)));
        assertThat(farm(d, "fhir").servers()).containsExactly(APP2);
    }

    @Test
    void adminConsoleIsHttpOn80AndHttpsOn443() {
        Farm admin = farm(baseline(), "admin-console");
        assertThat(admin.ports()).containsExactly(new PortMapping(80, 80, false), new PortMapping(443, 443, true));
        assertThat(admin.members()).extracting(Member::port, Member::tls)
                .containsExactly(tuple(80, false), tuple(443, true), tuple(80, false), tuple(443, true));
        assertThat(vips(baseline(), "admin-console")).extracting(Vip::port, Vip::tls, Vip::certificate)
                .containsExactly(tuple(80, false, Optional.empty()), tuple(443, true, Optional.of(LB_CERT)));
    }

    @Test
    void emergencySearchPublishesTwoPorts() {
        assertThat(farm(baseline(), "emergency-search").ports())
                .containsExactly(new PortMapping(7005, 7005, true), new PortMapping(7006, 7006, true));
        assertThat(vips(baseline(), "emergency-search")).extracting(Vip::port).containsExactly(7005, 7006);
    }

    @Test
    void vipsCarryTheLoadBalancerAddressAndCertificate() {
        Deployment d = baseline(Vendor.CITRIX);
        assertThat(d.vips()).hasSize(11);
        Vip web = vips(d, "web-services").get(0);
        assertThat(web).isEqualTo(new Vip("web-services", "PatientSecure Web Services", LB, Optional.of("10.20.0.50"),
                7002, 7002, true, ServiceMode.BALANCED, Optional.of(LB_CERT)));
        Vip hl7 = vips(d, "hl7").get(0);
        assertThat(hl7.fqdn()).isEqualTo(LB);
        assertThat(hl7.address()).contains("10.20.0.50");
        assertThat(hl7.mode()).isEqualTo(ServiceMode.FAILOVER);
        assertThat(hl7.certificate()).isEmpty();
    }

    @Test
    void aServiceCertificateIsBoundInsteadOfTheLoadBalancers() {
        var own = Fixtures.leaf(Fixtures.PUBLIC_CA, LB);
        Deployment d = withService(baseline(), "fhir", s -> s.certificate(own));
        assertThat(vips(d, "fhir").get(0).certificate()).contains(own);
        assertThat(vips(d, "reporting").get(0).certificate()).contains(LB_CERT);
    }

    @Test
    void f5PublishesHl7OnItsOwnNameAndAddress() {
        Vip hl7 = vips(baseline(Vendor.F5), "hl7").get(0);
        assertThat(hl7.fqdn()).isEqualTo(LB_HL7);
        assertThat(hl7.address()).contains("10.20.0.51");
        assertThat(hl7.port()).isEqualTo(2244);
        assertThat(vips(baseline(Vendor.F5), "web-services").get(0).address()).contains("10.20.0.50");
    }

    @Test
    void f5WithoutAnHl7NameFallsBackToTheMainOnes() {
        Deployment d = Fixtures.withLb(baseline(Vendor.F5), lb -> lb.hl7Fqdn(null).hl7Address(null));
        Vip hl7 = vips(d, "hl7").get(0);
        assertThat(hl7.fqdn()).isEqualTo(LB);
        assertThat(hl7.address()).contains("10.20.0.50");
    }

    @Test
    void iisHasNoHl7VipAndNoAddresses() {
        Deployment d = Fixtures.withLb(baseline(Vendor.IIS), lb -> lb.address("10.20.0.50"));
        assertThat(vips(d, "hl7")).isEmpty();
        assertThat(d.vips()).hasSize(10).allSatisfy(v -> assertThat(v.address()).isEmpty());
        // the farm is still derived: senders fail over between its servers
        assertThat(farm(d, "hl7").servers()).containsExactly(APP1, APP2);
    }

    @Test
    void disabledServicesHaveNoFarmVipOrUrl() {
        Deployment d = baseline();
        assertThat(d.service("empi")).isPresent();
        assertThat(d.farms()).noneMatch(f -> f.service().equals("empi"));
        assertThat(d.vips()).noneMatch(v -> v.service().equals("empi"));
        assertThat(d.productUrls()).noneMatch(u -> u.service().equals("empi"));
    }

    @Test
    void productUrlsAreHttpsOnTheLoadBalancerPortWithTheCatalogPath() {
        assertThat(baseline().productUrls()).extracting(ProductUrl::label, ProductUrl::url).containsExactly(
                tuple("Identity Server", "https://" + LB + ":7001/identityserver"),
                tuple("Web Services", "https://" + LB + ":7002/psws/api"),
                tuple("User Interface", "https://" + LB + ":7003"),
                tuple("Reporting Service", "https://" + LB + ":7004/api"),
                tuple("Emergency Search", "https://" + LB + ":7005/api"),
                tuple("Palm Vein Authentication", "https://" + LB + ":7006/api"),
                tuple("System Health Service", "https://" + LB + ":7007/api"),
                tuple("FHIR Service", "https://" + LB + ":7008/api"));
    }

    @Test
    void productUrlsUseTheLoadBalancerPort() {
        Deployment d = withService(baseline(), "reporting", s -> s.lbPorts(List.of(8004)));
        assertThat(d.productUrls()).filteredOn(u -> u.service().equals("reporting")).singleElement()
                .satisfies(u -> {
                    assertThat(u.url()).isEqualTo("https://" + LB + ":8004/api");
                    assertThat(u.port()).isEqualTo(8004);
                });
    }

    @Test
    void clientsConnectWithTheWebServicesNameAndPort() {
        assertThat(baseline().clientConnection()).contains(new ClientConnection(LB, 7002));
        assertThat(baseline().clientConnection().get()).hasToString(LB + ":7002");
        Deployment moved = withService(baseline(), "web-services", s -> s.port(8443));
        assertThat(moved.clientConnection()).contains(new ClientConnection(LB, 8443));
        assertThat(without(baseline(), "web-services").clientConnection()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void affinityFollowsTheGuidePerVendor(Vendor vendor) {
        Deployment d = baseline(vendor);
        Affinity guide = Affinity.guideDefault(vendor);
        for (String required : List.of("web-services", "user-interface", "admin-console", "emergency-search")) {
            assertThat(d.affinityOf(d.service(required).get())).as(required).isEqualTo(guide);
            assertThat(farm(d, required).affinity()).isEqualTo(guide);
        }
        assertThat(d.affinityOf(d.service("hl7").get())).isEqualTo(Affinity.NONE);
        assertThat(d.affinityOf(d.service("reporting").get()))
                .isEqualTo(vendor == Vendor.IIS ? Affinity.NONE : guide);
    }

    @Test
    void theGuidesAffinityPerVendor() {
        assertThat(Affinity.guideDefault(Vendor.IIS)).isEqualTo(new Affinity(AffinityType.COOKIE, Duration.ZERO));
        assertThat(Affinity.guideDefault(Vendor.CITRIX))
                .isEqualTo(new Affinity(AffinityType.SOURCE_IP, Duration.ofMinutes(10)));
        assertThat(Affinity.guideDefault(Vendor.F5))
                .isEqualTo(new Affinity(AffinityType.SOURCE_IP, Duration.ofMinutes(10)));
    }

    @Test
    void aStatedAffinityWins() {
        Affinity cookie = new Affinity(AffinityType.COOKIE, Duration.ofMinutes(5));
        Deployment d = withService(baseline(Vendor.F5), "reporting", s -> s.affinity(cookie));
        assertThat(d.affinityOf(d.service("reporting").get())).isEqualTo(cookie);
    }

    @Test
    void buildingChecksOnlyJavaLevelInvariants() {
        assertThatThrownBy(() -> baseline().copy(b -> b.service(ServiceType.FHIR)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("services: the name 'fhir' is used twice");
        assertThatThrownBy(() -> Deployment.builder().loadBalancer(lb -> lb.vendor(Vendor.F5).fqdn(LB)).build())
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> Deployment.builder().name("x").build())
                .isInstanceOf(NullPointerException.class).hasMessage("loadBalancer");
        // two services of one type under different names are allowed
        Deployment two = baseline().copy(b -> b.service(Service.builder(ServiceType.FHIR).name("fhir-b").port(7018)
                .farmName("FHIR B").build()));
        assertThat(two.farms()).extracting(Farm::name).contains("PatientSecure FHIR Service", "FHIR B");
    }

    @Test
    void lookups() {
        Deployment d = baseline();
        assertThat(d.server(APP1)).isPresent();
        assertThat(d.server("nope")).isEmpty();
        assertThat(d.service(ServiceType.EMPI)).isEmpty();
        assertThat(d.service("empi")).isPresent();
        assertThat(d.enabledServices()).hasSize(9);
        assertThat(d.isProduction()).isTrue();
        assertThat(d.vendor()).isEqualTo(Vendor.CITRIX);
        assertThat(d.toString()).contains("test-hospital", "2 servers", "10 services");
    }
}
