package io.hakit.f5;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.f5.internal.Auditor;
import io.hakit.f5.internal.DeviceState;
import io.hakit.f5.internal.Planner;
import io.hakit.model.tls.TlsSettings;
import io.hakit.model.ConflictException;
import io.hakit.model.Deployment;
import io.hakit.model.HakitException;
import io.hakit.model.TransportException;
import io.hakit.model.Vendor;
import io.hakit.model.cert.CertificateChain;
import io.hakit.model.cert.Pem;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Conflict;
import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.model.plan.Ownership;
import io.hakit.model.plan.Plan;
import io.hakit.model.validate.AuditReport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * F5 BIG-IP as a {@link LoadBalancerAdapter}: reads the device with one GET per object type, plans attribute
 * by attribute, and applies the whole plan in <b>one iControl REST transaction</b> (certificate and key files
 * are uploaded just before it; uploads change no configuration). A commit the device rejects changes nothing
 * and the result carries the device's reason. Optionally validates only ({@code validateOnly}, for
 * {@code --dry-run}), saves the configuration and config-syncs to a device group, waiting for "In Sync".
 *
 * <p>Ownership: every object hakit creates carries {@code description = hakit:<deployment>}; certificate and
 * key files (which have no description) are recognised by the names hakit gives them ({@code ps-lb.crt},
 * {@code ps-lb.key}, {@code ps-trust-ca.crt}). Foreign objects are never changed or deleted; one in the way
 * is a conflict unless {@link Builder#adopt(boolean)}.
 *
 * <p>Not thread-safe: one plan or apply at a time. {@link #close()} deletes the session's token.
 */
public final class F5Adapter implements LoadBalancerAdapter {

    /** How long to wait for "In Sync" after a config-sync by default: 5 minutes. */
    public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofMinutes(5);
    /** How often the sync status is polled by default: 3 s. */
    public static final Duration DEFAULT_SYNC_POLL = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(F5Adapter.class);
    /** After a lost commit answer: how often the transaction's state is asked while it is VALIDATING. */
    private static final Duration LOST_COMMIT_POLL = Duration.ofMillis(100);
    /** After a lost commit answer: how many more times it is asked at most. */
    private static final int LOST_COMMIT_POLLS = 100;

    private final IControlClient client;
    private final boolean ownsClient;
    private final F5Renderer renderer;
    private final boolean adopt;
    private final boolean save;
    private final Optional<String> syncGroup;
    private final boolean validateOnly;
    private final Duration syncTimeout;
    private final Duration syncPoll;
    private final byte[] lbKey;
    private final BigIp bigIp;

    private F5Adapter(Builder b, IControlClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.renderer = b.renderer;
        this.adopt = b.adopt;
        this.save = b.save;
        this.syncGroup = b.syncGroup;
        this.validateOnly = b.validateOnly;
        this.syncTimeout = b.syncTimeout;
        this.syncPoll = b.syncPoll;
        this.lbKey = b.lbKey == null ? null : b.lbKey.clone();
        this.bigIp = BigIp.of(client);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Vendor vendor() {
        return Vendor.F5;
    }

    /** @return the iControl session (for counting requests or direct calls) */
    public IControlClient client() {
        return client;
    }

    /** @return the fluent API over the same session */
    public BigIp bigIp() {
        return bigIp;
    }

    private Set<F5Type> readTypes() {
        EnumSet<F5Type> types = EnumSet.allOf(F5Type.class);
        types.remove(F5Type.SSL_KEY);
        if (!renderer.gtm()) {
            types.remove(F5Type.GTM_SERVER);
            types.remove(F5Type.GTM_POOL_A);
            types.remove(F5Type.GTM_WIDEIP_A);
        }
        return types;
    }

    private DeviceState read() {
        return DeviceState.read(readTypes(), bigIp::collection);
    }

    private int fixedRequests() {
        return 2 + (save ? 1 : 0) + (syncGroup.isPresent() ? 2 : 0);
    }

    @Override
    public Plan plan(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        List<F5Object> desired = renderer.render(deployment);
        return Planner.plan(desired, read(), Ownership.of(deployment), adopt, lbKey != null, fixedRequests(),
                expiry(deployment));
    }

    @Override
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
        Map<String, F5Object> desired = new HashMap<>();
        for (F5Object o : renderer.render(deployment)) {
            desired.put(o.type().key() + " " + o.fullPath(), o);
        }
        int requests0 = client.requestCount();
        int writes0 = client.writeCount();
        List<Change> changes = plan.changes();
        // uploads first: they land in a download folder and change no configuration; each content gets its own
        // file name, so replacing a certificate installs the new file
        Map<String, String> sourcePaths = new HashMap<>();
        for (Change c : changes) {
            if (Planner.isUpload(c)) {
                String name = c.name().substring(c.name().lastIndexOf('/') + 1);
                byte[] content = fileContent(deployment, name);
                sourcePaths.put(c.type() + " " + c.name(), client.upload(name + "-" + digest(content), content));
            }
        }
        F5Transaction tx = client.beginTransaction();
        List<Change> queued = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            listener.starting(c, i, changes.size());
            try {
                enlist(tx, c, desired, sourcePaths);
                queued.add(c);
            } catch (HakitException e) {
                listener.failed(c, e);
                tx.discard();
                return rolledBack(plan, queued, listener, requests0, writes0, c + " could not be queued: "
                        + e.getMessage() + "; the transaction was discarded, nothing changed on the device");
            }
        }
        try {
            if (validateOnly) {
                tx.validate();
                LOG.debug("transaction {} validated by the device ({} commands); nothing changed", tx.id(), queued.size());
                return new ApplyResult(plan, ApplyResult.Outcome.APPLIED, List.of(), List.of(),
                        client.writeCount() - writes0, Optional.empty(), client.requestCount() - requests0);
            }
            tx.commit();
        } catch (TransportException e) {
            return afterLostCommit(tx, deployment, plan, queued, listener, requests0, writes0, e);
        } catch (HakitException e) {
            listener.failed(changes.get(changes.size() - 1), e);
            return rolledBack(plan, queued, listener, requests0, writes0, (validateOnly ? "validation" : "commit")
                    + " of transaction " + tx.id() + " refused by the BIG-IP, nothing changed: " + e.getMessage());
        }
        queued.forEach(listener::applied);
        Optional<String> failure = Optional.empty();
        try {
            if (save) {
                client.saveConfig();
            }
            syncGroup.ifPresent(this::syncAndWait);
        } catch (HakitException e) {
            failure = Optional.of("the changes were committed, but " + (save ? "saving or " : "") + "config-sync failed: "
                    + e.getMessage());
        }
        return new ApplyResult(plan, failure.isPresent() ? ApplyResult.Outcome.FAILED : ApplyResult.Outcome.APPLIED,
                queued, List.of(), client.writeCount() - writes0, failure, client.requestCount() - requests0);
    }

    private ApplyResult afterLostCommit(F5Transaction tx, Deployment deployment, Plan plan, List<Change> queued,
            ApplyListener listener, int requests0, int writes0, TransportException e) {
        // the commit's answer was lost: ask the device what became of the transaction; one that has not run yet is
        // deleted, so it cannot take effect later
        String path = "/mgmt/tm/transaction/" + tx.id();
        try {
            Optional<com.fasterxml.jackson.databind.JsonNode> state = io.hakit.rest.Policies.run(
                    io.hakit.rest.Policies.<Optional<com.fasterxml.jackson.databind.JsonNode>>poll(LOST_COMMIT_POLL,
                            LOST_COMMIT_POLLS, st -> st.isPresent() && st.get().path("state").asText().equals("VALIDATING")),
                    () -> client.find(path));
            String s = state.map(j -> j.path("state").asText("")).orElse("");
            if (s.equals("COMPLETED")) {
                queued.forEach(listener::applied);
                return new ApplyResult(plan, ApplyResult.Outcome.APPLIED, queued, List.of(),
                        client.writeCount() - writes0, Optional.empty(), client.requestCount() - requests0);
            }
            if (s.equals("FAILED")) {
                return rolledBack(plan, queued, listener, requests0, writes0, "commit of transaction " + tx.id()
                        + " refused by the BIG-IP, nothing changed: "
                        + state.get().path("failureReason").asText("the device gave no reason"));
            }
            if (s.equals("STARTED")) {
                client.delete(path);
                return rolledBack(plan, queued, listener, requests0, writes0, "the commit's answer was lost ("
                        + e.getMessage() + "); the transaction had not run and was deleted, nothing changed");
            }
        } catch (HakitException unknown) {
            LOG.debug("transaction {} after a lost commit: {}", tx.id(), unknown.getMessage());
        }
        Plan now;
        try {
            now = plan(deployment);
        } catch (HakitException again) {
            return new ApplyResult(plan, ApplyResult.Outcome.FAILED, List.of(), List.of(), client.writeCount() - writes0,
                    Optional.of("the commit's answer was lost (" + e.getMessage() + ") and the device cannot be read "
                            + "to tell whether it took effect: " + again.getMessage()),
                    client.requestCount() - requests0);
        }
        if (now.changes().isEmpty()) {
            queued.forEach(listener::applied);
            return new ApplyResult(plan, ApplyResult.Outcome.APPLIED, queued, List.of(), client.writeCount() - writes0,
                    Optional.empty(), client.requestCount() - requests0);
        }
        if (now.changes().equals(plan.changes())) {
            return rolledBack(plan, queued, listener, requests0, writes0, "the commit's answer was lost (" + e.getMessage()
                    + "); the device shows the transaction did not take effect, nothing changed");
        }
        return new ApplyResult(plan, ApplyResult.Outcome.FAILED, List.of(), List.of(), client.writeCount() - writes0,
                Optional.of("the commit's answer was lost (" + e.getMessage() + ") and the device differs from both "
                        + "before and after; plan again"), client.requestCount() - requests0);
    }

    private ApplyResult rolledBack(Plan plan, List<Change> queued, ApplyListener listener, int requests0, int writes0,
            String failure) {
        queued.forEach(listener::rollingBack);
        return new ApplyResult(plan, ApplyResult.Outcome.ROLLED_BACK, List.of(), queued, client.writeCount() - writes0,
                Optional.of(failure), client.requestCount() - requests0);
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
                ObjectNode patch = IControlClient.JSON.createObjectNode().put("sourcePath", sourcePath);
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
                ObjectNode patch = IControlClient.JSON.createObjectNode();
                for (String k : c.after().keySet()) {
                    Object raw = want != null && want.attributes().containsKey(k) ? want.attributes().get(k) : c.after().get(k);
                    patch.set(k, IControlClient.JSON.valueToTree(raw));
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
                if (lbKey == null) {
                    throw new ConflictException(409, "missing-key", "the load balancer's key is needed (lbKey)", file,
                            "upload " + file);
                }
                return lbKey.clone();
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

    /** @return the expiry (epoch seconds) of each certificate file hakit installs, by full path */
    private static Map<String, Long> expiry(Deployment d) {
        Map<String, Long> m = new HashMap<>();
        d.loadBalancer().certificate().ifPresent(c -> m.put(F5Names.fullPath(F5Names.COMMON, F5Renderer.LB_CERT),
                c.leaf().getNotAfter().toInstant().getEpochSecond()));
        d.trustCa().ifPresent(c -> m.put(F5Names.fullPath(F5Names.COMMON, F5Renderer.TRUST_CA),
                c.leaf().getNotAfter().toInstant().getEpochSecond()));
        return m;
    }

    private static byte[] pem(CertificateChain chain) {
        StringBuilder b = new StringBuilder();
        for (X509Certificate c : chain.certificates()) {
            try {
                b.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate of " + chain.source() + " cannot be encoded", e);
            }
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void syncAndWait(String group) {
        client.configSync(group);
        String status = io.hakit.rest.Policies.run(io.hakit.rest.Policies.<String>poll(syncPoll, syncTimeout,
                st -> !"In Sync".equals(st)), client::syncStatus);
        if (!"In Sync".equals(status)) {
            throw new TransportException("device group " + group + " is still '" + status + "' after "
                    + syncTimeout.getSeconds() + " s (sync time-out)");
        }
    }

    @Override
    public AuditReport audit(Optional<Deployment> deployment) {
        Objects.requireNonNull(deployment, "deployment");
        DeviceState state = read();
        Optional<Plan> drift = deployment.map(d -> Planner.plan(renderer.render(d), state, Ownership.of(d), adopt,
                lbKey != null, fixedRequests(), expiry(d)));
        return new AuditReport("f5", AuditReport.Source.DEVICE, Auditor.audit(state, deployment), drift);
    }

    /** Deletes the session's token (when this adapter opened the session). Never throws. */
    @Override
    public void close() {
        if (lbKey != null) {
            Arrays.fill(lbKey, (byte) 0);
        }
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "F5Adapter[" + client.url() + ", adopt=" + adopt + ", save=" + save + ", syncGroup="
                + syncGroup.orElse("-") + ", validateOnly=" + validateOnly + "]";
    }

    /** Builds an {@link F5Adapter}. Not thread-safe. */
    public static final class Builder {
        private final IControlClient.Builder clientBuilder = IControlClient.builder();
        private IControlClient client;
        private boolean haveUrl;
        private F5Renderer renderer = F5Renderer.create();
        private boolean adopt;
        private boolean save;
        private Optional<String> syncGroup = Optional.empty();
        private boolean validateOnly;
        private Duration syncTimeout = DEFAULT_SYNC_TIMEOUT;
        private Duration syncPoll = DEFAULT_SYNC_POLL;
        private byte[] lbKey;

        private Builder() {
        }

        /**
         * @param url the management URL
         * @return this builder
         */
        public Builder url(URI url) {
            clientBuilder.url(url);
            haveUrl = true;
            return this;
        }

        /**
         * @param user the user
         * @param password the password (never logged)
         * @return this builder
         */
        public Builder credentials(String user, String password) {
            clientBuilder.credentials(user, password);
            return this;
        }

        /**
         * @param user the user
         * @param password the password (copied; never logged)
         * @return this builder
         */
        public Builder credentials(String user, char[] password) {
            clientBuilder.credentials(user, password);
            return this;
        }

        /**
         * @param tls trust for the device's certificate; default the platform's
         * @return this builder
         */
        public Builder tls(TlsSettings tls) {
            clientBuilder.tls(tls);
            return this;
        }

        /**
         * @param caPem a PEM file with the CA that signed the device's certificate
         * @return this builder
         * @throws io.hakit.model.cert.PemException when the file cannot be read
         */
        public Builder ca(Path caPem) {
            return tls(TlsSettings.builder().trust(Pem.read(caPem)).build());
        }

        /**
         * @param connect connect time-out
         * @param response response time-out
         * @return this builder
         */
        public Builder timeouts(Duration connect, Duration response) {
            clientBuilder.timeouts(connect, response);
            return this;
        }

        /**
         * @param retry how a 503 / busy answer is sent again; default {@link IControlClient#DEFAULT_RETRY}
         * @return this builder
         */
        public Builder retry(io.hakit.model.Retry retry) {
            clientBuilder.retry(retry);
            return this;
        }

        /**
         * @param allow whether plain {@code http://} to a device that is not this machine is allowed (a warning is
         *     logged); default false: refused
         * @return this builder
         */
        public Builder allowPlainHttp(boolean allow) {
            clientBuilder.allowPlainHttp(allow);
            return this;
        }

        /**
         * Skips certificate and host-name verification. Only for lab devices; logs a warning.
         *
         * @param insecure whether to skip verification; default false
         * @return this builder
         */
        public Builder insecureSkipVerify(boolean insecure) {
            clientBuilder.insecureSkipVerify(insecure);
            return this;
        }

        /**
         * @param retries retries of 503 / busy answers
         * @param backoff the first wait, doubled each retry
         * @return this builder
         */
        public Builder retries(int retries, Duration backoff) {
            clientBuilder.retries(retries).backoff(backoff);
            return this;
        }

        /**
         * Uses a session the caller opened (and closes). Replaces url/credentials/tls/timeouts.
         *
         * @param client the session
         * @return this builder
         */
        public Builder client(IControlClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param renderer how deployments become objects (e.g. with GTM); default {@link F5Renderer#create()}
         * @return this builder
         */
        public Builder renderer(F5Renderer renderer) {
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /**
         * @param adopt take over foreign objects with the names hakit needs (they get the marker); default false
         * @return this builder
         */
        public Builder adopt(boolean adopt) {
            this.adopt = adopt;
            return this;
        }

        /**
         * @param save save the configuration after a commit ({@code sys config save}); default false
         * @return this builder
         */
        public Builder save(boolean save) {
            this.save = save;
            return this;
        }

        /**
         * @param deviceGroup config-sync to this device group after a commit and wait for "In Sync"
         * @return this builder
         */
        public Builder syncGroup(String deviceGroup) {
            this.syncGroup = Optional.of(Objects.requireNonNull(deviceGroup, "deviceGroup"));
            return this;
        }

        /**
         * @param timeout how long to wait for "In Sync"; default {@link #DEFAULT_SYNC_TIMEOUT}
         * @param poll how often to ask; default {@link #DEFAULT_SYNC_POLL}
         * @return this builder
         */
        public Builder syncWait(Duration timeout, Duration poll) {
            this.syncTimeout = Objects.requireNonNull(timeout, "timeout");
            this.syncPoll = Objects.requireNonNull(poll, "poll");
            return this;
        }

        /**
         * @param validateOnly commit with {@code validateOnly}: the device checks the whole transaction and changes
         *     nothing ({@code --dry-run}); default false
         * @return this builder
         */
        public Builder validateOnly(boolean validateOnly) {
            this.validateOnly = validateOnly;
            return this;
        }

        /**
         * @param keyPem the load balancer certificate's private key (PEM), read once now, uploaded only when the
         *     device lacks the certificate, never logged
         * @return this builder
         * @throws IllegalArgumentException when the file cannot be read or holds no private key
         */
        public Builder lbKey(Path keyPem) {
            Objects.requireNonNull(keyPem, "keyPem");
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(keyPem);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the load balancer key " + keyPem + ": "
                        + e.getClass().getSimpleName());
            }
            if (!new String(bytes, StandardCharsets.US_ASCII).contains("PRIVATE KEY-----")) {
                Arrays.fill(bytes, (byte) 0);
                throw new IllegalArgumentException(keyPem + " holds no PEM private key");
            }
            this.lbKey = bytes;
            return this;
        }

        /**
         * @return the adapter (no request is sent until the first plan)
         * @throws NullPointerException when neither a client nor url + credentials were given
         */
        public F5Adapter build() {
            if (client != null) {
                return new F5Adapter(this, client, false);
            }
            if (!haveUrl) {
                throw new NullPointerException("url");
            }
            return new F5Adapter(this, clientBuilder.build(), true);
        }
    }

}
