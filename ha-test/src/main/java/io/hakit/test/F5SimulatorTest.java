package io.hakit.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a {@code io.hakit.f5.sim.F5Simulator} (from {@code ha-f5-sim}, which must be on the test class path) on a loopback
 * port before each test method (or once for the class, see {@link #lifecycle()}), stops it after,
 * and injects into test-method parameters, constructor parameters and instance fields (static
 * fields too with {@link SimulatorLifecycle#PER_CLASS}):
 * <ul>
 * <li>the simulator: a parameter or field of type {@code io.hakit.f5.sim.F5Simulator} or {@link io.hakit.sim.DeviceSimulator};</li>
 * <li>an adapter connected to it: {@code io.hakit.f5.F5Adapter} or {@link io.hakit.model.plan.LoadBalancerAdapter}
 * (from {@code ha-f5}, found through {@link io.hakit.model.spi.AdapterProvider}), opened on first
 * use and closed before the simulator stops;</li>
 * <li>the {@link io.hakit.model.spi.DeviceTarget} (URL, user, password, TLS trust) to build a client of one's own.</li>
 * </ul>
 *
 * <pre>{@code
 * @F5SimulatorTest
 * class MyTest {
 *     @Test
 *     void converges(F5Simulator device, F5Adapter adapter) { ... }
 * }
 * }</pre>
 *
 * <p>With {@link #tls()} the simulator serves HTTPS with a certificate for {@code 127.0.0.1} from a
 * {@link ThrowawayCa} made for the run, and the adapter trusts only that CA.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(F5SimulatorExtension.class)
public @interface F5SimulatorTest {
    /** @return the administrator's user name; default {@code admin} */
    String user() default "admin";

    /** @return its password; default {@code admin} */
    String password() default "admin";

    /** @return whether the simulator serves HTTPS (with a throwaway certificate); default plain HTTP */
    boolean tls() default false;

    /** @return how long one simulator lives; default {@link SimulatorLifecycle#PER_METHOD} */
    SimulatorLifecycle lifecycle() default SimulatorLifecycle.PER_METHOD;
}
