package io.hakit.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hakit.model.Vendor;
import io.hakit.sim.DeviceSimulator;
import io.hakit.sim.LoopbackServer;
import io.hakit.sim.RecordedRequest;
import io.hakit.sim.spi.SimulatorProvider;
import io.hakit.sim.spi.SimulatorSettings;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Citrix-vendor simulator that answers 204 to everything, recording who was started and closed. */
public final class FakeSimulatorProvider implements SimulatorProvider {
    static final List<FakeSimulator> STARTED = new CopyOnWriteArrayList<>();
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    public Vendor vendor() {
        return Vendor.CITRIX;
    }

    @Override
    public Class<FakeSimulator> simulatorType() {
        return FakeSimulator.class;
    }

    @Override
    public DeviceSimulator start(SimulatorSettings settings) {
        FakeSimulator s = new FakeSimulator(settings);
        STARTED.add(s);
        return s;
    }

    /** The fake simulator. */
    public static final class FakeSimulator implements DeviceSimulator {
        final SimulatorSettings settings;
        final LoopbackServer server;
        volatile boolean closed;

        FakeSimulator(SimulatorSettings settings) {
            this.settings = settings;
            this.server = LoopbackServer.builder().name("fake-sim").tls(settings.tls().orElse(null)).handler(ex -> {
                ex.sendResponseHeaders(204, -1);
                ex.close();
            }).start();
        }

        @Override
        public Vendor vendor() {
            return Vendor.CITRIX;
        }

        @Override
        public URI url() {
            return server.url();
        }

        @Override
        public JsonNode snapshot() {
            return JsonNodeFactory.instance.objectNode();
        }

        @Override
        public List<RecordedRequest> requests() {
            return List.of();
        }

        @Override
        public void clearRequests() {
        }

        @Override
        public int writeCount() {
            return 0;
        }

        @Override
        public void close() {
            closed = true;
            EVENTS.add("simulator closed");
            server.close();
        }
    }
}
