package io.hakit.f5.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.hakit.f5.F5Config;
import io.hakit.f5.F5Names;
import io.hakit.f5.F5Object;
import io.hakit.f5.F5Renderer;
import io.hakit.f5.F5Transaction;
import io.hakit.f5.F5Type;
import io.hakit.f5.IControlClient;
import io.hakit.rest.Policies;
import io.hakit.model.ConflictException;
import io.hakit.model.Deployment;
import io.hakit.model.HakitException;
import io.hakit.model.TransportException;
import io.hakit.model.cert.CertificateChain;
import io.hakit.model.cert.Pem;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Conflict;
import io.hakit.model.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an F5 plan in <b>one iControl REST transaction</b>: certificate and key files are uploaded first (they
 * land in a download folder and change no configuration), every change is queued, and one commit makes them
 * all or none. A commit whose answer is lost or is a 5xx (which a BIG-IP may send after committing) is settled by
 * asking the device what became of the transaction (waiting while it is {@code VALIDATING}) or, failing that, by
 * planning again: a committed transaction is reported applied (and saved when asked), never "refused". Every
 * transaction hakit opened and did not commit is deleted (after a refused commit or a lost answer too). After any
 * failure the device is read back (planned again): "rolled back" only when it is exactly as before. After a commit,
 * and with nothing to apply too, it saves when asked (a save not confirmed is a failed apply) and config-syncs,
 * waiting for "In Sync". The waits are Failsafe retry policies ({@link #validatingWait()},
 * {@link #syncWait(Duration, Duration)}). Not thread-safe: one apply at a time.
 */
public final class F5Applier {

    /** How often a transaction still {@code VALIDATING} after a lost commit is asked again: every 100 ms. */
    static final Duration VALIDATING_POLL = Duration.ofMillis(100);
    /** How many times at most a transaction still {@code VALIDATING} is asked again: 100 (10 s). */
    static final int VALIDATING_POLLS = 100;
    /** The sync status a device group reports once config-sync is done. */
    static final String IN_SYNC = "In Sync";

    private static final Logger LOG = LoggerFactory.getLogger(F5Applier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IControlClient client;
    private final Function<Deployment, F5Config> render;
    private final Function<Deployment, Plan> replan;
    private final Settings settings;

    /**
     * What an apply does besides the transaction.
     *
     * @param lbKey the load balancer's private key PEM (uploaded when the plan uploads it), or null; not copied,
     *     so that the adapter can wipe it on close
     * @param save save the configuration after a commit
     * @param syncGroup config-sync to this device group after a commit
     * @param validateOnly commit with {@code validateOnly}: the device checks the transaction and changes nothing
     * @param syncTimeout how long to wait for "In Sync"
     * @param syncPoll how often to ask
     */
    public record Settings(byte[] lbKey, boolean save, Optional<String> syncGroup, boolean validateOnly,
            Duration syncTimeout, Duration syncPoll) {
        /** @throws NullPointerException naming a null argument (other than {@code lbKey}) */
        public Settings {
            Objects.requireNonNull(syncGroup, "syncGroup");
            Objects.requireNonNull(syncTimeout, "syncTimeout");
            Objects.requireNonNull(syncPoll, "syncPoll");
        }
    }

    /**
     * @param client the device session
     * @param render how a deployment becomes the objects the changes carry
     * @param replan plans again (after a lost commit, to tell whether it took effect)
     * @param settings what the apply does besides the transaction
     */
    public F5Applier(IControlClient client, Function<Deployment, F5Config> render, Function<Deployment, Plan> replan,
            Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.render = Objects.requireNonNull(render, "render");
        this.replan = Objects.requireNonNull(replan, "replan");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param deployment the deployment the plan was made for
     * @param plan the plan
     * @param listener told of each change
     * @return what happened
     * @throws ConflictException when the plan has conflicts (nothing written)
     */
    public ApplyResult apply(Deployment deployment, Plan plan, ApplyListener listener) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(listener, "listener");
        if (!plan.isApplicable()) {
            String why = plan.conflicts().stream().map(Conflict::toString).collect(Collectors.joining("; "));
            throw new ConflictException(409, plan.conflicts().get(0).kind().key(), plan.conflicts().size()
                    + (plan.conflicts().size() == 1 ? " conflict stops" : " conflicts stop") + " the plan, nothing was "
                    + "written: " + why, "", "apply");
        }
        if (plan.changes().isEmpty() && !(settings.save() && !settings.validateOnly())) {
            return new ApplyResult(plan, ApplyResult.Outcome.NOTHING_TO_DO, List.of(), List.of(), 0, Optional.empty(),
                    0);
        }
        Run run = new Run(deployment, plan, listener);
        if (plan.changes().isEmpty()) {
            return run.saveOnly();
        }
        return run.execute();
    }

    /** One apply: the counters it reports from and the changes queued so far. */
    private final class Run {
        final Deployment deployment;
        final Plan plan;
        final ApplyListener listener;
        final int requests0 = client.requestCount();
        final int writes0 = client.writeCount();
        final List<Change> queued = new ArrayList<>();

        Run(Deployment deployment, Plan plan, ApplyListener listener) {
            this.deployment = deployment;
            this.plan = plan;
            this.listener = listener;
        }

        ApplyResult execute() {
            Map<String, F5Object> desired = new HashMap<>();
            for (F5Object o : render.apply(deployment).objects()) {
                desired.put(o.type().key() + " " + o.fullPath(), o);
            }
            List<Change> changes = plan.changes();
            Map<String, String> sourcePaths;
            F5Transaction tx;
            try {
                sourcePaths = upload(changes);
                tx = client.beginTransaction();
            } catch (HakitException e) {
                return readBack("the apply failed before its transaction (uploading files or opening the "
                        + "transaction), the configuration is changed only by a commit", e.getMessage());
            }
            for (int i = 0; i < changes.size(); i++) {
                Change c = changes.get(i);
                listener.starting(c, i, changes.size());
                try {
                    enlist(tx, c, desired, sourcePaths);
                    queued.add(c);
                } catch (HakitException e) {
                    listener.failed(c, e);
                    tx.discard();
                    return readBack(c + " could not be queued: " + e.getMessage()
                            + "; the transaction was discarded", "");
                }
            }
            try {
                if (settings.validateOnly()) {
                    tx.validate();
                    LOG.debug("transaction {} validated by the device ({} commands); nothing changed", tx.id(),
                            queued.size());
                    return result(ApplyResult.Outcome.APPLIED, List.of(), List.of(), Optional.empty());
                }
                tx.commit();
            } catch (HakitException e) {
                if (unknownOutcome(e)) {
                    return afterLostCommit(tx, e);
                }
                listener.failed(changes.get(changes.size() - 1), e);
                deleteTransaction(tx);
                return readBack((settings.validateOnly() ? "validation" : "commit") + " of transaction " + tx.id()
                        + " refused by the BIG-IP", e.getMessage() + "; the transaction was deleted");
            }
            queued.forEach(listener::applied);
            return afterCommit();
        }

        /** Nothing to apply, a save asked: saves (the BIG-IP does not say whether it has unsaved changes). */
        ApplyResult saveOnly() {
            try {
                client.saveConfig();
            } catch (HakitException e) {
                return result(ApplyResult.Outcome.FAILED, List.of(), List.of(), Optional.of("nothing to apply, but"
                        + " saving the configuration was not confirmed: " + e.getMessage() + "; the running "
                        + "configuration is as planned and may be unsaved (lost at the next reboot): apply --save "
                        + "again, or save on the BIG-IP"));
            }
            return result(ApplyResult.Outcome.NOTHING_TO_DO, List.of(), List.of(), Optional.empty());
        }

        /** Deletes a transaction this apply opened and did not commit (tolerating one already gone). */
        private void deleteTransaction(F5Transaction tx) {
            try {
                client.delete("/mgmt/tm/transaction/" + tx.id());
            } catch (HakitException e) {
                LOG.debug("deleting transaction {}: {}", tx.id(), e.getMessage());
            }
        }

        /**
         * After a failure: reads the device (plans again) and reports what is there. Rolled back only when the new
         * plan is the old one.
         */
        private ApplyResult readBack(String what, String detail) {
            String why = detail.isEmpty() ? "" : ": " + detail;
            Plan now;
            try {
                now = replan.apply(deployment);
            } catch (HakitException e) {
                return result(ApplyResult.Outcome.FAILED, List.of(), List.of(), Optional.of(what + why + "; the "
                        + "BIG-IP could not be read back (" + e.getMessage() + "), so its state is unknown: run plan"));
            }
            if (now.changes().equals(plan.changes())) {
                return rolledBack(what + ", nothing changed" + why + " (read back: the BIG-IP is exactly as before)");
            }
            what = what + why;
            List<Change> stayed = plan.changes().stream().filter(c -> !now.changes().contains(c))
                    .collect(Collectors.toList());
            return result(ApplyResult.Outcome.FAILED, stayed, List.of(), Optional.of(what + "; read back: the BIG-IP "
                    + "is not as before: " + stayed.size() + " of the plan's changes are on it, " + now.changes().size()
                    + " remain to apply: plan to see them"));
        }

        /**
         * Uploads first: each content gets its own file name, so replacing a certificate installs the new file.
         *
         * @return the uploaded file's source path, by {@code type name} of its change
         */
        private Map<String, String> upload(List<Change> changes) {
            Map<String, String> sourcePaths = new HashMap<>();
            for (Change c : changes) {
                if (Planner.isUpload(c)) {
                    String name = c.name().substring(c.name().lastIndexOf('/') + 1);
                    byte[] content = fileContent(deployment, name);
                    sourcePaths.put(c.type() + " " + c.name(), client.upload(name + "-" + digest(content), content));
                }
            }
            return sourcePaths;
        }

        private ApplyResult afterCommit() {
            Optional<String> failure = Optional.empty();
            try {
                if (settings.save()) {
                    client.saveConfig();
                }
            } catch (HakitException e) {
                return result(ApplyResult.Outcome.FAILED, queued, List.of(), Optional.of("the changes were committed,"
                        + " but saving the configuration was not confirmed: " + e.getMessage() + "; the BIG-IP runs "
                        + "them, maybe unsaved (lost at the next reboot): apply --save again, or save on the BIG-IP"));
            }
            try {
                settings.syncGroup().ifPresent(F5Applier.this::syncAndWait);
            } catch (HakitException e) {
                failure = Optional.of("the changes were committed" + (settings.save() ? " and saved" : "")
                        + ", but config-sync failed: " + e.getMessage());
            }
            return result(failure.isPresent() ? ApplyResult.Outcome.FAILED : ApplyResult.Outcome.APPLIED, queued,
                    List.of(), failure);
        }

        /**
         * The commit's answer was lost: asks the device what became of the transaction; one that has not run yet
         * is deleted, so it cannot take effect later. When the device cannot say, plans again.
         */
        private ApplyResult afterLostCommit(F5Transaction tx, HakitException e) {
            String path = "/mgmt/tm/transaction/" + tx.id();
            try {
                Optional<JsonNode> state = await(validatingWait(), () -> client.find(path));
                String s = state.map(j -> j.path("state").asText("")).orElse("");
                if (s.equals("COMPLETED") && settings.validateOnly()) {
                    return result(ApplyResult.Outcome.APPLIED, List.of(), List.of(), Optional.empty());
                }
                if (s.equals("COMPLETED")) {
                    LOG.debug("the commit's answer was lost ({}), but transaction {} completed", e.getMessage(),
                            tx.id());
                    queued.forEach(listener::applied);
                    return afterCommit();
                }
                if (s.equals("FAILED")) {
                    deleteTransaction(tx);
                    return readBack("commit of transaction " + tx.id() + " refused by the BIG-IP",
                            state.get().path("failureReason").asText("the device gave no reason")
                            + "; the transaction was deleted");
                }
                if (s.equals("STARTED")) {
                    client.delete(path);
                    return readBack("the commit's answer was lost (" + e.getMessage()
                            + "); the transaction had not run and was deleted", "");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (HakitException unknown) {
                LOG.debug("transaction {} after a lost commit: {}", tx.id(), unknown.getMessage());
            }
            return settleByPlanningAgain(e);
        }

        private ApplyResult settleByPlanningAgain(HakitException e) {
            Plan now;
            try {
                now = replan.apply(deployment);
            } catch (HakitException again) {
                return result(ApplyResult.Outcome.FAILED, List.of(), List.of(), Optional.of("the commit's answer was "
                        + "lost (" + e.getMessage() + ") and the device cannot be read to tell whether it took effect: "
                        + again.getMessage()));
            }
            if (now.changes().isEmpty()) {
                queued.forEach(listener::applied);
                return afterCommit();
            }
            if (now.changes().equals(plan.changes())) {
                return rolledBack("the commit's answer was lost (" + e.getMessage()
                        + "); read back: the transaction did not take effect, the BIG-IP is exactly as before");
            }
            return result(ApplyResult.Outcome.FAILED, List.of(), List.of(), Optional.of("the commit's answer was lost ("
                    + e.getMessage() + ") and the device differs from both before and after; plan again"));
        }

        private ApplyResult rolledBack(String failure) {
            queued.forEach(listener::rollingBack);
            return result(ApplyResult.Outcome.ROLLED_BACK, List.of(), queued, Optional.of(failure));
        }

        private ApplyResult result(ApplyResult.Outcome outcome, List<Change> applied, List<Change> rolledBack,
                Optional<String> failure) {
            return new ApplyResult(plan, outcome, applied, rolledBack, client.writeCount() - writes0, failure,
                    client.requestCount() - requests0);
        }
    }

    /**
     * @param e why a request failed
     * @return whether it may have taken effect all the same: no answer (dropped, timed out) or a 5xx
     */
    static boolean unknownOutcome(HakitException e) {
        return e instanceof TransportException
                || e instanceof io.hakit.model.DeviceException && ((io.hakit.model.DeviceException) e).status() >= 500;
    }

    private void enlist(F5Transaction tx, Change c, Map<String, F5Object> desired, Map<String, String> sourcePaths) {
        F5Type type = F5Type.fromKey(c.type()).orElseThrow(() -> new IllegalArgumentException("not an F5 type: "
                + c.type()));
        String partition = c.name().substring(1, c.name().indexOf('/', 1));
        String name = c.name().substring(c.name().indexOf('/', 1) + 1);
        String item = F5Names.itemPath(type.collection(), partition, name);
        F5Object want = desired.get(c.type() + " " + c.name());
        String sourcePath = sourcePaths.get(c.type() + " " + c.name());
        if (sourcePath != null && want != null) {
            want = want.toBuilder().attribute("sourcePath", sourcePath).build();
            if (c.op() == ChangeOp.UPDATE) {
                ObjectNode patch = JSON.createObjectNode().put("sourcePath", sourcePath);
                tx.modify(item, patch);
                return;
            }
        }
        switch (c.op()) {
            case CREATE:
                tx.create(type.collection(), (want != null ? want : F5Object.builder(type, name).partition(partition)
                        .build()).body());
                break;
            case UPDATE:
                ObjectNode patch = JSON.createObjectNode();
                for (String k : c.after().keySet()) {
                    Object raw = want != null && want.attributes().containsKey(k) ? want.attributes().get(k)
                            : c.after().get(k);
                    patch.set(k, JSON.valueToTree(raw));
                }
                tx.modify(item, patch);
                break;
            case DELETE:
                tx.delete(item);
                break;
            default:
                throw new IllegalArgumentException("F5 plans hold no " + c.op() + " changes");
        }
    }

    private byte[] fileContent(Deployment d, String file) {
        switch (file) {
            case F5Renderer.LB_CERT:
                return pem(d.loadBalancer().certificate().orElseThrow(() -> new IllegalArgumentException(
                        "loadBalancer.certificate is required for the F5 client-ssl profile")));
            case F5Renderer.LB_KEY:
                if (settings.lbKey() == null) {
                    throw new ConflictException(409, "missing-key", "the load balancer's key is needed (lbKey)", file,
                            "upload " + file);
                }
                return settings.lbKey().clone();
            case F5Renderer.TRUST_CA:
                return pem(d.trustCa().orElseThrow(() -> new IllegalArgumentException("trust.ca is required")));
            default:
                throw new IllegalArgumentException("hakit uploads no file named " + file);
        }
    }

    private static String digest(byte[] content) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(content);
            return java.util.HexFormat.of().formatHex(d, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static byte[] pem(CertificateChain chain) {
        return Pem.write(chain.certificates()).getBytes(StandardCharsets.US_ASCII);
    }

    private void syncAndWait(String group) {
        client.configSync(group);
        String status;
        try {
            status = await(syncWait(settings.syncTimeout(), settings.syncPoll()), client::syncStatus);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted waiting for device group " + group + " to sync", e);
        }
        if (!IN_SYNC.equals(status)) {
            throw new TransportException("device group " + group + " is still '" + status + "' after "
                    + settings.syncTimeout().getSeconds() + " s (sync time-out)");
        }
    }

    /**
     * The wait for a transaction whose commit answer was lost: asks again every {@link #VALIDATING_POLL} while the
     * device says {@code VALIDATING}, at most {@link #VALIDATING_POLLS} times. An error is not retried.
     *
     * @return the policy
     */
    static RetryPolicy<Optional<JsonNode>> validatingWait() {
        return Policies.poll(VALIDATING_POLL, VALIDATING_POLLS,
                state -> state.isPresent() && state.get().path("state").asText().equals("VALIDATING"));
    }

    /**
     * The wait for "In Sync" after a config-sync: asks every {@code poll} until {@code timeout} has passed (one
     * last time at the time-out). A poll not shorter than the time-out asks once more after one poll. An error is
     * not retried.
     *
     * @param timeout how long to wait
     * @param poll how often to ask
     * @return the policy
     */
    static RetryPolicy<String> syncWait(Duration timeout, Duration poll) {
        return Policies.poll(poll, timeout, status -> !IN_SYNC.equals(status));
    }

    /**
     * Runs {@code attempt} under {@code policy}: the last result when the policy gives up, an attempt's
     * unchecked exception as it is.
     *
     * @throws InterruptedException when the thread was interrupted while waiting (its flag is set again)
     */
    static <T> T await(RetryPolicy<T> policy, Supplier<T> attempt) throws InterruptedException {
        try {
            return Failsafe.with(policy).get(attempt::get);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                throw (InterruptedException) e.getCause();
            }
            throw e;
        }
    }
}
