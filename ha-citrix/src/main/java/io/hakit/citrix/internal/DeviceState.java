package io.hakit.citrix.internal;

import io.hakit.citrix.NitroClient;
import io.hakit.citrix.NitroObject;
import io.hakit.citrix.NitroResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What is configured on the ADC, read with one GET per resource type and one aggregate
 * {@code ..._binding?bulkbindings=yes} GET per parent kind: 10 requests however many objects there are.
 */
public final class DeviceState {

    /** The object types read one GET each. */
    public static final List<NitroResource> OBJECT_TYPES = List.of(NitroResource.SERVER, NitroResource.LBMONITOR,
            NitroResource.SERVICEGROUP, NitroResource.SSLSERVICEGROUP, NitroResource.SSLCERTKEY,
            NitroResource.LBVSERVER);

    /** The parents whose bindings are read in one aggregate GET each. */
    public static final List<String> BINDING_PARENTS = List.of("servicegroup", "sslservicegroup", "lbvserver",
            "sslvserver");

    private final Map<String, Map<String, NitroObject>> objects;
    private final List<NitroObject> bindings;

    /**
     * @param objects by type, then name
     * @param bindings every binding read
     */
    public DeviceState(Map<String, Map<String, NitroObject>> objects, List<NitroObject> bindings) {
        this.objects = new LinkedHashMap<>(objects);
        this.bindings = List.copyOf(bindings);
    }

    /**
     * @param client the client
     * @return the state, read in {@code OBJECT_TYPES.size() + BINDING_PARENTS.size()} GETs
     */
    public static DeviceState read(NitroClient client) {
        Map<String, Map<String, NitroObject>> objects = new LinkedHashMap<>();
        for (NitroResource r : OBJECT_TYPES) {
            Map<String, NitroObject> byName = new LinkedHashMap<>();
            for (NitroObject o : client.list(r.wireName())) {
                byName.put(o.name(), o);
            }
            objects.put(r.wireName(), byName);
        }
        List<NitroObject> bindings = new ArrayList<>();
        for (String parent : BINDING_PARENTS) {
            for (NitroObject b : client.bindings(parent)) {
                if (b.resource().isPresent()) {
                    bindings.add(b);
                }
            }
        }
        return new DeviceState(objects, bindings);
    }

    /** The pseudo-type under which the certificate files in {@code /nsconfig/ssl/} are kept. */
    static final String FILES = "systemfile";

    /**
     * Reads the state and the certificate files an apply would upload: the folder's listing (one GET), and the
     * content of each of {@code files} that is already there and that no {@code sslcertkey} uses (one GET each: a
     * leftover), so a plan can reuse or replace a file instead of failing on "File already exists".
     *
     * @param client the client
     * @param files the file names the deployment uploads
     * @return the state
     */
    public static DeviceState read(NitroClient client, java.util.Set<String> files) {
        DeviceState s = read(client);
        Map<String, NitroObject> byName = new LinkedHashMap<>();
        String folder = "args=filelocation:" + java.net.URLEncoder.encode(io.hakit.citrix.CitrixConfig.SSL_DIRECTORY,
                java.nio.charset.StandardCharsets.UTF_8);
        for (NitroObject f : client.list(FILES, folder)) {
            String name = f.string("filename").orElse("");
            boolean used = s.all(NitroResource.SSLCERTKEY).stream().anyMatch(k -> CitrixPlanner.usesFile(k, name));
            if (files.contains(name) && !used) {
                List<NitroObject> one = client.list(FILES, folder + ",filename:" + name);
                byName.put(name, one.isEmpty() ? f : one.get(0));
            } else {
                byName.put(name, f);
            }
        }
        s.objects.put(FILES, byName);
        return s;
    }

    /**
     * @param name a file name in {@code /nsconfig/ssl/}
     * @return the file as read (its {@code filecontent} when it was one the deployment uploads), if the state
     *     was read with files and the ADC has it
     */
    public Optional<NitroObject> file(String name) {
        return Optional.ofNullable(objects.getOrDefault(FILES, Map.of()).get(name));
    }

    /**
     * @param type a resource
     * @param name a name
     * @return the object, if present
     */
    public Optional<NitroObject> find(NitroResource type, String name) {
        return Optional.ofNullable(objects.getOrDefault(type.wireName(), Map.of()).get(name));
    }

    /**
     * @param type a resource
     * @return every object of the type
     */
    public List<NitroObject> all(NitroResource type) {
        return new ArrayList<>(objects.getOrDefault(type.wireName(), Map.of()).values());
    }

    /**
     * @param type a binding resource
     * @return its bindings
     */
    public List<NitroObject> bindings(NitroResource type) {
        return bindings.stream().filter(b -> b.type().equals(type.wireName())).collect(Collectors.toList());
    }

    /**
     * @param binding a binding
     * @return what identifies it among its type: parent, bound name (and port for members)
     */
    public static String bindingKey(NitroObject binding) {
        NitroResource r = binding.resource().orElseThrow();
        String child = binding.string(r.bindKey().orElseThrow()).orElse("");
        if (r == NitroResource.SERVICEGROUP_MEMBER_BINDING) {
            if (child.isEmpty()) {
                child = binding.string("ip").orElse("");
            }
            child = child + ":" + Normalizer.canonical("port", binding.attributes().get("port"));
        }
        return r.wireName() + "|" + binding.name() + "|" + child;
    }
}
