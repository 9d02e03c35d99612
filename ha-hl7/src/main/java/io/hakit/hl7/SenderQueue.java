package io.hakit.hl7;

import io.hakit.hl7.spi.Outbox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;

/**
 * The messages a {@link FailoverMllpSender} has accepted and not finished, and their outbox:
 * messages recovered from the outbox at start go first, in order, then those accepted since;
 * acceptance blocks while the queue is full (back-pressure) and puts the message in the outbox
 * before it returns; a finished message leaves the outbox.
 *
 * <p>Thread-safe: callers accept from any thread, the sender's worker takes and finishes.
 */
final class SenderQueue {

    /** A message accepted and not yet finished. */
    static final class Pending {
        final long id;
        final Hl7Message message;
        final CompletableFuture<Ack> future = new CompletableFuture<>();
        final boolean recovered;
        final long acceptedAt;

        Pending(long id, Hl7Message message, boolean recovered, long acceptedAt) {
            this.id = id;
            this.message = message;
            this.recovered = recovered;
            this.acceptedAt = acceptedAt;
        }
    }

    private final Outbox outbox;
    private final Logger log;
    private final Semaphore capacity;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedDeque<Pending> recovered = new ConcurrentLinkedDeque<>();
    private final ReentrantLock enqueueLock = new ReentrantLock();

    /**
     * @param outbox where accepted messages are kept until finished
     * @param capacity how many accepted messages may wait (recovered ones are not counted)
     * @param log where outbox problems are logged
     */
    SenderQueue(Outbox outbox, int capacity, Logger log) {
        this.outbox = outbox;
        this.capacity = new Semaphore(capacity);
        this.log = log;
    }

    /**
     * Queues the messages the outbox still holds from before, first; drops (and logs) entries
     * that are not HL7 messages.
     *
     * @param acceptedAt when they count as accepted, for the give-up time
     */
    void recover(long acceptedAt) {
        for (Outbox.Entry e : outbox.pending()) {
            Hl7Message m;
            try {
                m = Hl7Message.parse(e.message());
            } catch (Hl7ParseException ex) {
                log.warn("outbox entry {} is not an HL7 message and is dropped: {}", e.id(), ex.getMessage());
                outbox.remove(e.id());
                continue;
            }
            recovered.add(new Pending(e.id(), m, true, acceptedAt));
        }
        if (!recovered.isEmpty()) {
            log.info("re-sending {} message(s) accepted but not acknowledged before", recovered.size());
        }
    }

    /**
     * Accepts a message: waits for room, then puts it in the outbox and the queue.
     *
     * @param message the message
     * @param now when it is accepted
     * @param checkOpen throws {@link IllegalStateException} when the sender is closed
     * @return the accepted message
     * @throws UndeliveredException if interrupted while waiting for room (not accepted)
     */
    Pending accept(Hl7Message message, long now, Runnable checkOpen) {
        try {
            while (!capacity.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                checkOpen.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UndeliveredException(message.controlId(), "interrupted while waiting for queue space; not accepted", e);
        }
        enqueueLock.lock();
        try {
            try {
                checkOpen.run();
            } catch (RuntimeException e) {
                capacity.release();
                throw e;
            }
            long id;
            try {
                id = outbox.add(message.text());
            } catch (RuntimeException e) {
                capacity.release();
                throw e;
            }
            Pending p = new Pending(id, message, false, now);
            queue.add(p);
            return p;
        } finally {
            enqueueLock.unlock();
        }
    }

    /**
     * @return the next message: a recovered one first, else the oldest accepted one
     * @throws InterruptedException when interrupted while the queue is empty
     */
    Pending next() throws InterruptedException {
        Pending p = recovered.poll();
        return p != null ? p : queue.take();
    }

    /**
     * Frees the room a finished message took in the queue.
     *
     * @param p a message taken with {@link #next()} or {@link #takeExpired}
     */
    void finished(Pending p) {
        if (!p.recovered) {
            capacity.release();
        }
    }

    /**
     * Takes the waiting messages, from the head, that were accepted at least {@code limit} ago.
     *
     * @param now the time now
     * @param limit the give-up time, in nanoseconds
     * @return them, in order
     */
    List<Pending> takeExpired(long now, long limit) {
        List<Pending> expired = new ArrayList<>();
        while (true) {
            Pending q = recovered.peekFirst();
            boolean fromRecovered = q != null;
            if (q == null) {
                q = queue.peek();
            }
            if (q == null || now - q.acceptedAt < limit) {
                return expired;
            }
            if (fromRecovered) {
                recovered.pollFirst();
            } else {
                queue.poll();
            }
            expired.add(q);
        }
    }

    /** @return how many messages wait, not counting the one in flight */
    int size() {
        return recovered.size() + queue.size();
    }

    /** @return how many messages the outbox holds: accepted or recovered, and not finished */
    int outboxSize() {
        return outbox.pending().size();
    }

    /**
     * Removes a finished message from the outbox; a failure is logged, not thrown.
     *
     * @param p the message
     */
    void removeFromOutbox(Pending p) {
        try {
            outbox.remove(p.id);
        } catch (RuntimeException e) {
            log.error("outbox: cannot remove finished message {}; it may be sent again after a restart",
                    p.message.controlId(), e);
        }
    }

    /**
     * Fails every waiting message with {@link UndeliveredException} (they stay in the outbox) and
     * closes the outbox. Call once the sender is closed and its worker stopped.
     */
    void close() {
        enqueueLock.lock();
        try {
            List<Pending> left = new ArrayList<>(recovered);
            recovered.clear();
            queue.drainTo(left);
            for (Pending p : left) {
                p.future.completeExceptionally(new UndeliveredException(p.message.controlId(),
                        "the sender was closed; the message stays in the outbox", null));
            }
            outbox.close();
        } finally {
            enqueueLock.unlock();
        }
    }
}
