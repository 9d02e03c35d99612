package io.hakit.model.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a drain or enable did: the server's members with their state before and after and their connections, who
 * holds the HL7 active role afterwards, how many device requests it took and how long it waited. Renders DESIGN's
 * JSON ({@link #toJson()}). Immutable.
 *
 * @param vendor the load balancer, e.g. {@code citrix}
 * @param server the server drained or enabled
 * @param outcome what happened
 * @param members the server's members (every farm of the deployment it is in)
 * @param hl7Active the server holding the HL7 active role afterwards, when the deployment has HL7
 * @param requests device requests sent
 * @param waitedMs how long the drain waited for connections, in milliseconds
 * @param message one line saying why, for a refusal or failure ({@code ""} otherwise)
 */
public record DrainResult(String vendor, String server, Outcome outcome, List<MemberChange> members,
        Optional<String> hl7Active, int requests, long waitedMs, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a drain or enable came to. */
    public enum Outcome {
        /** The server's members are out of service (and drained, unless the wait elapsed). */
        DRAINED,
        /** What drain changed is back. */
        ENABLED,
        /** Nothing was changed: the server is the last member up in a farm. */
        REFUSED,
        /** The device failed part-way; {@link DrainResult#members()} says what state it is in. */
        FAILED;

        /** @return the JSON word, e.g. {@code drained} */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @throws NullPointerException naming a null argument
     */
    public DrainResult {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(outcome, "outcome");
        members = List.copyOf(members);
        Objects.requireNonNull(hl7Active, "hl7Active");
        message = message == null ? "" : message;
    }

    /** @return whether it did what was asked (drained or enabled) */
    public boolean succeeded() {
        return outcome == Outcome.DRAINED || outcome == Outcome.ENABLED;
    }

    /** @return the connections the server's members still had when last read */
    public long connections() {
        return members.stream().mapToLong(MemberChange::connections).sum();
    }

    /**
     * @return DESIGN's JSON: {@code {"vendor","server","outcome","members":[{"farm","before","after","connections"}],
     *     "hl7Active","requests","waitedMs"}}, with {@code "message"} for a refusal or failure
     */
    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("vendor", vendor).put("server", server).put("outcome", outcome.wire());
        ArrayNode ms = o.putArray("members");
        for (MemberChange m : members) {
            ms.addObject().put("farm", m.farm()).put("before", m.before()).put("after", m.after())
                    .put("connections", m.connections());
        }
        if (hl7Active.isPresent()) {
            o.put("hl7Active", hl7Active.get());
        } else {
            o.putNull("hl7Active");
        }
        o.put("requests", requests).put("waitedMs", waitedMs);
        if (!message.isEmpty()) {
            o.put("message", message);
        }
        return o;
    }
}
