package io.hakit.health.drill;

import java.util.Optional;

/**
 * Sends one HL7 test message through the load balancer's HL7 virtual server while a server is drained. The drill
 * sends nothing over HL7 unless it is given one: test messages reach the receiving system, so an operator chooses
 * the message (a test patient) deliberately. Implementations must not throw; a failure is the returned reason.
 */
@FunctionalInterface
public interface Hl7TestSender {

    /**
     * @return empty when the message was accepted (an application accept); otherwise one line saying why not
     */
    Optional<String> send();
}
