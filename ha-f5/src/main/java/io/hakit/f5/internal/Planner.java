package io.hakit.f5.internal;

import io.hakit.f5.F5Object;
import io.hakit.f5.F5Renderer;
import io.hakit.f5.F5Type;
import io.hakit.model.Vendor;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Conflict;
import io.hakit.model.plan.Ownership;
import io.hakit.model.plan.Plan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Diffs the rendered objects against the device attribute by attribute (after {@link Normalizer}), honouring
 * ownership: foreign objects in the way are conflicts unless adopted; only this deployment's objects are
 * updated or deleted.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * @param desired the rendered objects, in creation order
     * @param state the device
     * @param ownership this deployment's marker
     * @param adopt take over foreign objects in the way
     * @param haveKey whether the load balancer's key was given
     * @param fixedRequests requests an apply takes besides one per change (transaction, commit, save, sync)
     * @param expiry the {@code expirationDate} (epoch seconds) each certificate file hakit installs must have, by
     *     full path: a certificate on the device that differs is replaced (the LB certificate with its key)
     * @return the plan
     */
    public static Plan plan(List<F5Object> desired, DeviceState state, Ownership ownership, boolean adopt,
            boolean haveKey, int fixedRequests, Map<String, Long> expiry) {
        List<Change> changes = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        boolean lbCertMissing = desired.stream().anyMatch(o -> o.type() == F5Type.SSL_CERT
                && o.name().equals(F5Renderer.LB_CERT) && state.find(F5Type.SSL_CERT, o.fullPath()).isEmpty());
        boolean lbCertStale = desired.stream().anyMatch(o -> o.type() == F5Type.SSL_CERT
                && o.name().equals(F5Renderer.LB_CERT) && stale(state.find(F5Type.SSL_CERT, o.fullPath()), expiry.get(o.fullPath())));
        int uploads = 0;
        for (F5Object o : desired) {
            wanted.add(o.type().key() + " " + o.fullPath());
            if (o.type() == F5Type.SSL_KEY) {
                if (lbCertMissing || lbCertStale) {
                    if (!haveKey) {
                        conflicts.add(new Conflict(Conflict.Kind.MISSING_KEY, F5Type.SSL_KEY.key(), o.fullPath(),
                                (lbCertMissing ? "the BIG-IP lacks the load balancer's certificate ("
                                        : "the BIG-IP has another load balancer certificate than the topology's (")
                                        + F5Renderer.LB_CERT + ") and no private key was given: pass --lb-key PEM "
                                        + "(builder lbKey(Path)) to upload both"));
                    } else if (lbCertMissing) {
                        changes.add(Change.create(o.type().key(), o.fullPath(), o.attributes()));
                        uploads++;
                    } else {
                        changes.add(Change.update(o.type().key(), o.fullPath(), Map.of(), o.attributes()));
                        uploads++;
                    }
                }
                continue;
            }
            Optional<F5Object> current = state.find(o.type(), o.fullPath());
            if (current.isEmpty()) {
                if (o.type() == F5Type.SSL_CERT && o.name().equals(F5Renderer.LB_CERT) && !haveKey) {
                    continue;
                }
                changes.add(Change.create(o.type().key(), o.fullPath(), o.attributes()));
                if (o.type() == F5Type.SSL_CERT) {
                    uploads++;
                }
                continue;
            }
            if (o.type() == F5Type.SSL_CERT) {
                Long want = expiry.get(o.fullPath());
                if (stale(current, want) && (haveKey || !o.name().equals(F5Renderer.LB_CERT))) {
                    Map<String, Object> before = new LinkedHashMap<>();
                    before.put("expirationDate", current.get().attributes().get("expirationDate"));
                    Map<String, Object> after = new LinkedHashMap<>(o.attributes());
                    after.put("expirationDate", want);
                    changes.add(new Change(ChangeOp.UPDATE, o.type().key(), o.fullPath(), before, after));
                    uploads++;
                }
                continue;
            }
            if (!o.type().described()) {
                continue;
            }
            F5Object cur = current.get();
            String owner = cur.description().orElse("");
            if (!ownership.owns(owner) && !adopt) {
                conflicts.add(Conflict.foreign(o.type().key(), o.fullPath(), owner));
                continue;
            }
            Map<String, Object> want = Normalizer.normalise(o.attributes());
            Map<String, Object> have = Normalizer.project(Normalizer.normalise(cur.attributes()), want,
                    k -> o.type().deviceDefault(k).orElse(null));
            Change update = Change.update(o.type().key(), o.fullPath(), have, want);
            if (!update.isNoOp()) {
                changes.add(update);
            }
        }
        List<F5Type> types = new ArrayList<>(List.of(F5Type.values()));
        java.util.Collections.reverse(types);
        for (F5Type t : types) {
            if (!t.described()) {
                continue;
            }
            for (F5Object cur : state.all(t)) {
                if (ownership.owns(cur.description().orElse(null)) && !wanted.contains(t.key() + " " + cur.fullPath())) {
                    Map<String, Object> was = new LinkedHashMap<>();
                    was.put("description", cur.description().orElse(""));
                    changes.add(Change.delete(t.key(), cur.fullPath(), was));
                }
            }
        }
        int requests = changes.isEmpty() ? 0 : changes.size() + uploads + fixedRequests;
        return new Plan(Vendor.F5, changes, requests, conflicts);
    }

    private static boolean stale(Optional<F5Object> current, Long want) {
        if (current.isEmpty() || want == null) {
            return false;
        }
        Object have = current.get().attributes().get("expirationDate");
        return !(have instanceof Number) || ((Number) have).longValue() != want;
    }

    /**
     * @param c a change
     * @return whether applying it needs a file uploaded first (installing or replacing a certificate or key)
     */
    public static boolean isUpload(Change c) {
        return (c.op() == ChangeOp.CREATE || c.op() == ChangeOp.UPDATE)
                && (c.type().equals(F5Type.SSL_CERT.key()) || c.type().equals(F5Type.SSL_KEY.key()));
    }
}
