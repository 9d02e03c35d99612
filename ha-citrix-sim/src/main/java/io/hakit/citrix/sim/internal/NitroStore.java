package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.sim.SimulatorException;
import java.util.Map;

/**
 * The configuration of one simulated ADC and every operation on it, validated as NITRO validates:
 * the one entry the handler and {@code CitrixSimulator} call. The rows live in a
 * {@link ResourceTable}; the work is done by {@link NitroObjects} (add, update, delete),
 * {@link NitroBindings}, {@link NitroActions}, {@link NitroFiles} and {@link NitroReads}, with the
 * cross-object checks in {@link NitroChecks} and values in {@link NitroValues}.
 * Not thread-safe: the caller holds one lock around every call. An operation either changes the
 * state completely or throws {@link SimulatorException} and changes nothing.
 */
public final class NitroStore {
    static final JsonNodeFactory F = NitroValues.F;
    /** the default directory of certificate and key files */
    public static final String SSL_DIR = CertificateFiles.SSL_DIR;

    private final ResourceTable table;
    private final NitroBindings bindings;
    private final NitroObjects objects;
    private final NitroActions actions;
    private final NitroFiles files;
    private final NitroReads reads;

    /** An ADC with nothing configured. */
    public NitroStore() {
        this(new ResourceTable());
    }

    private NitroStore(ResourceTable table) {
        this.table = table;
        NitroChecks checks = new NitroChecks(table);
        this.bindings = new NitroBindings(table, checks);
        this.objects = new NitroObjects(table, checks, bindings);
        this.actions = new NitroActions(table, checks);
        this.files = new NitroFiles(table);
        this.reads = new NitroReads(table, checks);
    }

    /** @return a deep copy, for rollback */
    public NitroStore copy() {
        return new NitroStore(table.copy());
    }

    /**
     * Puts back a state taken with {@link #copy()}.
     *
     * @param saved the state to restore
     */
    public void restore(NitroStore saved) {
        table.restore(saved.table);
    }

    /** @return every object, binding and file, in a deterministic order, as stored */
    public ObjectNode snapshot() {
        return table.snapshot();
    }

    /**
     * @param resource a resource name from a URL or body
     * @return its definition
     * @throws SimulatorException 258 when the simulator does not serve that resource
     */
    public static ResourceDef def(String resource) {
        ResourceDef d = Schema.get(resource);
        if (d == null) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "resource", resource);
        }
        return d;
    }

    /**
     * @param resource a resource name
     * @return the parent's key attribute when the resource is a binding the simulator serves, else {@code null}
     */
    public static String parentKey(String resource) {
        ResourceDef d = Schema.get(resource);
        return d != null && d.isBinding() ? d.key : null;
    }

    /** @return whether the resource is a binding the simulator serves */
    static boolean isBinding(String resource) {
        return parentKey(resource) != null;
    }

    /** Converts one input value to the form the ADC stores ({@link NitroValues#canonical}). */
    static JsonNode canonical(ResourceDef d, String attr, JsonNode v) {
        return NitroValues.canonical(d, attr, v);
    }

    /** @return a member binding's identity */
    static String memberId(String group, String server, String port) {
        return NitroBindings.memberId(group, server, port);
    }

    /**
     * Adds an object, or binds when the resource is a binding.
     *
     * @param resource the resource type
     * @param item the attributes, as sent
     * @param idempotent {@code ?idempotent=yes}: an existing object is updated instead
     */
    public void add(String resource, ObjectNode item, boolean idempotent) {
        objects.add(resource, item, idempotent);
    }

    /**
     * Updates an object ({@code PUT}); a binding has no update, so a PUT to a binding binds.
     *
     * @param resource the resource type
     * @param item the attributes, including the key
     * @param pathName the name in the URL, or {@code null}
     */
    public void update(String resource, ObjectNode item, String pathName) {
        objects.update(resource, item, pathName);
    }

    /**
     * Deletes an object; the ADC also removes its own bindings, but refuses while another object
     * still refers to it.
     *
     * @param resource the resource type
     * @param name the key
     * @param args the {@code ?args=} of the request
     */
    public void delete(String resource, String name, Map<String, String> args) {
        objects.delete(resource, name, args);
    }

    /**
     * Removes one binding.
     *
     * @param resource the binding type
     * @param parentKey the parent's name (from the URL)
     * @param args the child's identity ({@code ?args=})
     */
    public void unbind(String resource, String parentKey, Map<String, String> args) {
        bindings.unbind(resource, parentKey, args);
    }

    /**
     * Runs {@code POST /config/<resource>?action=<action>}.
     *
     * @param resource the resource type
     * @param action the verb: enable, disable, unset, update (sslcertkey), link, unlink
     * @param item the body's object
     */
    public void action(String resource, String action, ObjectNode item) {
        actions.action(resource, action, item);
    }

    /**
     * Uploads a file ({@code systemfile} add).
     *
     * @param item filename, filelocation, filecontent (base64) and fileencoding
     */
    public void addFile(ObjectNode item) {
        files.upload(item);
    }

    /**
     * @param name the file name
     * @param args {@code filelocation} (required)
     */
    public void deleteFile(String name, Map<String, String> args) {
        files.delete(name, args);
    }

    /**
     * @param args {@code filelocation} (required) and optionally {@code filename}
     * @return the files, content included only when one file is named
     */
    public ArrayNode files(Map<String, String> args) {
        return files.list(null, args);
    }

    /**
     * Reads files the way {@code GET systemfile[/<name>]?args=filelocation:<dir>[,filename:<name>]} does.
     *
     * @param pathName the name from the URL path ({@code systemfile/<name>}), or {@code null}
     * @param args {@code filelocation} (required) and optionally {@code filename}
     * @return the files, content included only when one file is named; {@code filelocation} as uploaded
     */
    public ArrayNode files(String pathName, Map<String, String> args) {
        return files.list(pathName, args);
    }

    /**
     * @param resource the resource type
     * @param name one object's key (for a binding: the parent's), or {@code null} for all
     * @return the objects as the ADC shows them: numbers as strings except where a real ADC shows
     *         JSON numbers, defaults filled in, secrets left out
     */
    public ArrayNode read(String resource, String name) {
        return reads.read(resource, name);
    }

    /**
     * @param parentType lbvserver, servicegroup, sslvserver or sslservicegroup
     * @param name one parent, or {@code null} for all
     * @return the {@code <parent>_binding} aggregate: one entry per parent holding each binding type's array
     */
    public ArrayNode readAggregate(String parentType, String name) {
        return reads.readAggregate(parentType, name);
    }

    /** @return the stored object (not a copy), or {@code null}; for stats */
    ObjectNode find(String type, String key) {
        return table.find(type, key);
    }
}
