package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/** The fixed answers about the system: {@code sys}, {@code sys/version}, {@code sys/provision}, the echo worker. */
final class SysEndpoints {
    private static final List<String> SYS_MODULES = List.of("available", "config", "file", "provision", "version");
    private static final List<String> PROVISION_MODULES = List.of("afm", "am", "apm", "asm", "avr", "dos", "fps", "gtm",
            "ilx", "lc", "ltm", "pem", "sslo", "swg", "urldb");
    private static final Set<String> PROVISIONED = Set.of("ltm", "gtm");

    private SysEndpoints() {
    }

    /** @return the body of {@code GET /mgmt/tm/sys/version} */
    static ObjectNode version() {
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:sys:version:versionstats");
        o.put("selfLink", "https://localhost/mgmt/tm/sys/version?ver=" + Names.VERSION);
        ObjectNode entries = o.putObject("entries").putObject("https://localhost/mgmt/tm/sys/version/0")
                .putObject("nestedStats").putObject("entries");
        entries.putObject("Build").put("description", "0.0.8");
        entries.putObject("Date").put("description", "Mon Jan 29 12:00:00 PST 2024");
        entries.putObject("Edition").put("description", "Point Release 1");
        entries.putObject("Product").put("description", "BIG-IP");
        entries.putObject("Title").put("description", "Main Package");
        entries.putObject("Version").put("description", Names.VERSION);
        return o;
    }

    /**
     * @param r the request
     * @param rest the path after {@code /mgmt/tm/}
     * @param body the answer to a GET
     * @return the body
     * @throws SimulatedF5Error 405 when the request is not a GET
     */
    static ObjectNode requireGet(SimRequest r, String rest, ObjectNode body) {
        if (!r.method().equals("GET")) {
            throw SimulatedF5Error.tmos(405, "Method " + r.method() + " is not supported on /mgmt/tm/" + rest, 1);
        }
        return body;
    }

    /** {@code GET /mgmt/tm/sys}: links to the sys sub-modules; the selfLink's only query is {@code ver}. */
    static ObjectNode sysCollection() {
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:sys:syscollectionstate");
        o.put("selfLink", Names.SELF + "sys?ver=" + Names.VERSION);
        ArrayNode items = o.putArray("items");
        for (String sub : SYS_MODULES) {
            items.addObject().putObject("reference").put("link", Names.SELF + "sys/" + sub + "?ver=" + Names.VERSION);
        }
        return o;
    }

    /** {@code GET /mgmt/tm/sys/provision}: LTM and GTM provisioned (the modules this simulator serves). */
    static ObjectNode provision() {
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:sys:provision:provisioncollectionstate");
        o.put("selfLink", Names.SELF + "sys/provision?ver=" + Names.VERSION);
        ArrayNode items = o.putArray("items");
        for (String module : PROVISION_MODULES) {
            ObjectNode i = items.addObject();
            i.put("kind", "tm:sys:provision:provisionstate");
            i.put("name", module);
            i.put("fullPath", module);
            i.put("generation", 1);
            i.put("selfLink", Names.SELF + "sys/provision/" + module + "?ver=" + Names.VERSION);
            i.put("cpuRatio", 0);
            i.put("diskRatio", 0);
            i.put("level", PROVISIONED.contains(module) ? "nominal" : "none");
            i.put("memoryRatio", 0);
        }
        return o;
    }

    /** @return the body of {@code GET /mgmt/shared/echo-query} */
    static ObjectNode echo() {
        ObjectNode o = F5SimJson.object();
        o.put("kind", "shared:echo:echoworkerstate");
        o.put("generation", 0);
        o.put("lastUpdateMicros", 0);
        o.put("selfLink", "https://localhost/mgmt/shared/echo");
        return o;
    }
}
