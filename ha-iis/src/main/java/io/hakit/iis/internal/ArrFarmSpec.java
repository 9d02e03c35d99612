package io.hakit.iis.internal;

import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.PortMapping;
import io.hakit.model.ServiceMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One ARR farm a deployment needs: the model's farm, the HTTPS port it serves and, for the Admin
 * Console, its HTTP port. A service with two HTTPS ports (Emergency Search, 7005 and 7006) needs one
 * ARR farm per port, because an ARR member has exactly one {@code httpsPort}: the first keeps the
 * guide's name, the second is named {@code <farm> <port>}.
 *
 * @param name the ARR farm's name
 * @param farm the model's farm
 * @param https the HTTPS port mapping
 * @param http the HTTP port mapping (Admin Console), if any
 */
public record ArrFarmSpec(String name, Farm farm, PortMapping https, Optional<PortMapping> http) {

    /**
     * @param d a deployment
     * @return the ARR farms it needs, in the deployment's order; HL7 (not HTTP) is left out
     */
    public static List<ArrFarmSpec> of(Deployment d) {
        List<ArrFarmSpec> out = new ArrayList<>();
        for (Farm f : d.farms()) {
            if (f.mode() != ServiceMode.BALANCED) {
                continue;
            }
            List<PortMapping> tls = f.ports().stream().filter(PortMapping::tls).toList();
            Optional<PortMapping> http = f.ports().stream().filter(p -> !p.tls()).findFirst();
            for (int i = 0; i < tls.size(); i++) {
                String name = i == 0 ? f.name() : f.name() + " " + tls.get(i).lbPort();
                out.add(new ArrFarmSpec(name, f, tls.get(i), i == 0 ? http : Optional.empty()));
            }
        }
        return out;
    }

    /** @return the wizard's SSL rule name, {@code ARR_<farm>_loadbalance_SSL} */
    public String sslRule() {
        return sslRuleOf(name);
    }

    /** @return the wizard's non-SSL rule name, {@code ARR_<farm>_loadbalance} */
    public String plainRule() {
        return plainRuleOf(name);
    }

    /**
     * @param farmName a farm's name
     * @return {@code ARR_<farm>_loadbalance_SSL}
     */
    public static String sslRuleOf(String farmName) {
        return plainRuleOf(farmName) + "_SSL";
    }

    /**
     * @param farmName a farm's name
     * @return {@code ARR_<farm>_loadbalance}
     */
    public static String plainRuleOf(String farmName) {
        return "ARR_" + farmName + "_loadbalance";
    }
}
