package io.hakit.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of a {@link CitrixSimulatorTest} or {@link F5SimulatorTest} class (or of a class
 * enclosing it) that receives the simulator's own builder before each simulator starts, for what the
 * annotation has no attribute for: a certificate of one's own, a device group, a token cap, a clock.
 * The method takes one parameter, the builder ({@code CitrixSimulator.Builder} or {@code F5Simulator.Builder});
 * user, password and {@code tls} from the annotation are already set on it, and the method may override them.
 * Methods of enclosing classes run first, so a {@code @Nested} class refines its outer class's settings.
 *
 * <pre>{@code
 * @F5SimulatorTest
 * class SyncTest {
 *     @ConfigureSimulator
 *     static void simulator(F5Simulator.Builder bigip) {
 *         bigip.deviceGroup("dg-hakit");
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ConfigureSimulator {
}
