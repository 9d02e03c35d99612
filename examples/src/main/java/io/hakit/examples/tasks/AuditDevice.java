package io.hakit.examples.tasks;

import io.hakit.f5.F5Adapter;
import io.hakit.model.validate.AuditReport;
import java.net.URI;
import java.util.Optional;

/**
 * Task: audit a load balancer that was configured by hand from the guide: no topology needed; every
 * finding names the guide's rule, so the operator finds the step they missed.
 *
 * <pre>F5_PASSWORD=... java -cp hakit.jar io.hakit.examples.tasks.AuditDevice https://bigip.hospital.org admin</pre>
 */
public final class AuditDevice {

    private AuditDevice() {
    }

    /**
     * @param args the management URL and the user; the password comes from {@code F5_PASSWORD}
     */
    public static void main(String[] args) {
        audit(URI.create(args[0]), args[1], System.getenv("F5_PASSWORD"));
    }

    /**
     * @param url the management URL
     * @param user the user
     * @param password the password
     */
    public static void audit(URI url, String user, String password) {
        try (F5Adapter bigip = F5Adapter.builder().url(url).credentials(user, password).build()) {
            AuditReport audit = bigip.audit(Optional.empty());   // Optional.of(deployment) adds the drift
            audit.findings().forEach(f -> System.out.println(f.rule() + " " + f.severity() + " " + f.path()
                    + ": " + f.message()));
            System.out.println(audit.report().errors() + " error(s)");
        }
    }
}
