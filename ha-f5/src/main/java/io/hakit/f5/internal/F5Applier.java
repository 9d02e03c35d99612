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
 * all or none. A commit the device refuses changes nothing and the result carries the device's reason; a
 * commit whose answer is lost is settled by asking the device what became of the transaction (waiting while it
 * is {@code VALIDATING}) or, failing that, by planning again. After a commit it saves and config-syncs when asked,
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
        if (plan.changes().isEmpty()) {
            return new ApplyResult(plan, ApplyResult.Outcome.NOTHING_TO_DO, List.of(), List.of(), 0, Optional.empty(),
                    0);
        }
        return new Run(deployment, plan, listener).execute();
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
            Map<String, String> sourcePaths = upload(changes);
            F5Transaction tx = client.beginTransaction();
            for (int i = 0; i < changes.size(); i++) {
                Change c = changes.get(i);
                listener.starting(c, i, changes.size());
                try {
                    enlist(tx, c, desired, sourcePaths);
                    queued.add(c);
                } catch (HakitException e) {
                    listener.failed(c, e);
                    tx.discard();
                    return rolledBack(c + " could not be queued: " + e.getMessage()
                            + "; the transaction was discarded, nothing changed on the device");
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
            } catch (TransportException e) {
                return afterLostCommit(tx, e);
            } catch (HakitException e) {
                listener.failed(changes.get(changes.size() - 1), e);
                return rolledBack((settings.validateOnly() ? "validation" : "commit") + " of transaction " + tx.id()
                        + " refused by the BIG-IP, nothing changed: " + e.getMessage());
            }
            queued.forEach(listener::applied);
            return afterCommit();
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
                settings.syncGroup().ifPresent(F5Applier.this::syncAndWait);
            } catch (HakitException e) {
                failure = Optional.of("the changes were committed, but " + (settings.save() ? "saving or " : "")
                        + "config-sync failed: " + e.getMessage());
            }
            return result(failure.isPresent() ? ApplyResult.Outcome.FAILED : ApplyResult.Outcome.APPLIED, queued,
                    List.of(), failure);
        }

        /**
         * The commit's answer was lost: asks the device what became of the transaction; one that has not run yet
         * is deleted, so it cannot take effect later. When the device cannot say, plans again.
         */
        private ApplyResult afterLostCommit(F5Transaction tx, TransportException e) {
            String path = "/mgmt/tm/transaction/" + tx.id();
            try {
                Optional<JsonNode> state = await(validatingWait(), () -> client.find(path));
                String s = state.map(j -> j.path("state").asText("")).orElse("");
                if (s.equals("COMPLETED")) {
                    queued.forEach(listener::applied);
                    return result(ApplyResult.Outcome.APPLIED, queued, List.of(), Optional.empty());
                }
                if (s.equals("FAILED")) {
                    return rolledBack("commit of transaction " + tx.id() + " refused by the BIG-IP, nothing changed: "
                            + state.get().path("failureReason").asText("the device gave no reason"));
                }
                if (s.equals("STARTED")) {
                    client.delete(path);
                    return rolledBack("the commit's answer was lost (" + e.getMessage()
                            + "); the transaction had not run and was deleted, nothing changed");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (HakitException unknown) {
                LOG.debug("transaction {} after a lost commit: {}", tx.id(), unknown.getMessage());
            }
            return settleByPlanningAgain(e);
        }

        private ApplyResult settleByPlanningAgain(TransportException e) {
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
                return result(ApplyResult.Outcome.APPLIED, queued, List.of(), Optional.empty());
            }
            if (now.changes().equals(plan.changes())) {
                return rolledBack("the commit's answer was lost (" + e.getMessage()
                        + "); the device shows the transaction did not take effect, nothing changed");
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
        return RetryPolicy.<Optional<JsonNode>>builder()
                .handleResultIf(state -> state.isPresent() && state.get().path("state").asText().equals("VALIDATING"))
                .abortOn(RuntimeException.class)
                .withDelay(VALIDATING_POLL)
                .withMaxRetries(VALIDATING_POLLS)
                .build();
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
        var b = RetryPolicy.<String>builder()
                .handleResultIf(status -> !IN_SYNC.equals(status))
                .abortOn(RuntimeException.class)
                .withDelay(poll);
        if (poll.compareTo(timeout) < 0) {
            b.withMaxRetries(-1).withMaxDuration(timeout);
        } else {
            b.withMaxRetries(1);
        }
        return b.build();
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
