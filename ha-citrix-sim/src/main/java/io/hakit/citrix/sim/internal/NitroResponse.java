package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroValues.F;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.sim.SimulatorException;
import java.util.LinkedHashMap;
import java.util.Map;

/** One answer of the simulated ADC: status, body, content type and headers, or a closed connection. */
final class NitroResponse {
    final int status;
    final String body;
    final String contentType;
    final Map<String, String> headers = new LinkedHashMap<>();
    final boolean reset;

    NitroResponse(int status, String body, String contentType, boolean reset) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.reset = reset;
    }

    static NitroResponse json(int status, ObjectNode body) {
        return new NitroResponse(status, body.toString(), "application/json", false);
    }

    /** @return the connection closed without an answer */
    static NitroResponse reset() {
        return new NitroResponse(0, "", "text/plain", true);
    }

    /** @return NITRO's answer to a refused request: its status and {@code {errorcode, message, severity}} */
    static NitroResponse failure(SimulatorException e) {
        return json(e.status(), errorBody(e));
    }

    static ObjectNode errorBody(SimulatorException e) {
        ObjectNode b = F.objectNode();
        b.put("errorcode", Integer.parseInt(e.vendorCode()));
        b.put("message", e.vendorMessage());
        b.put("severity", "ERROR");
        return b;
    }

    /** @return {@code {"errorcode":0,"message":"Done","severity":"NONE"}} */
    static ObjectNode done() {
        return F.objectNode().put("errorcode", 0).put("message", "Done").put("severity", "NONE");
    }
}
