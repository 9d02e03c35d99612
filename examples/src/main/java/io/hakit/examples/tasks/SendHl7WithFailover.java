package io.hakit.examples.tasks;

import io.hakit.hl7.Ack;
import io.hakit.hl7.FailoverMllpSender;
import io.hakit.hl7.Hl7Message;
import io.hakit.hl7.MllpEndpoint;
import io.hakit.hl7.spi.Outbox;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Task: send HL7 to the one active server, failing over to the standby without losing or
 * reordering a message; the journal keeps accepted messages across a restart of the sender.
 *
 * <pre>java -cp hakit.jar io.hakit.examples.tasks.SendHl7WithFailover outbox.jnl app1.hospital.org:2244 app2.hospital.org:2244</pre>
 */
public final class SendHl7WithFailover {

    private SendHl7WithFailover() {
    }

    /**
     * @param args the journal file, then the endpoints in order of preference ({@code host:port})
     */
    public static void main(String[] args) {
        FailoverMllpSender.Builder builder = FailoverMllpSender.builder()
                .outbox(Outbox.journal(Path.of(args[0])))          // survives a restart: resent on start
                .ackTimeout(Duration.ofSeconds(5))
                .listener(event -> System.out.println("event " + event));
        for (int i = 1; i < args.length; i++) {
            builder.endpoint(MllpEndpoint.parse(args[i]));
        }
        try (FailoverMllpSender sender = builder.build()) {
            for (int n = 1; n <= 3; n++) {
                Hl7Message message = Hl7Message.parse("MSH|^~\\&|ADT|HOSPITAL|PATIENTSECURE|HOSPITAL|20261129090000||"
                        + "ADT^A01^ADT_A01|EX" + n + "|P|2.5\rPID|1||" + n + "^^^HOSP^MR||DOE^JANE||19800101|F\r");
                Ack ack = sender.send(message);                      // blocks until acknowledged
                System.out.println(message.controlId() + " " + ack.code() + " from " + sender.activeEndpoint());
            }
        }
    }
}
