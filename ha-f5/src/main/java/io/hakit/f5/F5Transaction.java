package io.hakit.f5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.model.DeviceException;
import io.hakit.model.TransportException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One iControl REST transaction: requests sent through it carry {@code X-F5-REST-Coordination-Id} and are
 * queued, not executed; {@link #commit()} runs them in order, all or nothing. BIG-IP's limits apply: objects
 * created in the transaction cannot be read before the commit, and sub-collections (pool members) must be
 * written inline in their parent's body. Not thread-safe.
 */
public final class F5Transaction {

    private final IControlClient client;
    private final long id;
    private final AtomicInteger queued = new AtomicInteger();
    private boolean finished;

    F5Transaction(IControlClient client, long id) {
        this.client = client;
        this.id = id;
    }

    /** @return the transaction id */
    public long id() {
        return id;
    }

    /** @return how many commands are queued */
    public int size() {
        return queued.get();
    }

    /**
     * @param collection the collection path
     * @param body the object
     * @throws DeviceException when the device refuses to queue it
     */
    public void create(String collection, JsonNode body) {
        enlist("POST", collection, body);
    }

    /**
     * @param item the item path
     * @param body the attributes to merge
     * @throws DeviceException when the device refuses to queue it
     */
    public void modify(String item, JsonNode body) {
        enlist("PATCH", item, body);
    }

    /**
     * @param item the item path
     * @param body the whole new object
     * @throws DeviceException when the device refuses to queue it
     */
    public void replace(String item, JsonNode body) {
        enlist("PUT", item, body);
    }

    /**
     * @param item the item path
     * @throws DeviceException when the device refuses to queue it
     */
    public void delete(String item) {
        enlist("DELETE", item, null);
    }

    /**
     * Queues the creation of an object (POST to its collection with its whole body).
     *
     * @param object the object
     * @throws DeviceException when the device refuses to queue it
     */
    public void create(F5Object object) {
        create(object.type().collection(), object.body());
    }

    /**
     * Queues a merge of attributes into an object (PATCH).
     *
     * @param object the object, holding only the attributes to change
     * @throws DeviceException when the device refuses to queue it
     */
    public void modify(F5Object object) {
        modify(object.itemPath(), IControlClient.JSON.valueToTree(object.attributes()));
    }

    /**
     * Queues the deletion of an object.
     *
     * @param type its type
     * @param partition its partition
     * @param name its name
     * @throws DeviceException when the device refuses to queue it
     */
    public void delete(F5Type type, String partition, String name) {
        delete(F5Names.itemPath(type.collection(), partition, name));
    }

    private void enlist(String method, String path, JsonNode body) {
        if (finished) {
            throw new IllegalStateException("transaction " + id + " is already committed or discarded");
        }
        if (path.matches(".*/members(/.*)?$") && "POST".equals(method)) {
            throw new IllegalArgumentException("BIG-IP cannot queue a sub-collection POST (" + path + ") in a "
                    + "transaction; put the members inline in the pool's body");
        }
        client.send(method, path, body, id);
        queued.incrementAndGet();
    }

    /**
     * Commits: {@code PATCH /mgmt/tm/transaction/<id> {"state":"VALIDATING"}}. BIG-IP runs the queued
     * commands in order; when one fails, nothing of the transaction takes effect.
     *
     * @throws DeviceException with the device's reason when the commit fails (nothing changed)
     * @throws TransportException when the device cannot be reached
     */
    public void commit() {
        finish(false);
    }

    /**
     * Validates without changing anything: {@code {"state":"VALIDATING","validateOnly":true}}.
     *
     * @throws DeviceException with the device's reason when validation fails
     * @throws TransportException when the device cannot be reached
     */
    public void validate() {
        finish(true);
    }

    private void finish(boolean validateOnly) {
        if (finished) {
            throw new IllegalStateException("transaction " + id + " is already committed or discarded");
        }
        finished = true;
        ObjectNode body = IControlClient.JSON.createObjectNode().put("state", "VALIDATING");
        if (validateOnly) {
            body.put("validateOnly", true);
        }
        String path = "/mgmt/tm/transaction/" + id;
        JsonNode answer = client.send("PATCH", path, body, null);
        String state = answer.path("state").asText("");
        for (int polls = 0; (state.equals("VALIDATING") || state.equals("STARTED")) && polls < 600; polls++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted waiting for transaction " + id + " to finish", e);
            }
            answer = client.get(path);
            state = answer.path("state").asText("");
        }
        if (state.equals("FAILED")) {
            String reason = answer.path("failureReason").asText("the device gave no reason");
            throw new DeviceException(400, "", reason, "transaction " + id, "PATCH " + path
                    + (validateOnly ? " (validateOnly)" : " (commit)"));
        }
    }

    /** Drops the transaction and its queued commands (best effort; never throws). */
    public void discard() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            client.delete("/mgmt/tm/transaction/" + id);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(F5Transaction.class).debug("discarding transaction {}: {}", id,
                    e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "F5Transaction[" + id + ", " + queued.get() + " queued" + (finished ? ", finished" : "") + "]";
    }

}
