package io.hakit.citrix.internal;

import io.hakit.citrix.BulkResult;
import io.hakit.citrix.CitrixConfig;
import io.hakit.citrix.CitrixRenderer;
import io.hakit.citrix.NitroClient;
import io.hakit.citrix.NitroError;
import io.hakit.citrix.NitroObject;
import io.hakit.citrix.NitroResource;
import io.hakit.model.ConflictException;
import io.hakit.model.Deployment;
import io.hakit.model.HakitException;
import io.hakit.model.NotFoundException;
import io.hakit.model.TransportException;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link CitrixPlanner} plan all or nothing, in as few requests as NITRO allows:
 * <ol>
 * <li>refuses a plan with conflicts, and a secondary HA node, before the first write;</li>
 * <li>unbinds and deletes, one request each;</li>
 * <li>uploads certificate files in one bulk {@code systemfile} request;</li>
 * <li>adds and binds everything else in one {@code macroapi} request with {@code X-NITRO-ONERROR: rollback},
 * so the ADC itself undoes that request's work when an item fails;</li>
 * <li>updates, one bulk {@code PUT} per resource type;</li>
 * <li>saves, when asked (retrying while the ADC is busy).</li>
 * </ol>
 * When any step fails, everything this apply did is undone in reverse: creates deleted, binds unbound,
 * updates put back, deletes re-created, unbinds re-bound. A write whose outcome is unknown (no answer: connection
 * dropped, response time-out; or a 5xx, which the ADC may send after applying) has its own changes undone too,
 * tolerating "no such resource"; a certificate file that an {@code sslcertkey} still uses is never deleted. Then
 * the ADC is read back (planned again): the result is "rolled back" only when the ADC is exactly as before, and
 * otherwise names what stayed. With {@code save}, the configuration is saved after an apply, and also when there
 * is nothing to apply but the ADC reports unsaved changes ({@code nsconfig.configchanged}); a save that fails is a
 * failed apply. Thread-safe when the client is (one apply at a time per ADC is the caller's concern).
 */
public final class CitrixApplier {

    private static final Logger LOG = LoggerFactory.getLogger(CitrixApplier.class);

    private final NitroClient client;
    private final Optional<byte[]> lbKey;
    private final boolean save;
    private final Function<Deployment, Plan> replan;

    /**
     * @param client the ADC
     * @param lbKey the load balancer certificate's private key PEM, when the plan uploads the certificate
     * @param save whether to save the configuration after a successful apply (or when it has unsaved changes)
     * @param replan reads the ADC and plans again, to tell what a failed apply left behind
     */
    public CitrixApplier(NitroClient client, Optional<byte[]> lbKey, boolean save, Function<Deployment, Plan> replan) {
        this.client = Objects.requireNonNull(client, "client");
        this.lbKey = Objects.requireNonNull(lbKey, "lbKey");
        this.save = save;
        this.replan = Objects.requireNonNull(replan, "replan");
    }

    /**
     * @param deployment the deployment the plan was made for
     * @param plan the plan
     * @param listener told of each step
     * @return what happened
     * @throws ConflictException when the plan has conflicts (nothing written)
     * @throws io.hakit.model.DeviceException when the ADC is a secondary node (nothing written)
     */
    public ApplyResult apply(Deployment deployment, Plan plan, ApplyListener listener) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(listener, "listener");
        if (!plan.isApplicable()) {
            throw new ConflictException(409, "", plan.conflicts().size() + " conflict(s) stop this plan, nothing was"
                    + " written: " + plan.conflicts().stream().map(Object::toString).collect(Collectors.joining("; ")),
                    "plan", "apply");
        }
        int requests0 = client.requestCount();
        int writes0 = client.writeCount();
        if (plan.changes().isEmpty()) {
            return save ? saveUnsaved(plan, requests0, writes0) : new ApplyResult(plan,
                    ApplyResult.Outcome.NOTHING_TO_DO, List.of(), List.of(), 0, Optional.empty(), 0);
        }
        client.requirePrimary();
        CitrixConfig config = CitrixRenderer.render(deployment);
        Run run = new Run(plan, listener, config);
        try {
            run.execute();
        } catch (HakitException e) {
            List<Change> failed = run.undo(e);
            String what = "apply failed at " + run.failedAt + ": " + e.getMessage();
            String undo = failed.isEmpty() ? "" : "; could not undo " + failed.size() + " change(s): "
                    + failed.stream().map(Object::toString).collect(Collectors.joining(", ")) + " (" + run.undoErrors
                    + ")";
            return readBack(deployment, plan, run.rolledBack, what + undo, requests0, writes0);
        }
        if (save) {
            Optional<String> unsaved = saveNow();
            if (unsaved.isPresent()) {
                return new ApplyResult(plan, ApplyResult.Outcome.FAILED, run.done, List.of(),
                        client.writeCount() - writes0, Optional.of("applied " + run.done.size() + " change(s), but "
                                + "saving the configuration failed: " + unsaved.get() + "; the ADC runs with them "
                                + "unsaved (lost at its next reboot): apply --save again, or save on the ADC"),
                        client.requestCount() - requests0);
            }
        }
        return new ApplyResult(plan, ApplyResult.Outcome.APPLIED, run.done, List.of(),
                client.writeCount() - writes0, Optional.empty(), client.requestCount() - requests0);
    }

    /** Nothing to apply: saves when the ADC reports unsaved changes. */
    private ApplyResult saveUnsaved(Plan plan, int requests0, int writes0) {
        boolean changed;
        try {
            changed = client.configChanged();
        } catch (HakitException e) {
            changed = true;
        }
        Optional<String> unsaved = changed ? saveNow() : Optional.empty();
        if (unsaved.isPresent()) {
            return new ApplyResult(plan, ApplyResult.Outcome.FAILED, List.of(), List.of(),
                    client.writeCount() - writes0, Optional.of("nothing to apply, but the ADC has unsaved changes and"
                            + " saving them failed: " + unsaved.get() + "; the running configuration is as planned and"
                            + " unsaved (lost at the ADC's next reboot): apply --save again, or save on the ADC"),
                    client.requestCount() - requests0);
        }
        return new ApplyResult(plan, ApplyResult.Outcome.NOTHING_TO_DO, List.of(), List.of(),
                client.writeCount() - writes0 + (changed ? 1 : 0), Optional.empty(), client.requestCount() - requests0);
    }

    /**
     * Saves; a save whose answer was lost or was an error counts as done only when the ADC then reports no unsaved
     * changes.
     *
     * @return why the configuration is still unsaved, or empty when it is saved
     */
    private Optional<String> saveNow() {
        try {
            client.saveConfig();
            return Optional.empty();
        } catch (HakitException e) {
            try {
                if (!client.configChanged()) {
                    LOG.debug("the save's answer was {}, but the ADC reports its configuration saved",
                            e.getMessage());
                    return Optional.empty();
                }
            } catch (HakitException unknown) {
                LOG.debug("cannot read nsconfig after a failed save: {}", unknown.getMessage());
            }
            return Optional.of(e.getMessage());
        }
    }

    /**
     * After a failure and the undo: reads the ADC (plans again) and reports what is really there. "Rolled back"
     * only when the new plan is the old one, i.e. the ADC is exactly as before.
     */
    private ApplyResult readBack(Deployment deployment, Plan plan, List<Change> rolledBack, String what,
            int requests0, int writes0) {
        Plan now;
        try {
            now = replan.apply(deployment);
        } catch (HakitException e) {
            return new ApplyResult(plan, ApplyResult.Outcome.FAILED, List.of(), rolledBack,
                    client.writeCount() - writes0, Optional.of(what + "; the ADC could not be read back ("
                            + e.getMessage() + "), so what it holds now is unknown: run plan to see it"),
                    client.requestCount() - requests0);
        }
        if (now.changes().equals(plan.changes())) {
            return new ApplyResult(plan, ApplyResult.Outcome.ROLLED_BACK, List.of(), rolledBack,
                    client.writeCount() - writes0, Optional.of(what + "; read back: the ADC is exactly as before"),
                    client.requestCount() - requests0);
        }
        List<Change> stayed = plan.changes().stream().filter(c -> !now.changes().contains(c))
                .collect(Collectors.toList());
        List<Change> other = now.changes().stream().filter(c -> !plan.changes().contains(c))
                .collect(Collectors.toList());
        List<Change> undone = rolledBack.stream().filter(c -> !stayed.contains(c)).collect(Collectors.toList());
        String state = "; read back: the ADC is not as before: " + stayed.size() + " of the plan's changes are on it"
                + (stayed.isEmpty() ? "" : " (" + stayed.stream().map(Object::toString)
                        .collect(Collectors.joining(", ")) + ")")
                + (other.isEmpty() ? "" : "; it also differs by " + other.stream().map(Object::toString)
                        .collect(Collectors.joining(", ")))
                + "; apply again to finish, or plan to see the rest";
        return new ApplyResult(plan, ApplyResult.Outcome.FAILED, stayed, undone, client.writeCount() - writes0,
                Optional.of(what + state), client.requestCount() - requests0);
    }

    /**
     * @param e why a write failed
     * @return whether the write may have taken effect all the same: no answer (dropped, timed out) or a 5xx
     */
    static boolean unknownOutcome(HakitException e) {
        return e instanceof TransportException
                || e instanceof io.hakit.model.DeviceException && ((io.hakit.model.DeviceException) e).status() >= 500;
    }

    private final class Run {
        final Plan plan;
        final ApplyListener listener;
        final CitrixConfig config;
        final List<Change> done = new ArrayList<>();
        final List<Change> rolledBack = new ArrayList<>();
        final List<Change> uncertain = new ArrayList<>();
        String failedAt = "";
        String undoErrors = "";
        int index;

        Run(Plan plan, ApplyListener listener, CitrixConfig config) {
            this.plan = plan;
            this.listener = listener;
            this.config = config;
        }

        void execute() {
            List<Change> files = new ArrayList<>();
            List<Change> adds = new ArrayList<>();
            Map<String, List<Change>> updates = new LinkedHashMap<>();
            List<Change> swaps = new ArrayList<>();
            for (Change c : plan.changes()) {
                if (c.op() == ChangeOp.UNBIND || c.op() == ChangeOp.DELETE) {
                    one(c);
                } else if (CitrixPlanner.isCertSwap(c)) {
                    swaps.add(c);
                } else if (c.op() == ChangeOp.UPDATE) {
                    updates.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(c);
                } else if (c.type().equals("systemfile")) {
                    files.add(c);
                } else {
                    adds.add(c);
                }
            }
            if (!files.isEmpty()) {
                batch(files, () -> client.bulk("POST", "systemfile",
                        files.stream().map(this::fileObject).collect(Collectors.toList()), BulkResult.OnError.ROLLBACK));
            }
            if (!adds.isEmpty()) {
                batch(adds, () -> client.macro(adds.stream().map(c -> NitroObject.fromDevice(c.type(), c.after()))
                        .collect(Collectors.toList()), BulkResult.OnError.ROLLBACK));
            }
            for (Change c : swaps) {
                one(c);
            }
            for (Map.Entry<String, List<Change>> e : updates.entrySet()) {
                List<Change> list = e.getValue();
                batch(list, () -> client.bulk("PUT", e.getKey(), list.stream().map(this::updateObject)
                        .collect(Collectors.toList()), BulkResult.OnError.CONTINUE));
            }
        }

        private void one(Change c) {
            listener.starting(c, index++, plan.changes().size());
            failedAt = c.toString();
            try {
                send(c);
            } catch (HakitException e) {
                listener.failed(c, e);
                if (unknownOutcome(e)) {
                    uncertain.add(c);
                }
                throw e;
            }
            done.add(c);
            listener.applied(c);
        }

        private void batch(List<Change> changes, java.util.function.Supplier<BulkResult> request) {
            for (Change c : changes) {
                listener.starting(c, index++, plan.changes().size());
            }
            failedAt = changes.size() == 1 ? changes.get(0).toString()
                    : changes.size() + " " + (changes.get(0).op() == ChangeOp.UPDATE ? "updates" : "adds") + " ("
                            + changes.get(0).type() + " ...)";
            BulkResult r;
            try {
                r = request.get();
            } catch (HakitException e) {
                if (unknownOutcome(e)) {
                    uncertain.addAll(changes);
                }
                listener.failed(changes.get(0), e);
                throw e;
            }
            if (!r.ok()) {
                NitroError err = r.firstError();
                int bad = -1;
                if (r.items().size() == changes.size()) {
                    for (int i = 0; i < changes.size(); i++) {
                        if (!r.items().get(i).ok()) {
                            bad = i;
                            break;
                        }
                    }
                } else {
                    // with rollback (and exit) NITRO returns only the failed item: find it by name if it says one
                    for (int i = 0; i < changes.size() && bad < 0; i++) {
                        if (err.message().contains(changes.get(i).name())) {
                            bad = i;
                        }
                    }
                }
                Change failed = bad >= 0 ? changes.get(bad) : null;
                String where = failed != null ? failed.type() + "/" + failed.name()
                        : "one of " + changes.size() + " changes (the ADC did not say which)";
                failedAt = failed != null ? failed.toString()
                        : "the request carrying " + changes.size() + " changes (" + changes.get(0).type() + " ...)";
                io.hakit.model.DeviceException e = new io.hakit.model.DeviceException(r.status(),
                        String.valueOf(err.errorcode()), err.message(), where,
                        (r.onError() == BulkResult.OnError.ROLLBACK ? "macroapi/bulk add" : "bulk update")
                                + " (X-NITRO-ONERROR: " + r.onError().header() + ")");
                if (failed != null) {
                    listener.failed(failed, e);
                }
                if (r.onError() == BulkResult.OnError.ROLLBACK) {
                    // the ADC undid this request's items itself
                    for (int i = 0; i < bad; i++) {
                        rolledBack.add(changes.get(i));
                    }
                } else if (r.items().size() == changes.size()) {
                    for (int i = 0; i < changes.size(); i++) {
                        if (r.items().get(i).ok()) {
                            done.add(changes.get(i));
                        }
                    }
                } else {
                    uncertain.addAll(changes);
                }
                throw e;
            }
            for (Change c : changes) {
                done.add(c);
                listener.applied(c);
            }
        }

        /** Undoes in reverse; returns the changes that could not be undone. */
        List<Change> undo(HakitException cause) {
            LOG.debug("apply failed ({}); undoing {} done and {} uncertain changes", cause.getMessage(), done.size(),
                    uncertain.size());
            List<Change> failed = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            List<Change> todo = new ArrayList<>(done);
            todo.addAll(uncertain);
            for (int i = todo.size() - 1; i >= 0; i--) {
                Change c = todo.get(i);
                boolean sure = i < done.size();
                listener.rollingBack(c);
                try {
                    compensate(c);
                    if (sure || !rolledBack.contains(c)) {
                        rolledBack.add(c);
                    }
                } catch (NotFoundException e) {
                    if (sure) {
                        failed.add(c);
                        errors.add(c + ": " + e.getMessage());
                    }
                } catch (io.hakit.model.ConflictException e) {
                    if (sure) {
                        failed.add(c);
                        errors.add(c + ": " + e.getMessage());
                    }
                } catch (HakitException e) {
                    failed.add(c);
                    errors.add(c + ": " + e.getMessage());
                }
            }
            if (!uncertain.isEmpty() && cause instanceof TransportException) {
                // a write that got no answer may still land after the undo: wait out one response time-out
                // and undo those changes once more (each undo is harmless when there is nothing to undo)
                sleep(client.responseTimeout());
                // the late write may also have made an earlier undo fail (a file still used): retry those too
                for (int i = todo.size() - 1; i >= 0; i--) {
                    Change c = todo.get(i);
                    if (!uncertain.contains(c) && !failed.contains(c)) {
                        continue;
                    }
                    try {
                        compensate(c);
                        failed.remove(c);
                    } catch (NotFoundException e) {
                        failed.remove(c);
                    } catch (HakitException e) {
                        LOG.debug("second undo of {}: {}", c, e.getMessage());
                    }
                }
            }
            undoErrors = String.join("; ", errors);
            return failed;
        }

        private void compensate(Change c) {
            switch (c.op()) {
                case CREATE:
                    if (c.type().equals("lbmonitor")) {
                        client.delete(c.type(), c.name(), Map.of("type", c.after().get("type")));
                    } else if (c.type().equals("systemfile")) {
                        keepIfUsed(c.name());
                        client.delete(c.type(), c.name(), Map.of("filelocation", CitrixConfig.SSL_DIRECTORY));
                    } else {
                        client.delete(c.type(), c.name(), Map.of());
                    }
                    break;
                case BIND:
                    client.unbind(NitroObject.fromDevice(c.type(), c.after()));
                    break;
                case UNBIND:
                    client.bind(NitroObject.fromDevice(c.type(), addable(c.type(), c.before())));
                    break;
                case DELETE:
                    if (c.type().equals("systemfile")) {
                        // a leftover file replaced by this apply: its content is gone, the read-back tells
                        throw new io.hakit.model.DeviceException(0, "", "the replaced file " + c.name()
                                + " cannot be put back (hakit never reads file content to keep it)", c.name(),
                                "undo delete systemfile");
                    }
                    client.add(NitroObject.fromDevice(c.type(), addable(c.type(), c.before())));
                    if (c.before().get(CitrixPlanner.SSL_SETTINGS) instanceof Map) {
                        Map<String, Object> tls = new LinkedHashMap<>();
                        ((Map<?, ?>) c.before().get(CitrixPlanner.SSL_SETTINGS))
                                .forEach((k, v) -> tls.put(String.valueOf(k), v));
                        tls.put("servicegroupname", c.name());
                        client.update(NitroObject.fromDevice("sslservicegroup", tls));
                    }
                    break;
                default:
                    if (CitrixPlanner.isCertSwap(c)) {
                        swap(c.name(), c.before());
                        break;
                    }
                    NitroResource r = NitroResource.fromWireName(c.type()).orElseThrow();
                    Map<String, Object> back = new LinkedHashMap<>();
                    back.put(r.keyAttribute(), c.name());
                    if (r == NitroResource.LBMONITOR) {
                        back.put("type", config.find(r, c.name()).flatMap(o -> o.string("type")).orElse(""));
                    }
                    List<String> unset = new ArrayList<>();
                    for (String k : c.after().keySet()) {
                        if (c.before().containsKey(k)) {
                            back.put(k, c.before().get(k));
                        } else {
                            unset.add(k);
                        }
                    }
                    client.update(NitroObject.fromDevice(c.type(), back));
                    if (!unset.isEmpty()) {
                        Map<String, Object> u = new LinkedHashMap<>();
                        u.put(r.keyAttribute(), c.name());
                        unset.forEach(k -> u.put(k, true));
                        client.action(c.type(), "unset", u);
                    }
            }
        }

        /** A certificate file that an {@code sslcertkey} on the ADC still uses is never deleted. */
        private void keepIfUsed(String file) {
            for (NitroObject k : client.list("sslcertkey")) {
                if (CitrixPlanner.usesFile(k, file)) {
                    throw new ConflictException(409, "", "kept " + CitrixConfig.SSL_DIRECTORY + file + ": sslcertkey "
                            + k.name() + " still uses it", file, "undo create systemfile");
                }
            }
        }

        private void sleep(java.time.Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private Map<String, Object> addable(String type, Map<String, Object> attributes) {
            NitroResource r = NitroResource.fromWireName(type).orElseThrow();
            Map<String, Object> m = new LinkedHashMap<>();
            attributes.forEach((k, v) -> {
                if (r.addAttributes().contains(k)) {
                    m.put(k, v);
                }
            });
            if (r == NitroResource.SERVICEGROUP_MEMBER_BINDING) {
                // ip and servername are mutually exclusive (errorcode 1092); the ids are the device's own
                if (m.containsKey("servername")) {
                    m.remove("ip");
                }
                m.keySet().removeAll(List.of("serverid", "hashid", "customserverid", "dbsttl", "nameserver"));
            }
            return m;
        }

        private NitroObject updateObject(Change c) {
            NitroResource r = NitroResource.fromWireName(c.type()).orElseThrow();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(r.keyAttribute(), c.name());
            if (r == NitroResource.LBMONITOR) {
                m.put("type", config.find(r, c.name()).flatMap(o -> o.string("type")).orElse(""));
            }
            m.putAll(c.after());
            return NitroObject.fromDevice(c.type(), m);
        }

        private NitroObject fileObject(Change c) {
            String content;
            Optional<CitrixConfig.CertificateFile> pem = config.files().stream()
                    .filter(f -> f.name().equals(c.name())).findFirst();
            if (pem.isPresent()) {
                content = Base64.getEncoder().encodeToString(pem.get().pem().getBytes(StandardCharsets.US_ASCII));
            } else if (config.keyFiles().containsKey(c.name()) && lbKey.isPresent()) {
                content = Base64.getEncoder().encodeToString(lbKey.get());
            } else {
                throw new IllegalStateException("no content for file " + c.name() + " (was the plan made with the "
                        + "same deployment and --lb-key?)");
            }
            Map<String, Object> m = new LinkedHashMap<>(c.after());
            m.put("filecontent", content);
            return NitroObject.fromDevice("systemfile", m);
        }

        private void swap(String certkey, Map<String, Object> files) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("certkey", certkey);
            files.forEach((k, v) -> {
                if (CitrixPlanner.CERT_FILES.contains(k)) {
                    body.put(k, v);
                }
            });
            body.put("inform", "PEM");
            body.put("nodomaincheck", true);
            client.action("sslcertkey", "update", body);
        }

        private void send(Change c) {
            if (CitrixPlanner.isCertSwap(c)) {
                swap(c.name(), c.after());
                return;
            }
            switch (c.op()) {
                case UNBIND:
                    client.unbind(NitroObject.fromDevice(c.type(), c.before()));
                    break;
                case DELETE:
                    if (c.type().equals("systemfile")) {
                        client.delete(c.type(), c.name(), Map.of("filelocation", CitrixConfig.SSL_DIRECTORY));
                    } else if (c.type().equals("lbmonitor")) {
                        client.delete(c.type(), c.name(), Map.of("type", c.before().getOrDefault("type", "")));
                    } else {
                        client.delete(c.type(), c.name(), Map.of());
                    }
                    break;
                default:
                    throw new IllegalStateException("not a single-request change: " + c);
            }
        }
    }
}
