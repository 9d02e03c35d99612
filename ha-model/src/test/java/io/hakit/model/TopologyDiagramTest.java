package io.hakit.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyDiagramTest {

    private static Deployment reference(String vendor) {
        return TopologyLoader.load(Path.of("../examples/topologies/reference-" + vendor + ".yaml"));
    }

    @Test
    void drawsEveryVipFarmAndServer() {
        Deployment d = reference("f5");

        String m = TopologyDiagram.mermaid(d);

        assertThat(m).startsWith("flowchart LR\n");
        for (Vip v : d.vips()) {
            assertThat(m).contains(v.fqdn() + ":" + v.port());
        }
        for (Farm f : d.farms()) {
            assertThat(m).contains(f.name());
        }
        assertThat(m).contains("srv_app1_hospital_org[(\"app1.hospital.org\")]");
        assertThat(m).contains("GET /psws/api/public/status 200-302");
    }

    @Test
    void hl7IsActiveStandbyNeverBalanced() {
        String m = TopologyDiagram.mermaid(reference("citrix"));

        assertThat(m).contains("TCP active/standby");
        assertThat(m).contains("farm_hl7 -- \"active :2244\" --> srv_app1_hospital_org");
        assertThat(m).contains("farm_hl7 -. \"standby :2244\" .-> srv_app2_hospital_org");
    }

    @Test
    void healthStatesAndDownMembersAreDrawn() {
        String m = TopologyDiagram.mermaid(reference("citrix"), Map.of("web-services", "DEGRADED"),
                Map.of("web-services", Set.of("app2.hospital.org")));

        assertThat(m).contains("<b>DEGRADED</b>").contains("class farm_web_services degraded");
        assertThat(m).contains("farm_web_services -. \":7002 DOWN\" .-> srv_app2_hospital_org");
        assertThat(m).containsPattern("linkStyle \\d+ stroke:#d33");
    }

    @Test
    void quotesInNamesCannotBreakTheDiagram() {
        Deployment d = reference("citrix");
        String m = TopologyDiagram.mermaid(d.copy(b -> b.name("x")));

        assertThat(m.lines().filter(l -> l.contains("[\"") || l.contains("{{\"")))
                .allSatisfy(l -> assertThat(l.chars().filter(c -> c == '"').count() % 2).isZero());
    }
}
