package io.hakit.hl7.functional;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import io.hakit.hl7.TestNet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;

/** A HAPI context for tests: no validation, MSH-18 respected, server sockets bound to 127.0.0.1 only. */
final class HapiLoopback {

    private HapiLoopback() {
    }

    static HapiContext context() {
        HapiContext ctx = new DefaultHapiContext(ValidationContextFactory.noValidation());
        // HAPI's default ID generator writes an id_file into the working directory
        ctx.getParserConfiguration().setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator());
        ctx.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
        ctx.setSocketFactory(new StandardSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return new ServerSocket() {
                    @Override
                    public void bind(SocketAddress endpoint, int backlog) throws IOException {
                        int port = endpoint instanceof InetSocketAddress ? ((InetSocketAddress) endpoint).getPort() : 0;
                        super.bind(new InetSocketAddress(TestNet.LOOPBACK, port), backlog);
                    }
                };
            }
        });
        return ctx;
    }
}
