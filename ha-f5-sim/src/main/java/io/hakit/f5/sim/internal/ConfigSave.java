package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * The two requests that save the running configuration: {@code POST /mgmt/tm/sys/config}
 * {@code {"command":"save"}} and {@code POST /mgmt/tm/util/bash} running {@code tmsh save sys
 * config} (the Ansible collection's save). Any other bash command is refused.
 */
final class ConfigSave {
    private static final Pattern BASH_SAVE = Pattern.compile("\\s*-c\\s+([\"'])\\s*tmsh\\s+save\\s+sys\\s+config\\s*\\1\\s*");

    private final RunningConfig config;

    /** @param config the configuration to save */
    ConfigSave(RunningConfig config) {
        this.config = config;
    }

    /**
     * Whether a request is one of the two saves (method, path and body), before it is handled.
     *
     * @param r a request
     * @return whether it asks to save the configuration
     */
    static boolean isSave(SimRequest r) {
        if (!r.method().equals("POST")) {
            return false;
        }
        boolean sysConfig = r.path().equals("/mgmt/tm/sys/config");
        if (!sysConfig && !r.path().equals("/mgmt/tm/util/bash")) {
            return false;
        }
        JsonNode body;
        try {
            body = F5SimJson.parse(r.body());
        } catch (SimulatedF5Error e) {
            return false;
        }
        String command = F5SimJson.text(body.get("command"));
        if (sysConfig) {
            return "save".equals(command);
        }
        String args = F5SimJson.text(body.get("utilCmdArgs"));
        return "run".equals(command) && args != null && BASH_SAVE.matcher(args).matches();
    }

    /**
     * {@code POST /mgmt/tm/sys/config} with {@code "command":"save"}.
     *
     * @param r the request
     * @return the answer
     */
    SimResponse sysConfig(SimRequest r) {
        if (!r.method().equals("POST")) {
            throw SimulatedF5Error.tmos(405, "Method " + r.method() + " is not supported on /mgmt/tm/sys/config", 1);
        }
        JsonNode body = F5SimJson.parse(r.body());
        String command = F5SimJson.text(body.get("command"));
        if (!"save".equals(command)) {
            throw SimulatedF5Error.tmos(400, "Invalid command \"" + command + "\" for /mgmt/tm/sys/config: the simulator supports save.", 1);
        }
        config.save();
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:sys:config:savestate");
        o.put("command", "save");
        return SimResponse.json(200, o);
    }

    /**
     * {@code POST /mgmt/tm/util/bash}: runs {@code tmsh save sys config} (the Ansible collection's
     * save); any other command is refused.
     */
    SimResponse bash(SimRequest r) {
        if (!r.method().equals("POST")) {
            throw SimulatedF5Error.tmos(405, "Method " + r.method() + " is not supported on /mgmt/tm/util/bash", 1);
        }
        JsonNode body = F5SimJson.parse(r.body());
        String command = F5SimJson.text(body.get("command"));
        String args = F5SimJson.text(body.get("utilCmdArgs"));
        if (!"run".equals(command)) {
            throw SimulatedF5Error.tmos(400, "Invalid command \"" + command + "\" for /mgmt/tm/util/bash: expected run.", 1);
        }
        if (args == null || !BASH_SAVE.matcher(args).matches()) {
            throw SimulatedF5Error.tmos(400, "The simulator's /mgmt/tm/util/bash runs only -c \"tmsh save sys config\"; "
                    + "refused: " + (args == null ? "no utilCmdArgs" : args), 1);
        }
        config.save();
        ObjectNode o = F5SimJson.object();
        o.put("kind", "tm:util:bash:runstate");
        o.put("command", "run");
        o.put("utilCmdArgs", args);
        o.put("commandResult", "Saving running configuration...\n  /config/bigip.conf\n  /config/bigip_base.conf\n"
                + "  /config/bigip_user.conf\nSaving Ethernet mapping...done\n");
        return SimResponse.json(200, o);
    }
}
