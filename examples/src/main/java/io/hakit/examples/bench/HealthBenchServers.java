package io.hakit.examples.bench;

import io.hakit.test.ThrowawayCa;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.impl.bootstrap.AsyncServerBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.http.nio.AsyncRequestConsumer;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.ssl.BasicServerTlsStrategy;
import org.apache.hc.core5.http.nio.support.AsyncResponseBuilder;
import org.apache.hc.core5.http.nio.support.BasicRequestConsumer;
import org.apache.hc.core5.http.nio.support.BasicServerExchangeHandler;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.ListenerEndpoint;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;

/**
 * The member servers of {@code hakit bench health}, run in a child JVM so that the
 * benchmark's client JVM measures only the client: one non-blocking HTTPS server (EC P-256
 * certificate from a {@link ThrowawayCa}, TLS 1.3) listening on {@code members} ports spread
 * over the loopback addresses 127.0.0.2 onwards, answering every request with 200 and
 * {@value #BODY}.
 *
 * <p>Protocol on stdout, read by {@link HealthBench}: the CA certificate as PEM, one line
 * {@code MEMBER address port} per member, then {@code READY members}. The process exits when
 * its stdin closes (the parent ended, whichever way).
 */
public final class HealthBenchServers {

    /** The body every member answers with. */
    public static final String BODY = "OK IdentityServer4";
    /** The line that ends the start-up output. */
    static final String READY = "READY";
    /** The prefix of a member line. */
    static final String MEMBER = "MEMBER";

    private HealthBenchServers() {
    }

    /**
     * Starts the servers.
     *
     * @param args {@code members addresses [ioThreads [keyType]]}, keyType {@code RSA} or {@code EC}
     * @throws Exception when the servers cannot start
     */
    public static void main(String[] args) throws Exception {
        int members = Integer.parseInt(args[0]);
        int addresses = Integer.parseInt(args[1]);
        int ioThreads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        ThrowawayCa.KeyType keyType = args.length > 3 ? ThrowawayCa.KeyType.valueOf(args[3]) : ThrowawayCa.KeyType.RSA;
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        ThrowawayCa ca = ThrowawayCa.create("hakit bench CA", keyType);
        List<String> ips = new ArrayList<>();
        for (int i = 0; i < addresses; i++) {
            ips.add("127.0.0." + (2 + i));
        }
        ThrowawayCa.Issued cert = ca.issue(c -> c.commonName("hakit bench member")
                .ipAddresses(ips.toArray(new String[0])).keyType(keyType));
        HttpAsyncServer server = AsyncServerBootstrap.bootstrap()
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(ioThreads).setSoReuseAddress(true)
                        .setBacklogSize(4096).setTcpNoDelay(true).build())
                .setTlsStrategy(new BasicServerTlsStrategy(cert.serverContext(), SSLBufferMode.DYNAMIC, null, null))
                // every authority (each 127.0.0.x:port) gets the same answer
                .setRequestRouter((request, context) -> () -> new BasicServerExchangeHandler<>(new OkHandler()))
                .create();
        server.start();
        try {
            out.print(ca.certificatePem());
            for (int i = 0; i < members; i++) {
                String ip = ips.get(i % addresses);
                ListenerEndpoint ep = server.listen(new InetSocketAddress(ip, 0), URIScheme.HTTPS).get();
                out.println(MEMBER + " " + ip + " " + ((InetSocketAddress) ep.getAddress()).getPort());
            }
            out.println(READY + " " + members);
            out.flush();
            awaitEndOfInput();
        } finally {
            server.close(CloseMode.IMMEDIATE);
        }
    }

    private static void awaitEndOfInput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
            while (in.readLine() != null) {
                // nothing to read: the parent closes stdin to stop us
            }
        } catch (IOException e) {
            // the parent is gone: stop
        }
    }

    /** Answers 200 with a small body to every request, keeping connections alive. */
    private static final class OkHandler implements AsyncServerRequestHandler<Message<HttpRequest, Void>> {
        @Override
        public AsyncRequestConsumer<Message<HttpRequest, Void>> prepare(HttpRequest request, EntityDetails entityDetails,
                HttpContext context) {
            return new BasicRequestConsumer<>(entityDetails != null ? new DiscardingEntityConsumer<>() : null);
        }

        @Override
        public void handle(Message<HttpRequest, Void> message, ResponseTrigger trigger, HttpContext context)
                throws HttpException, IOException {
            trigger.submitResponse(AsyncResponseBuilder.create(200).setEntity(BODY, ContentType.TEXT_PLAIN).build(), context);
        }
    }
}
