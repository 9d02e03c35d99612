package io.hakit.model.ops;

import static io.hakit.model.Fixtures.APP1;
import static io.hakit.model.Fixtures.APP2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.Fixtures;
import io.hakit.model.PortMapping;
import io.hakit.model.ServiceMode;
import io.hakit.model.Vendor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The vendor-neutral drain and enable against an in-memory device. */
class DrainProcedureTest {

    private final Deployment d = Fixtures.baseline(Vendor.F5);
    private final FakeDevice device = new FakeDevice(d);

    @Test
    void drainTakesOutHl7FirstThenTheOthersAndEnableRestoresThem() {
        Map<String, DeviceMember.State> before = device.states();
        List<String> order = new ArrayList<>();
        DrainResult drained = DrainProcedure.drain(device, d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ZERO)
                .listener(new DrainListener() {
                    @Override
                    public void changed(MemberChange member) {
                        order.add(member.farm());
                    }
                })));
        assertThat(drained.outcome()).isEqualTo(DrainResult.Outcome.DRAINED);
        assertThat(order.get(0)).startsWith("hl7");
        assertThat(drained.members()).allSatisfy(m -> assertThat(m.after()).isEqualTo("disabled"));
        assertThat(drained.hl7Active()).contains(APP2);
        assertThat(device.states()).allSatisfy((k, v) -> assertThat(v)
                .isEqualTo(k.contains(APP1) ? DeviceMember.State.DISABLED : DeviceMember.State.ENABLED));
        DrainResult enabled = DrainProcedure.enable(device, d, APP1, DrainOptions.DEFAULTS);
        assertThat(enabled.outcome()).isEqualTo(DrainResult.Outcome.ENABLED);
        assertThat(enabled.hl7Active()).contains(APP1);
        assertThat(device.states()).isEqualTo(before);
    }

    @Test
    void enablePutsBackOnlyWhatDrainTookOut() {
        String operatorDisabled = device.members.keySet().stream().filter(k -> k.contains(APP1) && !k.startsWith("hl7"))
                .findFirst().orElseThrow();
        device.members.put(operatorDisabled, DeviceMember.State.DISABLED);
        DrainResult drained = DrainProcedure.drain(device, d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ZERO)));
        assertThat(drained.members()).filteredOn(m -> m.farm().equals(FakeDevice.group(operatorDisabled)))
                .singleElement().satisfies(m -> assertThat(m.before()).isEqualTo("disabled"));
        DrainProcedure.enable(device, d, APP1, DrainOptions.DEFAULTS);
        assertThat(device.members.get(operatorDisabled)).isEqualTo(DeviceMember.State.DISABLED);
        device.members.forEach((k, v) -> assertThat(v).as(k)
                .isEqualTo(k.equals(operatorDisabled) ? DeviceMember.State.DISABLED : DeviceMember.State.ENABLED));
    }

    @Test
    void theLastMemberUpIsRefusedWithNothingChangedUnlessForced() {
        String other = device.members.keySet().stream().filter(k -> k.contains(APP2)).findFirst().orElseThrow();
        device.members.put(other, DeviceMember.State.DISABLED);
        Map<String, DeviceMember.State> before = device.states();
        DrainResult refused = DrainProcedure.drain(device, d, APP1, DrainOptions.DEFAULTS);
        assertThat(refused.outcome()).isEqualTo(DrainResult.Outcome.REFUSED);
        assertThat(refused.message()).contains(APP1 + " is the last member up in").contains(APP2 + ":")
                .contains("is disabled");
        assertThat(device.writes).isZero();
        assertThat(device.states()).isEqualTo(before);
        DrainResult forced = DrainProcedure.drain(device, d, APP1, DrainOptions.of(o -> o.force(true)
                .waitFor(Duration.ZERO)));
        assertThat(forced.outcome()).isEqualTo(DrainResult.Outcome.DRAINED);
    }

    @Test
    void theWaitEndsWhenConnectionsReachZeroAndReportsProgress() {
        device.connections.set(5);
        List<Long> seen = new ArrayList<>();
        DrainResult r = DrainProcedure.drain(device, d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ofSeconds(30))
                .poll(Duration.ofMillis(20)).listener(new DrainListener() {
                    @Override
                    public void waiting(long connections, Duration waited, Duration limit) {
                        seen.add(connections);
                        device.connections.updateAndGet(c -> Math.max(0, c - 1));
                    }
                })));
        assertThat(r.connections()).isZero();
        assertThat(seen).isNotEmpty().endsWith(0L);
        assertThat(r.waitedMs()).isLessThan(30_000);
    }

    @Test
    void theWaitStopsAtItsLimitWithTheConnectionsLeft() {
        device.connections.set(3);
        DrainResult r = DrainProcedure.drain(device, d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ofMillis(200))
                .poll(Duration.ofMillis(50))));
        assertThat(r.outcome()).isEqualTo(DrainResult.Outcome.DRAINED);
        assertThat(r.connections()).isPositive();
        assertThat(r.waitedMs()).isGreaterThanOrEqualTo(150);
    }

    @Test
    void jsonHasDesignsShape() {
        DrainResult r = DrainProcedure.drain(device, d, APP1, DrainOptions.of(o -> o.waitFor(Duration.ZERO)));
        assertThat(r.toJson().toString()).startsWith("{\"vendor\":\"fake\",\"server\":\"" + APP1
                + "\",\"outcome\":\"drained\",\"members\":[{\"farm\":").contains("\"before\":\"enabled\",\"after\":"
                + "\"disabled\",\"connections\":").contains("\"hl7Active\":\"" + APP2 + "\"")
                .contains("\"requests\":").contains("\"waitedMs\":");
    }

    @Test
    void anUnknownServerIsAnError() {
        assertThatThrownBy(() -> DrainProcedure.drain(device, d, "app9.hospital.org", DrainOptions.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app9.hospital.org");
    }

    /** Members keyed {@code group|server|port}; counts requests and writes. */
    private static final class FakeDevice implements MemberDevice {
        final Map<String, DeviceMember.State> members = new LinkedHashMap<>();
        final Map<String, Boolean> marks = new LinkedHashMap<>();
        final Map<String, Farm> farms = new LinkedHashMap<>();
        final AtomicLong connections = new AtomicLong();
        int requests;
        int writes;

        FakeDevice(Deployment d) {
            for (Farm f : d.farms()) {
                for (PortMapping p : f.ports()) {
                    for (String s : f.servers()) {
                        String k = f.service() + "-" + p.lbPort() + "|" + s + "|" + p.serverPort();
                        members.put(k, DeviceMember.State.ENABLED);
                        farms.put(k, f);
                    }
                }
            }
        }

        static String group(String key) {
            return key.substring(0, key.indexOf('|'));
        }

        Map<String, DeviceMember.State> states() {
            return new LinkedHashMap<>(members);
        }

        @Override
        public String vendor() {
            return "fake";
        }

        @Override
        public List<DeviceMember> read(Deployment deployment) {
            requests++;
            List<DeviceMember> out = new ArrayList<>();
            members.forEach((k, v) -> {
                String[] p = k.split("\\|");
                Farm f = farms.get(k);
                out.add(new DeviceMember(f.service(), p[0], p[1], Integer.parseInt(p[2]),
                        f.mode() == ServiceMode.FAILOVER, v, true, marks.getOrDefault(k, false), 0));
            });
            return out;
        }

        private String key(DeviceMember m) {
            return m.group() + "|" + m.server() + "|" + m.port();
        }

        @Override
        public void disable(DeviceMember member, DrainOptions options) {
            requests++;
            writes++;
            members.put(key(member), DeviceMember.State.DISABLED);
            marks.put(key(member), true);
        }

        @Override
        public void enable(DeviceMember member) {
            requests++;
            writes++;
            members.put(key(member), DeviceMember.State.ENABLED);
            marks.remove(key(member));
        }

        @Override
        public List<Long> connections(List<DeviceMember> ms) {
            requests++;
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < ms.size(); i++) {
                out.add(i == 0 ? connections.get() : 0L);
            }
            return out;
        }

        @Override
        public int requests() {
            return requests;
        }
    }
}
