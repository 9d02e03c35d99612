package io.hakit.hl7;

import io.hakit.hl7.SenderQueue.Pending;
import io.hakit.hl7.internal.Timing;
import io.hakit.hl7.spi.Outbox;
import io.hakit.model.tls.TlsSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends HL7 messages over MLLP to one active endpoint out of several, failing over to the
 * next when the active one stops answering, without losing or reordering messages
 * (GUIDE-RULES HL7-001, HL7-002).
 *
 * <p>Delivery semantics:
 * <ul>
 *   <li><b>In order, one at a time.</b> Messages are sent in the order they were accepted,
 *       with one message outstanding; the next is sent only when the previous one is
 *       acknowledged or handed back.</li>
 *   <li><b>Failover.</b> A refused or failed connect, a connect or ACK time-out, a reset, or a
 *       connection closed before the ACK marks the active endpoint down: the sender switches to
 *       the next endpoint (in the configured order, wrapping round) and sends the
 *       unacknowledged message again with the <b>same MSH-10</b>, at once: a switch to a
 *       standby is never delayed.</li>
 *   <li><b>Back-off in an outage.</b> Once every endpoint has failed in a round, the sender
 *       waits before the next round: the reconnect delay, doubled after each further failed
 *       round up to {@link Builder#maxRetryDelay(Duration)} (default 30 s), each wait
 *       shortened by a random jitter of up to a quarter. The first acknowledgement resets it.</li>
 *   <li><b>Logging.</b> State changes, not attempts: one WARN when an endpoint goes down (with
 *       the reason), one WARN when every endpoint is down (with the next try and the number
 *       of messages waiting), repeated at most once a minute while the outage lasts, and one
 *       INFO when delivery resumes (where, after how long, how many messages waited). Every
 *       attempt is reported as a {@link SenderEvent} and logged at DEBUG.</li>
 *   <li><b>At least once.</b> A message whose ACK was lost may have been processed by the
 *       endpoint that failed, so the receiver can see it twice; duplicates are only ever of
 *       the message in flight at a switch (same MSH-10, so receivers can drop them).</li>
 *   <li><b>Acknowledgements.</b> Only an ACK whose MSA-2 equals the MSH-10 sent counts. AA/CA:
 *       delivered. AE/CE: sent again (same endpoint, after the retry delay) up to the error
 *       retry count, then handed back. AR/CR: handed back at once. Handing back completes the
 *       caller's future with that {@link Ack}; it is not an exception.</li>
 *   <li><b>Outbox.</b> Each message is stored in the {@link Outbox} when accepted and removed
 *       when acknowledged or handed back; a sender built on an outbox that still holds
 *       messages (a journal after a crash) sends those first.</li>
 *   <li><b>Back-pressure.</b> At most the queue capacity of messages are accepted and not yet
 *       finished; {@link #sendAsync} blocks while the queue is full.</li>
 *   <li><b>Fail-back</b> follows the {@link Failback} policy, between messages only.</li>
 *   <li>By default the sender never gives up on a message that gets no acknowledgement at
 *       all. With {@link Builder#giveUpAfter(Duration)} the time counts from when the sender
 *       accepted the message (or, for messages recovered from the outbox, from when the
 *       sender was built): when an attempt fails, or while waiting between rounds, every
 *       message older than the limit is handed back as an {@link UndeliveredException},
 *       together and in order, and the younger ones go on.</li>
 * </ul>
 *
 * <p>Thread-safe: any number of threads may send; one internal thread does the I/O and
 * reports {@link SenderEvent}s. Close it to stop that thread.
 */
public final class FailoverMllpSender implements AutoCloseable {

    /** Default number of times a message answered AE/CE is sent again: 2. */
    public static final int DEFAULT_ERROR_RETRIES = 2;
    /** Default pause before re-sending a message answered AE/CE: 1 second. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    /** Default first pause once every endpoint has failed in a round (it then doubles up to the maximum): 1 second. */
    public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(1);
    /** Default longest wait between rounds when every endpoint is down: 30 seconds. */
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(30);
    /** Default queue capacity (messages accepted and not yet finished): 1000. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(FailoverMllpSender.class);
    private static final AtomicInteger IDS = new AtomicInteger();
    /**
     * How long after a give-up time a waiting sender looks again, so that messages accepted
     * together (a file queued in a burst) are also handed back together.
     */
    private static final long GIVE_UP_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final List<MllpEndpoint> endpoints;
    private final MllpClient[] clients;
    private final Duration connectTimeout;
    private final Charset defaultCharset;
    private final int errorRetries;
    private final Duration retryDelay;
    private final Timing timing;
    private final Logger log;
    private final Failback failback;
    private final Duration giveUpAfter;
    private final Consumer<SenderEvent> listener;

    private final SenderQueue pending;
    private final Thread worker;
    private final ScheduledExecutorService prober;
    private volatile int active;
    private volatile long preferredHealthySince;
    private volatile boolean closed;

    /** Outage state, used by the worker thread only. */
    private final EndpointOutages outages;

    private FailoverMllpSender(Builder b) {
        this.endpoints = List.copyOf(b.endpoints);
        this.connectTimeout = b.connectTimeout;
        this.defaultCharset = b.defaultCharset;
        this.errorRetries = b.errorRetries;
        this.retryDelay = b.retryDelay;
        this.timing = b.timing;
        this.log = b.logger != null ? b.logger : LOG;
        this.failback = b.failback;
        this.giveUpAfter = b.giveUpAfter;
        this.listener = b.listener;
        this.pending = new SenderQueue(b.outbox != null ? b.outbox : Outbox.inMemory(), b.queueCapacity, log);
        this.clients = new MllpClient[endpoints.size()];
        this.outages = new EndpointOutages(endpoints, b.reconnectDelay, b.maxRetryDelay, timing, log, this::waiting);
        for (int i = 0; i < clients.length; i++) {
            MllpClient.Builder cb = MllpClient.builder().endpoint(endpoints.get(i)).connectTimeout(b.connectTimeout)
                    .ackTimeout(b.ackTimeout).maxFrameLength(b.maxFrameLength).defaultCharset(b.defaultCharset);
            if (b.tls != null) {
                cb.tls(b.tls);
            }
            clients[i] = cb.build();
        }
        pending.recover(timing.nanoTime());
        int id = IDS.incrementAndGet();
        this.worker = new Thread(this::run, "mllp-failover-sender-" + id);
        worker.setDaemon(true);
        if (failback.returnsToPreferred() && endpoints.size() > 1) {
            prober = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mllp-failover-probe-" + id);
                t.setDaemon(true);
                return t;
            });
            long every = failback.probeInterval().toMillis();
            prober.scheduleWithFixedDelay(this::probePreferred, every, every, TimeUnit.MILLISECONDS);
        } else {
            prober = null;
        }
        worker.start();
    }

    /**
     * A builder; at least one endpoint is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a message and waits until it is acknowledged or handed back.
     *
     * @param message the message; MSH-10 must not be empty
     * @return the acknowledgement: AA/CA when delivered, AE/CE or AR/CR when handed back
     * @throws NullPointerException if {@code message} is null
     * @throws IllegalArgumentException if the message has no control ID or cannot be framed
     * @throws IllegalStateException if the sender is closed
     * @throws UndeliveredException if the give-up time ran out with no acknowledgement, the
     *     sender was closed first, or the waiting thread was interrupted
     */
    public Ack send(Hl7Message message) {
        CompletableFuture<Ack> f = sendAsync(message);
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new UndeliveredException(message.controlId(), String.valueOf(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UndeliveredException(message.controlId(),
                    "interrupted while waiting for the acknowledgement; the message stays queued", e);
        }
    }

    /**
     * Accepts a message for sending and returns at once with its future; blocks only while
     * the queue is full (back-pressure). The message is in the outbox when this returns.
     *
     * @param message the message; MSH-10 must not be empty
     * @return completes with the acknowledgement (AA/CA delivered; AE/CE/AR/CR handed back),
     *     or exceptionally with {@link UndeliveredException}
     * @throws NullPointerException if {@code message} is null
     * @throws IllegalArgumentException if the message has no control ID or cannot be framed
     * @throws IllegalStateException if the sender is closed
     * @throws UndeliveredException if interrupted while waiting for queue space (not accepted)
     */
    public CompletableFuture<Ack> sendAsync(Hl7Message message) {
        Objects.requireNonNull(message, "message");
        if (message.controlId().isEmpty()) {
            throw new IllegalArgumentException("message has no MSH-10 control ID; it cannot be acknowledged");
        }
        MllpFrameEncoder.encode(message.encode(defaultCharset)); // fails fast on unframeable payloads
        return pending.accept(message, timing.nanoTime(), this::checkOpen).future;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("failover sender is closed");
        }
    }

    private void run() {
        while (!closed) {
            Pending p;
            try {
                p = pending.next();
            } catch (InterruptedException e) {
                continue;
            }
            try {
                maybeFailback();
                deliver(p);
            } catch (RuntimeException | Error e) {
                log.error("failover sender: unexpected failure delivering {}", p.message, e);
                p.future.completeExceptionally(new UndeliveredException(p.message.controlId(), e.toString(), e));
            } finally {
                pending.finished(p);
            }
        }
    }

    private void deliver(Pending p) {
        String controlId = p.message.controlId();
        int attempts = 0;
        int errors = 0;
        MllpTransportException last = null;
        while (true) {
            if (closed) {
                p.future.completeExceptionally(new UndeliveredException(controlId,
                        "the sender was closed; the message stays in the outbox", last));
                return;
            }
            if (!awaitNextTry(p, last)) {
                return;
            }
            if (closed) {
                continue;
            }
            int ep = active;
            Ack ack;
            try {
                attempts++;
                ack = clients[ep].send(p.message);
            } catch (MllpTransportException | IllegalStateException e) {
                if (closed) {
                    continue;
                }
                last = e instanceof MllpTransportException ? (MllpTransportException) e
                        : new MllpTransportException(endpoints.get(ep), e.getMessage(), e);
                attemptFailed(ep, p, attempts, last);
                if (giveUpExpired(p, last)) {
                    return;
                }
                continue;
            }
            MllpEndpoint from = endpoints.get(ep);
            outages.acknowledged(ep);
            if (ack.isAccepted()) {
                pending.removeFromOutbox(p);
                emit(new SenderEvent.Delivered(controlId, from, ack, attempts));
                p.future.complete(ack);
                return;
            }
            if (ack.code().isError() && errors < errorRetries) {
                errors++;
                log.debug("{} answered {} to {}; retry {} of {}", from, ack.code(), controlId, errors, errorRetries);
                emit(new SenderEvent.Retried(controlId, from, ack, errors));
                pause(retryDelay.toNanos());
                continue;
            }
            pending.removeFromOutbox(p);
            String reason = ack.code().isError()
                    ? from + " answered " + ack.code() + " after " + errors + " retries"
                    : from + " rejected it with " + ack.code();
            log.warn("handing back {}: {}", controlId, reason);
            emit(new SenderEvent.GivenUp(controlId, reason, ack));
            p.future.complete(ack);
            return;
        }
    }

    /** An attempt failed: report it, switch to the next endpoint, and after a full round schedule a back-off. */
    private void attemptFailed(int ep, Pending p, int attempt, MllpTransportException e) {
        String controlId = p.message.controlId();
        MllpEndpoint from = endpoints.get(ep);
        String why = reason(from, e);
        log.debug("attempt {} to send {} to {} failed: {}", attempt, controlId, from, why);
        emit(new SenderEvent.AttemptFailed(controlId, from, e.getMessage(), attempt));
        int next = (ep + 1) % clients.length;
        if (next != ep) {
            active = next;
            if (ep == 0) {
                preferredHealthySince = 0;
            }
        }
        if (outages.markDown(ep)) {
            if (next != ep) {
                log.warn("{} is down ({}); switching to {} with {} in flight", from, why, endpoints.get(next), controlId);
            } else {
                log.warn("{} is down ({})", from, why);
            }
        } else if (next != ep) {
            log.debug("switching from {} to {} with {} in flight", from, endpoints.get(next), controlId);
        }
        if (next != ep) {
            emit(new SenderEvent.Switched(from, endpoints.get(next), e.getMessage(), controlId));
        }
        outages.attemptFailed();
    }

    /**
     * Waits until the back-off allows the next attempt, handing back messages whose give-up
     * time runs out meanwhile.
     *
     * @return false if {@code p} was handed back
     */
    private boolean awaitNextTry(Pending p, MllpTransportException last) {
        while (outages.backingOff() && !closed) {
            long now = timing.nanoTime();
            long wait = outages.nextTryAt() - now;
            if (wait <= 0) {
                break;
            }
            if (giveUpAfter != null) {
                wait = Math.min(wait, p.acceptedAt + giveUpAfter.toNanos() + GIVE_UP_GRACE_NANOS - now);
            }
            pause(wait);
            if (giveUpExpired(p, last)) {
                return false;
            }
        }
        outages.stopBackingOff();
        return true;
    }

    /**
     * Hands back {@code p} and every queued message behind it that is older than the give-up
     * time, in order, when {@code p} is.
     *
     * @return true if {@code p} was handed back
     */
    private boolean giveUpExpired(Pending p, MllpTransportException last) {
        if (giveUpAfter == null) {
            return false;
        }
        long now = timing.nanoTime();
        long limit = giveUpAfter.toNanos();
        if (now - p.acceptedAt < limit) {
            return false;
        }
        List<Pending> expired = new ArrayList<>();
        expired.add(p);
        expired.addAll(pending.takeExpired(now, limit));
        String reason = "no endpoint acknowledged it within " + giveUpAfter.toMillis() + " ms of being accepted";
        if (expired.size() == 1) {
            log.warn("giving up {}: {}", p.message.controlId(), reason);
        } else {
            log.warn("giving up {} messages ({} to {}): no endpoint acknowledged them within {} ms of being accepted",
                    expired.size(), p.message.controlId(), expired.get(expired.size() - 1).message.controlId(),
                    giveUpAfter.toMillis());
        }
        for (Pending q : expired) {
            String id = q.message.controlId();
            pending.removeFromOutbox(q);
            emit(new SenderEvent.GivenUp(id, reason, null));
            q.future.completeExceptionally(new UndeliveredException(id, reason, last));
            if (q != p) {
                pending.finished(q);
            }
        }
        return true;
    }

    /** Messages accepted and not finished, counting the one in flight. */
    private int waiting() {
        return 1 + pending.size();
    }

    private static String reason(MllpEndpoint endpoint, Exception e) {
        String m = String.valueOf(e.getMessage());
        String prefix = endpoint + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private void pause(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            timing.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            // close() interrupts; the loop checks the closed flag
        }
    }

    private void maybeFailback() {
        if (!failback.returnsToPreferred() || active == 0) {
            return;
        }
        long since = preferredHealthySince;
        if (since != 0 && System.nanoTime() - since >= failback.healthyFor().toNanos()) {
            int from = active;
            active = 0;
            clients[from].disconnectNow();
            log.info("failing back from {} to the preferred endpoint {}", endpoints.get(from), endpoints.get(0));
            emit(new SenderEvent.Switched(endpoints.get(from), endpoints.get(0), "fail-back", null));
        }
    }

    private void probePreferred() {
        if (active == 0) {
            preferredHealthySince = 0;
            return;
        }
        MllpEndpoint preferred = endpoints.get(0);
        InetSocketAddress address = preferred.socketAddress();
        boolean healthy = false;
        if (!address.isUnresolved()) {
            try (Socket s = new Socket()) {
                s.connect(address, (int) Math.max(1, connectTimeout.toMillis()));
                healthy = true;
            } catch (IOException e) {
                log.debug("preferred endpoint {} still down: {}", preferred, e.getMessage());
            }
        }
        if (!healthy) {
            preferredHealthySince = 0;
        } else if (preferredHealthySince == 0) {
            preferredHealthySince = System.nanoTime();
        }
    }

    private void emit(SenderEvent event) {
        if (listener == null) {
            return;
        }
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.warn("sender event listener failed on {}", event, e);
        }
    }

    /**
     * The endpoint messages currently go to.
     *
     * @return the active endpoint
     */
    public MllpEndpoint activeEndpoint() {
        return endpoints.get(active);
    }

    /**
     * The endpoints in preference order.
     *
     * @return the endpoints
     */
    public List<MllpEndpoint> endpoints() {
        return endpoints;
    }

    /**
     * Messages accepted (or recovered from the outbox) and not yet finished.
     *
     * @return the count
     */
    public int pendingCount() {
        return pending.outboxSize();
    }

    /**
     * Stops the sender: messages not yet finished fail with {@link UndeliveredException} and
     * stay in the outbox; the outbox is closed; connections are closed. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (prober != null) {
            prober.shutdownNow();
        }
        worker.interrupt();
        for (MllpClient c : clients) {
            c.close();
        }
        try {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pending.close();
    }

    /** Builds a {@link FailoverMllpSender}. Not thread-safe. */
    public static final class Builder {
        private final List<MllpEndpoint> endpoints = new ArrayList<>();
        private Duration connectTimeout = MllpClient.DEFAULT_CONNECT_TIMEOUT;
        private Duration ackTimeout = MllpClient.DEFAULT_ACK_TIMEOUT;
        private TlsSettings tls;
        private int maxFrameLength = MllpFrameDecoder.DEFAULT_MAX_FRAME_LENGTH;
        private Charset defaultCharset = MllpClient.DEFAULT_CHARSET;
        private int errorRetries = DEFAULT_ERROR_RETRIES;
        private Duration retryDelay = DEFAULT_RETRY_DELAY;
        private Duration reconnectDelay = DEFAULT_RECONNECT_DELAY;
        private Duration maxRetryDelay = DEFAULT_MAX_RETRY_DELAY;
        private Timing timing = Timing.system();
        private Logger logger;
        private Failback failback = Failback.stay();
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private Outbox outbox;
        private Consumer<SenderEvent> listener;
        private Duration giveUpAfter;

        private Builder() {
        }

        /**
         * Adds an endpoint; the first one added is the preferred endpoint.
         *
         * @param endpoint the endpoint
         * @return this builder
         * @throws NullPointerException if {@code endpoint} is null
         * @throws IllegalArgumentException if it was already added
         */
        public Builder endpoint(MllpEndpoint endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            if (endpoints.contains(endpoint)) {
                throw new IllegalArgumentException("endpoint " + endpoint + " is listed twice");
            }
            endpoints.add(endpoint);
            return this;
        }

        /**
         * Adds endpoints in preference order.
         *
         * @param endpoints the endpoints
         * @return this builder
         * @throws NullPointerException if the list or an element is null
         * @throws IllegalArgumentException if an endpoint is listed twice
         */
        public Builder endpoints(List<MllpEndpoint> endpoints) {
            Objects.requireNonNull(endpoints, "endpoints").forEach(this::endpoint);
            return this;
        }

        /**
         * The connect time-out per attempt; default {@link MllpClient#DEFAULT_CONNECT_TIMEOUT} (5 s).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = MllpClient.positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * The ACK time-out per attempt, which is also how quickly a silent (hung or half-open)
         * endpoint is detected; default {@link MllpClient#DEFAULT_ACK_TIMEOUT} (10 s).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if not positive
         */
        public Builder ackTimeout(Duration timeout) {
            this.ackTimeout = MllpClient.positive(timeout, "ackTimeout");
            return this;
        }

        /**
         * Use TLS with these settings for every endpoint (certificates and host names always
         * verified); default: plain TCP.
         *
         * @param settings whom to trust and which client certificate to present
         * @return this builder
         * @throws NullPointerException if {@code settings} is null
         */
        public Builder tls(TlsSettings settings) {
            this.tls = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The longest acknowledgement accepted; default
         * {@link MllpFrameDecoder#DEFAULT_MAX_FRAME_LENGTH} (1 MiB).
         *
         * @param bytes at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxFrameLength(int bytes) {
            this.maxFrameLength = MllpClient.atLeastOne(bytes, "maxFrameLength");
            return this;
        }

        /**
         * The charset used when a message declares none in MSH-18; default
         * {@link MllpClient#DEFAULT_CHARSET} (ISO-8859-1).
         *
         * @param charset the charset
         * @return this builder
         * @throws NullPointerException if {@code charset} is null
         */
        public Builder defaultCharset(Charset charset) {
            this.defaultCharset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * How many times a message answered AE/CE is sent again before it is handed back;
         * default {@link FailoverMllpSender#DEFAULT_ERROR_RETRIES} (2).
         *
         * @param retries 0 or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder errorRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("errorRetries must not be negative, was " + retries);
            }
            this.errorRetries = retries;
            return this;
        }

        /**
         * The pause before re-sending a message answered AE/CE; default
         * {@link FailoverMllpSender#DEFAULT_RETRY_DELAY} (1 s).
         *
         * @param delay zero or positive
         * @return this builder
         * @throws NullPointerException if {@code delay} is null
         * @throws IllegalArgumentException if negative
         */
        public Builder retryDelay(Duration delay) {
            this.retryDelay = notNegative(delay, "retryDelay");
            return this;
        }

        /**
         * The first pause after every endpoint has failed in a round, before the next round;
         * it doubles after each further failed round, up to {@link #maxRetryDelay(Duration)},
         * and starts again from this after the next acknowledgement; default
         * {@link FailoverMllpSender#DEFAULT_RECONNECT_DELAY} (1 s). A switch to the next
         * endpoint within a round never waits.
         *
         * @param delay zero or positive
         * @return this builder
         * @throws NullPointerException if {@code delay} is null
         * @throws IllegalArgumentException if negative
         */
        public Builder reconnectDelay(Duration delay) {
            this.reconnectDelay = notNegative(delay, "reconnectDelay");
            return this;
        }

        /**
         * The longest pause between rounds while every endpoint is down (the cap of the
         * exponential back-off; never less than the reconnect delay); default
         * {@link FailoverMllpSender#DEFAULT_MAX_RETRY_DELAY} (30 s).
         *
         * @param delay a positive duration
         * @return this builder
         * @throws NullPointerException if {@code delay} is null
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxRetryDelay(Duration delay) {
            this.maxRetryDelay = MllpClient.positive(delay, "maxRetryDelay");
            return this;
        }

        /** Test seam: the clock, pauses and jitter. */
        Builder timing(Timing timing) {
            this.timing = Objects.requireNonNull(timing, "timing");
            return this;
        }

        /** Test seam: where the sender logs. */
        Builder logger(Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /**
         * The fail-back policy; default {@link Failback#stay()}.
         *
         * @param policy the policy
         * @return this builder
         * @throws NullPointerException if {@code policy} is null
         */
        public Builder failback(Failback policy) {
            this.failback = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How many messages may be accepted and not yet finished before
         * {@link FailoverMllpSender#sendAsync} blocks; default
         * {@link FailoverMllpSender#DEFAULT_QUEUE_CAPACITY} (1000).
         *
         * @param messages at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder queueCapacity(int messages) {
            this.queueCapacity = MllpClient.atLeastOne(messages, "queueCapacity");
            return this;
        }

        /**
         * Where accepted messages are kept until finished; default {@link Outbox#inMemory()}.
         * The sender sends the outbox's pending messages first, and closes it when closed.
         *
         * @param outbox the outbox
         * @return this builder
         * @throws NullPointerException if {@code outbox} is null
         */
        public Builder outbox(Outbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        /**
         * Receives {@link SenderEvent}s on the sender's thread; default: none.
         *
         * @param listener the listener; must return quickly
         * @return this builder
         * @throws NullPointerException if {@code listener} is null
         */
        public Builder listener(Consumer<SenderEvent> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Hand a message back as {@link UndeliveredException} when no endpoint has acknowledged
         * it this long after the sender accepted it ({@link FailoverMllpSender#sendAsync}
         * returned), waiting in the queue included; messages recovered from the outbox count
         * from when the sender is built. The limit is checked whenever an attempt fails and
         * while waiting between rounds (a waiting sender looks again 100 ms after the oldest
         * message's limit, so that a burst of messages goes together): every message older
         * than the limit is then handed back, in order, and the younger ones go on. While endpoints acknowledge, no message is given
         * up. By default the sender never gives up.
         *
         * @param time a positive duration
         * @return this builder
         * @throws NullPointerException if {@code time} is null
         * @throws IllegalArgumentException if not positive
         */
        public Builder giveUpAfter(Duration time) {
            this.giveUpAfter = MllpClient.positive(time, "giveUpAfter");
            return this;
        }

        /**
         * Builds and starts the sender.
         *
         * @return the sender
         * @throws IllegalStateException if no endpoint was added
         */
        public FailoverMllpSender build() {
            if (endpoints.isEmpty()) {
                throw new IllegalStateException("at least one endpoint is required");
            }
            return new FailoverMllpSender(this);
        }

        private static Duration notNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + d);
            }
            return d;
        }
    }
}
