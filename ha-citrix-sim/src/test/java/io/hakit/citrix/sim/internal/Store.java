package io.hakit.citrix.sim.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.sim.SimulatorException;
import io.hakit.test.ThrowawayCa;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Bodies and assertions for the tests that drive a {@link NitroStore} directly, without HTTP. */
final class Store {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ThrowawayCa CA = ThrowawayCa.create("Store Test CA");
    static final ThrowawayCa.Issued LEAF = CA.issueServer("store.test");

    private Store() {
    }

    static ObjectNode obj(Map<String, ?> m) {
        return JSON.valueToTree(m);
    }

    /** a systemfile upload of that text into /nsconfig/ssl/ */
    static ObjectNode file(String name, String text) {
        return obj(Map.of("filename", name, "filelocation", "/nsconfig/ssl/",
                "filecontent", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** a store with a certkey ck (c.pem, c.key), server srv, SSL group sg, monitor mon, SSL vserver vs */
    static NitroStore base() {
        NitroStore s = new NitroStore();
        s.addFile(file("c.pem", LEAF.chainPem()));
        s.addFile(file("c.key", LEAF.privateKeyPem()));
        s.add("sslcertkey", obj(Map.of("certkey", "ck", "cert", "c.pem", "key", "c.key")), false);
        s.add("server", obj(Map.of("name", "srv", "ipaddress", "10.0.0.1")), false);
        s.add("servicegroup", obj(Map.of("servicegroupname", "sg", "servicetype", "SSL")), false);
        s.add("lbmonitor", obj(Map.of("monitorname", "mon", "type", "HTTP")), false);
        s.add("lbvserver", obj(Map.of("name", "vs", "servicetype", "SSL", "ipv46", "10.0.1.1", "port", 443)), false);
        return s;
    }

    /** asserts the call is refused with that NITRO errorcode, HTTP status and message */
    static AbstractThrowableAssert<?, ? extends Throwable> refused(ThrowingCallable call, int errorcode, int status,
            String message) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(SimulatorException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.vendorCode()).isEqualTo(Integer.toString(errorcode));
            org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(status);
            org.assertj.core.api.Assertions.assertThat(e.vendorMessage()).isEqualTo(message);
        });
    }
}
