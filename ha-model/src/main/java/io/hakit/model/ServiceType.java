package io.hakit.model;

import java.util.List;
import java.util.Optional;

/**
 * The PatientSecure service catalog (GUIDE-RULES "The service catalog"): every component
 * the guide puts behind a load balancer, with its defaults in one place. Topology files
 * name services by {@link #key()}.
 */
public enum ServiceType {
    /** Identity Server (PSIS). */
    IDENTITY_SERVER("identity-server", "Identity Server", "PatientSecure Identity Server",
            List.of(7001), Protocol.HTTPS, "/identityserver", ServiceMode.BALANCED, false, false,
            test("/identityserver", "200-399", "IdentityServer4"), "IdentityServer4", "/identityserver"),
    /** Web Services (PSWS); clients connect with its FQDN and port (URL-002). */
    WEB_SERVICES("web-services", "Web Services", "PatientSecure Web Services",
            List.of(7002), Protocol.HTTPS, "/psws/api", ServiceMode.BALANCED, false, true,
            test("/psws/api/public/status", "200-302", null), "Success", "/psws/api"),
    /** User Interface (CLIENT). */
    USER_INTERFACE("user-interface", "User Interface", "PatientSecure User Interface Server",
            List.of(7003), Protocol.HTTPS, "", ServiceMode.BALANCED, false, true,
            test("/", "200-399", "UserInterface3"), "UserInterface3", "/"),
    /** Reporting Service; required wherever the Admin Console is (SVC-006). */
    REPORTING("reporting", "Reporting Service", "PatientSecure Reporting Service",
            List.of(7004), Protocol.HTTPS, "/api", ServiceMode.BALANCED, false, false,
            test("/api", "200-399", null), null, "/api"),
    /** Admin Console (PSAC): HTTP 80 and HTTPS 443, fixed (SVC-002). */
    ADMIN_CONSOLE("admin-console", "Admin Console", "PatientSecure Admin Console",
            List.of(80, 443), Protocol.HTTP_AND_HTTPS, null, ServiceMode.BALANCED, false, true,
            test("/AdminConsole", "200-399", null), null, "/AdminConsole"),
    /** Emergency Search (7005) and Palm Vein Authentication (7006): two ports, both published (SVC-007). */
    EMERGENCY_SEARCH("emergency-search", "Emergency Search & Palm Vein Authentication",
            "PatientSecure Emergency Search Service",
            List.of(7005, 7006), Protocol.HTTPS, "/api", ServiceMode.BALANCED, false, true,
            test("/api", "200-399", null), null, "/api"),
    /** System Health Service. */
    SYSTEM_HEALTH("system-health", "System Health Service", "PatientSecure System Health Service",
            List.of(7007), Protocol.HTTPS, "/api", ServiceMode.BALANCED, false, false,
            test("/api", "200-399", null), null, "/api"),
    /** HL7 Listener / Processor / Sender: MLLP on {@link GuideConstants#HL7_PORT} (2244), failover only (HL7-001). */
    HL7("hl7", "HL7 Listener", "PatientSecure HL7 Listener",
            List.of(GuideConstants.HL7_PORT), Protocol.MLLP, null, ServiceMode.FAILOVER, false, false,
            null, null, null),
    /** FHIR Service (optional; needs a third-party certificate on each server, TLS-005). */
    FHIR("fhir", "FHIR Service", "PatientSecure FHIR Service",
            List.of(7008), Protocol.HTTPS, "/api", ServiceMode.BALANCED, true, false,
            test("/api", "200-399", null), null, "/api"),
    /** EMPI Service (optional; Verato MPI, IBM Initiate; TLS-005). */
    EMPI("empi", "EMPI Service", "PatientSecure EMPI Service",
            List.of(7009), Protocol.HTTPS, "/api", ServiceMode.BALANCED, true, false,
            test("/api", "200-399", null), null, "/api");

    private final String key;
    private final String component;
    private final String farmName;
    private final List<Integer> defaultPorts;
    private final Protocol protocol;
    private final String urlPath;
    private final ServiceMode mode;
    private final boolean optional;
    private final boolean affinityRequired;
    private final HealthTest healthTest;
    private final String directMarker;
    private final String directPath;

    ServiceType(String key, String component, String farmName, List<Integer> defaultPorts, Protocol protocol,
            String urlPath, ServiceMode mode, boolean optional, boolean affinityRequired, HealthTest healthTest,
            String directMarker, String directPath) {
        this.key = key;
        this.component = component;
        this.farmName = farmName;
        this.defaultPorts = List.copyOf(defaultPorts);
        this.protocol = protocol;
        this.urlPath = urlPath;
        this.mode = mode;
        this.optional = optional;
        this.affinityRequired = affinityRequired;
        this.healthTest = healthTest;
        this.directMarker = directMarker;
        this.directPath = directPath;
    }

    private static HealthTest test(String path, String codes, String match) {
        return HealthTest.builder().path(path).statusCodes(StatusCodes.parse(codes)).responseMatch(match).build();
    }

    /** @return the key topology files use, e.g. {@code web-services} */
    public String key() {
        return key;
    }

    /** @return the component's name in the guide, e.g. {@code Web Services} */
    public String component() {
        return component;
    }

    /** @return the guide's default name for the load-balancer farm, e.g. {@code PatientSecure Web Services} */
    public String farmName() {
        return farmName;
    }

    /** @return the default port(s): one, or two for the Admin Console and Emergency Search */
    public List<Integer> defaultPorts() {
        return defaultPorts;
    }

    /** @return whether the ports may not be changed (the Admin Console, SVC-002) */
    public boolean fixedPorts() {
        return this == ADMIN_CONSOLE;
    }

    /** @return how the service is reached */
    public Protocol protocol() {
        return protocol;
    }

    /**
     * The path of the URL the product is configured with ("Advanced Settings"); empty for
     * the User Interface (no path), absent for services configured with no URL.
     *
     * @return the path, if the service is configured with a URL
     */
    public Optional<String> urlPath() {
        return Optional.ofNullable(urlPath);
    }

    /** @return balanced or failover */
    public ServiceMode mode() {
        return mode;
    }

    /** @return whether the service is on only when a topology lists it (FHIR, EMPI) */
    public boolean optional() {
        return optional;
    }

    /** @return whether the guide requires client affinity (AFF-001) */
    public boolean affinityRequired() {
        return affinityRequired;
    }

    /** @return whether each server needs a third-party certificate for it (TLS-005) */
    public boolean thirdPartyServerCertificateRequired() {
        return this == FHIR || this == EMPI;
    }

    /** @return the guide's health test (HC-002); absent for HL7, which is checked over TCP */
    public Optional<HealthTest> healthTest() {
        return Optional.ofNullable(healthTest);
    }

    /**
     * The text a direct check of one application server must find (the troubleshooting
     * flow): {@code IdentityServer4} for the Identity Server, {@code Success} for Web Services.
     *
     * @return the marker, if the guide names one
     */
    public Optional<String> directMarker() {
        return Optional.ofNullable(directMarker);
    }

    /** @return the path a direct check of one application server requests, if the service has one */
    public Optional<String> directPath() {
        return Optional.ofNullable(directPath);
    }

    /**
     * @param key a catalog key, e.g. {@code fhir}
     * @return the service type, if {@code key} names one
     */
    public static Optional<ServiceType> fromKey(String key) {
        for (ServiceType t : values()) {
            if (t.key.equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** @return every catalog key, in catalog order */
    public static List<String> keys() {
        return java.util.Arrays.stream(values()).map(ServiceType::key).toList();
    }

    @Override
    public String toString() {
        return key;
    }
}
