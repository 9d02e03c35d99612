package io.hakit.examples.demo;

import io.hakit.hl7.AckCode;
import io.hakit.hl7.FailoverMllpSender;
import io.hakit.hl7.Hl7Message;
import io.hakit.hl7.MllpEndpoint;
import io.hakit.hl7.MllpListener;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The demo's HL7 step: one MLLP listener per server, a {@link FailoverMllpSender} sending ADT messages, and the
 * active server's listener stopped while messages are in flight. Counts what the listeners received: lost,
 * duplicated (in flight at the switch) and whether the order held.
 */
final class Hl7FailoverRun {

    /**
     * What happened.
     *
     * @param sent messages sent
     * @param acknowledged messages acknowledged to the sender
     * @param lost messages no listener received
     * @param duplicates messages received a second time
     * @param inOrder whether the listeners first received them in the order sent
     * @param stoppedAfter after how many messages the active listener was stopped
     */
    record Result(int sent, int acknowledged, int lost, int duplicates, boolean inOrder, int stoppedAfter) {
        /** @return whether nothing was lost, everything acknowledged, in order */
        boolean ok() {
            return lost == 0 && acknowledged == sent && inOrder;
        }
    }

    private Hl7FailoverRun() {
    }

    /**
     * @param servers the servers, the first one active
     * @param address where the listeners listen (ephemeral ports)
     * @param messages how many messages to send
     * @param started told of each listener as it starts (the caller closes it)
     * @return the counts
     * @throws IOException when a listener cannot start
     * @throws InterruptedException when interrupted while waiting for the acknowledgements
     */
    static Result run(List<String> servers, InetAddress address, int messages,
            BiConsumer<String, MllpListener> started) throws IOException, InterruptedException {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicInteger acked = new AtomicInteger();
        List<MllpListener> listeners = new ArrayList<>();
        List<MllpEndpoint> endpoints = new ArrayList<>();
        for (String fqdn : servers) {
            MllpListener l = MllpListener.builder().bindAddress(address).port(0).handler(m -> {
                if (received.merge(m.controlId(), 1, Integer::sum) == 1) {
                    order.add(m.controlId());
                }
                return m.createAck(AckCode.AA, null);
            }).build().start();
            listeners.add(l);
            started.accept(fqdn, l);
            endpoints.add(MllpEndpoint.of(fqdn, l.port()).withAddress(address));
        }
        int stopAt = messages / 3;
        List<CompletableFuture<?>> futures = new ArrayList<>();
        try (FailoverMllpSender sender = FailoverMllpSender.builder().endpoints(endpoints)
                .connectTimeout(Duration.ofSeconds(1)).ackTimeout(Duration.ofSeconds(2))
                .retryDelay(Duration.ofMillis(50)).reconnectDelay(Duration.ofMillis(50)).build()) {
            for (int i = 1; i <= messages; i++) {
                String id = String.format("DEMO%05d", i);
                futures.add(sender.sendAsync(Hl7Message.parse(adt(id))).thenAccept(a -> acked.incrementAndGet()));
                if (i == stopAt) {
                    // the active server's listener stops while messages are in flight
                    CompletableFuture.allOf(futures.subList(0, stopAt / 2).toArray(new CompletableFuture<?>[0]))
                            .join();
                    listeners.get(0).close();
                }
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // counted below: whatever was not acknowledged is reported
        }
        int duplicates = received.values().stream().mapToInt(n -> n - 1).sum();
        return new Result(messages, acked.get(), messages - received.size(), duplicates, isSorted(order), stopAt);
    }

    private static boolean isSorted(List<String> ids) {
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i - 1).compareTo(ids.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static String adt(String controlId) {
        return "MSH|^~\\&|ADT|HOSPITAL|PATIENTSECURE|HOSPITAL|20261129090000||ADT^A01^ADT_A01|" + controlId
                + "|P|2.5\rEVN|A01|20261129090000\rPID|1||" + controlId.substring(4) + "^^^HOSP^MR||DOE^JANE||19800101|F\r";
    }
}
