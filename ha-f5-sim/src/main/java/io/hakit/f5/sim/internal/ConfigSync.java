package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Config-sync to the device group and its status (Standalone, Changes Pending, Syncing, In Sync). Not thread-safe. */
final class ConfigSync {
    private static final Pattern SYNC = Pattern.compile(
            "\\s*config-sync\\s+(?:force-full-load-push\\s+)?(to-group|from-group)\\s+(\\S+)\\s*");

    private final Device.Settings settings;
    private final DeviceClock clock;
    private final RunningConfig config;
    private long syncDoneMicros = -1;

    /**
     * @param settings the device group and how long a sync takes
     * @param clock the clock a sync takes its time by
     * @param config the configuration, and whether it changed since the last sync
     */
    ConfigSync(Device.Settings settings, DeviceClock clock, RunningConfig config) {
        this.settings = settings;
        this.clock = clock;
        this.config = config;
    }

    /**
     * {@code POST /mgmt/tm/cm} running {@code config-sync to-group <group>}.
     *
     * @param r the request
     * @return the answer
     */
    SimResponse run(SimRequest r) {
        if (!r.method().equals("POST")) {
            throw SimulatedF5Error.tmos(405, "Method " + r.method() + " is not supported on /mgmt/tm/cm", 1);
        }
        JsonNode body = F5SimJson.parse(r.body());
        String args = F5SimJson.text(body.get("utilCmdArgs"));
        Matcher m = args == null ? null : SYNC.matcher(args);
        if (!"run".equals(F5SimJson.text(body.get("command"))) || m == null || !m.matches()) {
            throw SimulatedF5Error.tmos(400, "Invalid command: expected {\"command\":\"run\",\"utilCmdArgs\":\"config-sync to-group "
                    + "<device group>\"}.", 1);
        }
        String group = Names.qualify(m.group(2), "Common");
        if (!config.store().exists("cm/device-group", group)) {
            throw SimulatedF5Error.tmos(400, "01020036:3: The requested device group (" + group + ") was not found.", 3);
        }
        if (settings.deviceGroup() != null && group.equals("/Common/" + settings.deviceGroup())) {
            config.synced();
            syncDoneMicros = clock.nowMicros() + settings.syncDelay().toNanos() / 1_000L;
        }
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:cm:runstate");
        o.put("command", "run");
        o.put("utilCmdArgs", args.trim());
        return SimResponse.json(200, o);
    }

    /** @return the sync status description */
    String syncStatus() {
        if (settings.deviceGroup() == null) {
            return "Standalone";
        }
        if (config.changesPending()) {
            return "Changes Pending";
        }
        if (syncDoneMicros >= 0 && clock.nowMicros() < syncDoneMicros) {
            return "Syncing";
        }
        return "In Sync";
    }

    /** @return the body of {@code GET /mgmt/tm/cm/sync-status} */
    ObjectNode statusBody() {
        String status = syncStatus();
        String color = switch (status) {
            case "In Sync", "Standalone" -> "green";
            case "Syncing" -> "blue";
            default -> "yellow";
        };
        String summary = status.equals("Changes Pending")
                ? "There is a possible change conflict between this device and other members of "
                        + settings.deviceGroup() + "."
                : " ";
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:cm:sync-status:sync-statusstats");
        o.put("selfLink", "https://localhost/mgmt/tm/cm/sync-status?ver=" + Names.VERSION);
        ObjectNode entries = o.putObject("entries").putObject("https://localhost/mgmt/tm/cm/sync-status/0")
                .putObject("nestedStats").putObject("entries");
        entries.putObject("color").put("description", color);
        entries.putObject("mode").put("description", settings.deviceGroup() == null ? "standalone" : "high-availability");
        entries.putObject("status").put("description", status);
        entries.putObject("summary").put("description", summary);
        return o;
    }
}
