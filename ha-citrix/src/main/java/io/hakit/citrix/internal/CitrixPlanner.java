package io.hakit.citrix.internal;

import io.hakit.citrix.CitrixConfig;
import io.hakit.citrix.CitrixRenderer;
import io.hakit.citrix.NitroClient;
import io.hakit.citrix.NitroObject;
import io.hakit.citrix.NitroResource;
import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Conflict;
import io.hakit.model.plan.Ownership;
import io.hakit.model.plan.Plan;
import io.hakit.model.ops.OperationalState;
import io.hakit.model.validate.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the changes that bring an ADC to what a deployment needs. It reads the ADC in ten GETs (one per
 * object type, one aggregate {@code bulkbindings} read per parent kind), compares attribute by attribute
 * after normalisation (numbers as strings, case, units, defaults), and orders the changes: removals first
 * (unbinds, then deletes in reverse dependency order), then servers, monitors, groups, members, monitor
 * bindings, certificates, virtual servers (backups before primaries), their bindings and certificate
 * bindings.
 *
 * <p>Only objects carrying this deployment's ownership marker (or, for monitors and certificates, which
 * have no comment, a name hakit gives) are changed or deleted. A foreign object with a name hakit needs is
 * a {@link Conflict} unless adopted; an attribute that NITRO cannot change in place is a conflict too; so is
 * the load balancer's certificate when the ADC lacks it and no key was given. Drift made on the device (a
 * member's weight, a monitor's settings, a removed binding, a deleted object) shows as changes. A member's
 * state (an operator's or {@code hakit drain}'s DISABLED) is operational, not drift: it is a warning
 * ({@code OPS-001}) in {@link Plan#warnings()}, and a member bound again for another reason keeps it.
 * Immutable and thread-safe.
 */
public final class CitrixPlanner {

    /** The order objects are created in; removals go in reverse. */
    static final List<String> ORDER = List.of("systemfile", "server", "lbmonitor", "servicegroup", "sslservicegroup",
            "servicegroup_servicegroupmember_binding", "servicegroup_lbmonitor_binding", "sslcertkey",
            "sslservicegroup_sslcertkey_binding", "lbvserver", "lbvserver_servicegroup_binding",
            "sslvserver_sslcertkey_binding");

    private static final Map<String, String> PARENT = Map.of(
            "servicegroup_servicegroupmember_binding", "servicegroup",
            "servicegroup_lbmonitor_binding", "servicegroup",
            "sslservicegroup_sslcertkey_binding", "servicegroup",
            "lbvserver_servicegroup_binding", "lbvserver",
            "sslvserver_sslcertkey_binding", "lbvserver",
            "sslservicegroup", "servicegroup");

    /** What each binding's bound attribute refers to. */
    private static final Map<String, String> CHILD = Map.of(
            "servicegroup_servicegroupmember_binding", "server",
            "servicegroup_lbmonitor_binding", "lbmonitor",
            "sslservicegroup_sslcertkey_binding", "sslcertkey",
            "lbvserver_servicegroup_binding", "servicegroup",
            "sslvserver_sslcertkey_binding", "sslcertkey");

    private static final List<NitroResource> DELETABLE = List.of(NitroResource.SERVER, NitroResource.LBMONITOR,
            NitroResource.SERVICEGROUP, NitroResource.SSLCERTKEY, NitroResource.LBVSERVER);

    /** In a servicegroup delete's "before": the group's sslservicegroup settings, restored if the delete is undone. */
    static final String SSL_SETTINGS = "sslservicegroup";

    /** The sslcertkey attributes {@code ?action=update} swaps in place. */
    static final Set<String> CERT_FILES = Set.of("cert", "key");

    private final boolean adopt;
    private final boolean keyGiven;
    private final boolean save;

    private CitrixPlanner(Builder b) {
        this.adopt = b.adopt;
        this.keyGiven = b.keyGiven;
        this.save = b.save;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the ADC and plans. Sends only GETs.
     *
     * @param deployment the deployment
     * @param client the ADC
     * @return the plan
     */
    public Plan plan(Deployment deployment, NitroClient client) {
        CitrixConfig config = CitrixRenderer.render(deployment);
        Set<String> files = new HashSet<>(config.keyFiles().keySet());
        config.files().forEach(f -> files.add(f.name()));
        return plan(deployment, DeviceState.read(client, files));
    }

    /**
     * Plans against state already read (no request).
     *
     * @param deployment the deployment
     * @param state what the ADC has
     * @return the plan
     */
    public Plan plan(Deployment deployment, DeviceState state) {
        Objects.requireNonNull(deployment, "deployment");
        Run run = new Run(CitrixRenderer.render(deployment), state, Ownership.of(deployment));
        for (NitroObject want : run.config.objects()) {
            NitroResource r = want.resource().orElseThrow();
            if (!r.isBinding()) {
                run.planObject(r, want);
            }
        }
        run.planBindings();
        Set<String> leaving = run.leaving();
        run.planDeletes(leaving, run.planStaleBindings(leaving));
        List<Change> changes = run.planFiles(run.ordered());
        return new Plan(Vendor.CITRIX, changes, requests(changes, save), run.conflicts, run.warnings);
    }

    /**
     * One planning pass: what the deployment needs, what the ADC has, and the changes and conflicts found so far.
     * Removals ({@code unbinds}, {@code deletes}) and additions ({@code forward}) are kept apart and ordered at the
     * end. Used by one thread, once.
     */
    private final class Run {
        final CitrixConfig config;
        final DeviceState state;
        final Ownership own;
        final List<Change> forward = new ArrayList<>();
        final List<Change> unbinds = new ArrayList<>();
        final List<Change> deletes = new ArrayList<>();
        final List<Conflict> conflicts = new ArrayList<>();
        /** Operational member state found (OPS-001): never drift, never changed. */
        final List<Finding> warnings = new ArrayList<>();
        /** {@code type|name} of the objects this deployment owns (or will) on the ADC. */
        final Set<String> ours = new HashSet<>();
        /** {@code type|name} of every object the deployment needs. */
        final Set<String> desiredNames = new HashSet<>();
        /** The ADC's bindings of the kinds hakit makes, by binding key. */
        final Map<String, NitroObject> currentBindings = new LinkedHashMap<>();
        /** The binding keys the deployment needs. */
        final Set<String> wantedBindings = new HashSet<>();

        Run(CitrixConfig config, DeviceState state, Ownership own) {
            this.config = config;
            this.state = state;
            this.own = own;
        }

        /** Plans one object (not a binding): create it, update it, or say why it cannot be. */
        void planObject(NitroResource r, NitroObject want) {
            String name = want.name();
            desiredNames.add(r.wireName() + "|" + name);
            if (r == NitroResource.SSLSERVICEGROUP) {
                planSslSettings(r, want);
                return;
            }
            Optional<NitroObject> cur = state.find(r, name);
            if (cur.isEmpty()) {
                planCreate(r, want);
            } else {
                planExisting(r, want, cur.get());
            }
        }

        /** An SSL group's TLS settings: updated in place, only on groups this deployment owns. */
        private void planSslSettings(NitroResource r, NitroObject want) {
            String name = want.name();
            if (!ours.contains("servicegroup|" + name)) {
                return;
            }
            Map<String, Object> read = state.find(r, name).map(NitroObject::attributes).orElse(Map.of());
            update(r, name, read, differing(r, want, read));
        }

        /**
         * An object the ADC lacks: created, with its certificate files first; a certificate whose key was not
         * given is a conflict.
         */
        private void planCreate(NitroResource r, NitroObject want) {
            String name = want.name();
            if (r == NitroResource.SSLCERTKEY && want.attributes().containsKey("key")
                    && (!keyGiven || !name.equals(CitrixRenderer.LB_CERTKEY))) {
                conflicts.add(new Conflict(Conflict.Kind.MISSING_KEY, r.wireName(), name, "the ADC has no "
                        + "certificate " + name + " and no private key was given: pass the load balancer "
                        + "certificate's key with --lb-key PEM (uploaded with the certificate, never logged),"
                        + " or install " + name + " on the ADC"));
                return;
            }
            if (r == NitroResource.SSLCERTKEY) {
                for (CitrixConfig.CertificateFile f : config.files()) {
                    if (f.name().equals(want.string("cert").orElse(""))) {
                        forward.add(Change.create("systemfile", f.name(), fileAttributes(f.name())));
                    }
                }
                want.string("key").ifPresent(k -> forward.add(Change.create("systemfile", k, fileAttributes(k))));
            }
            forward.add(Change.create(r.wireName(), name, want.attributes()));
            ours.add(r.wireName() + "|" + name);
        }

        /** An object the ADC has: a foreign one is a conflict unless adopted; ours is updated where it differs. */
        private void planExisting(NitroResource r, NitroObject want, NitroObject cur) {
            String name = want.name();
            Map<String, Object> read = cur.attributes();
            if (!owns(own, r, cur) && !adopt) {
                conflicts.add(Conflict.foreign(r.wireName(), name, String.valueOf(read.getOrDefault("comment", ""))));
                return;
            }
            ours.add(r.wireName() + "|" + name);
            Map<String, Object> diff = differing(r, want, read);
            List<String> fixed = immutableDifferences(r, diff, read);
            if (r == NitroResource.SSLCERTKEY && !fixed.isEmpty() && diff.containsKey("cert")
                    && CERT_FILES.containsAll(diff.keySet())) {
                planCertificateRenewal(r, name, read, diff);
                return;
            }
            if (!fixed.isEmpty()) {
                conflicts.add(new Conflict(Conflict.Kind.MISSING_PREREQUISITE, r.wireName(), name, r.wireName() + " "
                        + name + " has " + String.join(", ", fixed) + ", which NITRO cannot change in place: delete "
                        + name + " on the ADC and plan again (hakit then creates it as needed)"));
                return;
            }
            update(r, name, read, diff);
        }

        /** A renewed certificate: upload the new files and swap them in place, keeping every binding. */
        private void planCertificateRenewal(NitroResource r, String name, Map<String, Object> read,
                Map<String, Object> diff) {
            if (diff.containsKey("key") && !keyGiven) {
                conflicts.add(new Conflict(Conflict.Kind.MISSING_KEY, r.wireName(), name, "the certificate of "
                        + name + " changed and its new private key was not given: pass it with --lb-key PEM"));
                return;
            }
            String certFile = String.valueOf(diff.get("cert"));
            forward.add(Change.create("systemfile", certFile, fileAttributes(certFile)));
            if (diff.containsKey("key")) {
                String keyFile = String.valueOf(diff.get("key"));
                forward.add(Change.create("systemfile", keyFile, fileAttributes(keyFile)));
            }
            update(r, name, read, diff);
        }

        private void update(NitroResource r, String name, Map<String, Object> read, Map<String, Object> diff) {
            if (!diff.isEmpty()) {
                forward.add(new Change(ChangeOp.UPDATE, r.wireName(), name,
                        Normalizer.pick(r.wireName(), read, diff.keySet()), diff));
            }
        }

        /** Binds what our objects lack; a binding whose attributes differ is unbound and bound again. */
        void planBindings() {
            for (String t : PARENT.keySet()) {
                NitroResource.fromWireName(t).filter(NitroResource::isBinding).ifPresent(r -> {
                    for (NitroObject b : state.bindings(r)) {
                        currentBindings.put(DeviceState.bindingKey(b), b);
                    }
                });
            }
            for (NitroObject want : config.objects()) {
                NitroResource r = want.resource().orElseThrow();
                if (!r.isBinding() || !ours.contains(PARENT.get(r.wireName()) + "|" + want.name())) {
                    continue;
                }
                String key = DeviceState.bindingKey(want);
                wantedBindings.add(key);
                NitroObject cur = currentBindings.get(key);
                if (cur == null) {
                    forward.add(Change.bind(r.wireName(), want.name(), want.attributes()));
                    continue;
                }
                Map<String, Object> bind = want.attributes();
                Optional<String> operational = operationalState(r, cur);
                if (operational.isPresent()) {
                    // an operator's (or hakit drain's) member state: reported, kept on a re-bind, never drift
                    warnings.add(OperationalState.warning(want.name(), cur.string("servername").orElse("") + ":"
                            + cur.string("port").orElse(""), operational.get()));
                    bind = new LinkedHashMap<>(bind);
                    bind.put("state", operational.get());
                }
                if (!differing(r, want, cur.attributes()).isEmpty()) {
                    unbinds.add(Change.unbind(r.wireName(), want.name(), bindingArgs(r, cur)));
                    forward.add(Change.bind(r.wireName(), want.name(), bind));
                }
            }
        }

        /** @return {@code type|name} of our objects the deployment no longer has */
        Set<String> leaving() {
            Set<String> leaving = new HashSet<>();
            for (NitroResource r : DELETABLE) {
                for (NitroObject o : state.all(r)) {
                    String id = r.wireName() + "|" + o.name();
                    if (!desiredNames.contains(id) && owns(own, r, o)) {
                        leaving.add(id);
                    }
                }
            }
            return leaving;
        }

        /**
         * Unbinds, explicitly, what our objects (staying or leaving) have bound but the deployment does not want,
         * so that undoing a delete can put its bindings back exactly.
         *
         * @return {@code type|name} of the objects that foreign objects bind (they stay)
         */
        Set<String> planStaleBindings(Set<String> leaving) {
            Set<String> boundElsewhere = new HashSet<>();
            for (Map.Entry<String, NitroObject> e : currentBindings.entrySet()) {
                NitroObject b = e.getValue();
                NitroResource r = b.resource().orElseThrow();
                String parent = PARENT.get(r.wireName()) + "|" + b.name();
                if ((ours.contains(parent) || leaving.contains(parent)) && !wantedBindings.contains(e.getKey())) {
                    unbinds.add(Change.unbind(r.wireName(), b.name(), bindingArgs(r, b)));
                } else if (!ours.contains(parent) && !leaving.contains(parent)) {
                    boundElsewhere.add(CHILD.get(r.wireName()) + "|" + b.string(r.bindKey().orElseThrow()).orElse(""));
                }
            }
            return boundElsewhere;
        }

        /** Deletes our objects the deployment no longer has and nothing foreign binds, keeping what undo needs. */
        void planDeletes(Set<String> leaving, Set<String> boundElsewhere) {
            for (NitroResource r : DELETABLE) {
                for (NitroObject o : state.all(r)) {
                    String id = r.wireName() + "|" + o.name();
                    if (leaving.contains(id) && !boundElsewhere.contains(id)) {
                        deletes.add(Change.delete(r.wireName(), o.name(), deleteBefore(r, o)));
                    }
                }
            }
        }

        private Map<String, Object> deleteBefore(NitroResource r, NitroObject o) {
            Map<String, Object> before = new LinkedHashMap<>(Normalizer.pick(r.wireName(), o.attributes(),
                    r.addAttributes()));
            if (r == NitroResource.SERVICEGROUP) {
                // an SSL group's TLS settings go with it; keep them so that undoing the delete restores them
                state.find(NitroResource.SSLSERVICEGROUP, o.name()).ifPresent(ssl -> {
                    Map<String, Object> tls = new LinkedHashMap<>(Normalizer.pick("sslservicegroup",
                            ssl.attributes(), NitroResource.SSLSERVICEGROUP.updateAttributes()));
                    before.put(SSL_SETTINGS, Collections.unmodifiableMap(tls));
                });
            }
            return before;
        }

        /** @return unbinds and deletes in reverse creation order (backups last), then the rest in creation order */
        /**
         * Uploads against the files already in {@code /nsconfig/ssl/} (a leftover of an apply that failed, or
         * another team's): the same content is reused (no upload); other content that no {@code sslcertkey} uses
         * is deleted and uploaded again; other content that a certificate uses is a conflict.
         */
        List<Change> planFiles(List<Change> changes) {
            List<Change> out = new ArrayList<>();
            for (Change c : changes) {
                Optional<NitroObject> there = c.op() == ChangeOp.CREATE && c.type().equals("systemfile")
                        ? state.file(c.name()) : Optional.empty();
                if (there.isEmpty()) {
                    out.add(c);
                    continue;
                }
                Optional<String> content = there.get().string("filecontent");
                Optional<String> wanted = config.files().stream().filter(f -> f.name().equals(c.name())).findFirst()
                        .map(f -> java.util.Base64.getEncoder().encodeToString(
                                f.pem().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                if (content.isPresent() && wanted.isPresent() && sameBytes(content.get(), wanted.get())) {
                    continue;
                }
                Optional<String> user = state.all(NitroResource.SSLCERTKEY).stream()
                        .filter(k -> usesFile(k, c.name())).map(NitroObject::name).findFirst();
                if (user.isPresent()) {
                    conflicts.add(new Conflict(Conflict.Kind.MISSING_PREREQUISITE, "systemfile", c.name(),
                            "the ADC already has a different " + CitrixConfig.SSL_DIRECTORY + c.name() + ", used by "
                                    + "sslcertkey " + user.get() + ": rename or remove it on the ADC"));
                    continue;
                }
                Map<String, Object> before = new LinkedHashMap<>(fileAttributes(c.name()));
                before.remove("fileencoding");
                out.add(Change.delete("systemfile", c.name(), before));
                out.add(c);
            }
            return out;
        }

        List<Change> ordered() {
            Comparator<Change> reverse = Comparator.comparingInt((Change c) -> -ORDER.indexOf(c.type()))
                    .thenComparing(c -> c.attributes().containsKey("backupvserver") ? 0 : 1);
            unbinds.sort(reverse);
            deletes.sort(reverse);
            forward.sort(Comparator.comparingInt(c -> ORDER.indexOf(c.type())));
            List<Change> changes = new ArrayList<>(unbinds);
            changes.addAll(deletes);
            changes.addAll(forward);
            return changes;
        }
    }

    private static boolean sameBytes(String base64a, String base64b) {
        try {
            return java.util.Arrays.equals(java.util.Base64.getMimeDecoder().decode(base64a),
                    java.util.Base64.getMimeDecoder().decode(base64b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * @param certkey an {@code sslcertkey} as read
     * @param file a file name in {@code /nsconfig/ssl/}
     * @return whether its certificate or key is that file (named bare or by its full path)
     */
    static boolean usesFile(NitroObject certkey, String file) {
        for (String k : CERT_FILES) {
            String v = certkey.string(k).orElse("");
            if (v.equals(file) || v.equals(CitrixConfig.SSL_DIRECTORY + file)) {
                return true;
            }
        }
        return false;
    }

    /** @return the attributes that differ but NITRO cannot change in place, described for a conflict */
    private static List<String> immutableDifferences(NitroResource r, Map<String, Object> diff,
            Map<String, Object> read) {
        List<String> fixed = new ArrayList<>();
        for (String k : diff.keySet()) {
            if (r.immutableAttributes().contains(k) || (r == NitroResource.LBMONITOR && k.equals("type"))) {
                fixed.add(k + " " + Normalizer.current(r.wireName(), k, read) + " (hakit needs " + diff.get(k) + ")");
            }
        }
        return fixed;
    }

    /**
     * How many requests applying the changes takes: the {@code hanode} check, one per unbind or delete, one
     * bulk request for the files, one {@code macroapi} for every add and bind, one bulk update per type, and
     * the save.
     */
    static int requests(List<Change> changes, boolean save) {
        if (changes.isEmpty()) {
            return 0;
        }
        int n = 1;
        boolean files = false;
        boolean macro = false;
        Set<String> updateTypes = new HashSet<>();
        for (Change c : changes) {
            switch (c.op()) {
                case UNBIND:
                case DELETE:
                    n++;
                    break;
                case UPDATE:
                    if (isCertSwap(c)) {
                        n++;
                    } else {
                        updateTypes.add(c.type());
                    }
                    break;
                default:
                    if (c.type().equals("systemfile")) {
                        files = true;
                    } else {
                        macro = true;
                    }
            }
        }
        return n + (files ? 1 : 0) + (macro ? 1 : 0) + updateTypes.size() + (save ? 1 : 0);
    }

    /**
     * @param c a change
     * @return whether it swaps a certificate's files in place ({@code sslcertkey?action=update})
     */
    static boolean isCertSwap(Change c) {
        return c.op() == ChangeOp.UPDATE && c.type().equals("sslcertkey") && c.after().containsKey("cert");
    }

    static Map<String, Object> fileAttributes(String file) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("filename", file);
        a.put("filelocation", CitrixConfig.SSL_DIRECTORY);
        a.put("fileencoding", "BASE64");
        return a;
    }

    private static Map<String, Object> bindingArgs(NitroResource r, NitroObject b) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(r.keyAttribute(), b.name());
        for (String k : r.addAttributes()) {
            Object v = b.attributes().get(k);
            if (v != null && !k.equals(r.keyAttribute())) {
                a.put(k, v);
            }
        }
        return a;
    }

    static boolean owns(Ownership own, NitroResource r, NitroObject o) {
        if (r.hasComment()) {
            return own.owns(o.string("comment").orElse(null));
        }
        return o.name().startsWith(CitrixRenderer.PREFIX);
    }

    /** @return a member binding's state when it is not ENABLED (operational, OPS-001) */
    private static Optional<String> operationalState(NitroResource r, NitroObject cur) {
        if (r != NitroResource.SERVICEGROUP_MEMBER_BINDING) {
            return Optional.empty();
        }
        return cur.string("state").filter(s -> !s.equalsIgnoreCase("ENABLED"));
    }

    private static Map<String, Object> differing(NitroResource r, NitroObject want, Map<String, Object> read) {
        Map<String, Object> diff = new LinkedHashMap<>();
        Map<String, Object> w = want.attributes();
        for (Map.Entry<String, Object> e : w.entrySet()) {
            String k = e.getKey();
            if (k.equals(r.keyAttribute()) || r.bindKey().map(k::equals).orElse(false)
                    || (r == NitroResource.SSLCERTKEY && k.equals("bundle"))
                    || (r == NitroResource.SERVICEGROUP_MEMBER_BINDING && (k.equals("port") || k.equals("state")))) {
                continue;
            }
            if (!Normalizer.same(r.wireName(), k, w, read)) {
                diff.put(k, e.getValue());
            }
        }
        if (r == NitroResource.LBMONITOR) {
            // a unit travels with its value
            for (Map.Entry<String, String> u : Map.of("interval", "units3", "resptimeout", "units4").entrySet()) {
                if (diff.containsKey(u.getKey()) && w.containsKey(u.getValue())) {
                    diff.put(u.getValue(), w.get(u.getValue()));
                }
            }
        }
        return diff;
    }

    /** Builds a {@link CitrixPlanner}. Not thread-safe. */
    public static final class Builder {
        private boolean adopt;
        private boolean keyGiven;
        private boolean save;

        private Builder() {
        }

        /**
         * @param adopt take over foreign objects with names hakit needs (they get the marker); default false
         * @return this builder
         */
        public Builder adopt(boolean adopt) {
            this.adopt = adopt;
            return this;
        }

        /**
         * @param keyGiven whether the load balancer certificate's key is at hand to upload; default false
         * @return this builder
         */
        public Builder keyGiven(boolean keyGiven) {
            this.keyGiven = keyGiven;
            return this;
        }

        /**
         * @param save whether the apply ends with a save (counted in the plan's requests); default false
         * @return this builder
         */
        public Builder save(boolean save) {
            this.save = save;
            return this;
        }

        /** @return the planner */
        public CitrixPlanner build() {
            return new CitrixPlanner(this);
        }
    }
}
