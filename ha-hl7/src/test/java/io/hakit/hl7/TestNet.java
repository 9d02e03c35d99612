package io.hakit.hl7;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback helpers: tests bind only to 127.0.0.1. */
public final class TestNet {

    /** 127.0.0.1. */
    public static final InetAddress LOOPBACK = loopback();

    private TestNet() {
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port on 127.0.0.1 that nothing listens on (bound, then released). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A listener builder bound to 127.0.0.1 on a free port. */
    public static MllpListener.Builder listener() {
        return MllpListener.builder().bindAddress(LOOPBACK).port(0);
    }

    /** A listener builder bound to 127.0.0.1 on the given port. */
    public static MllpListener.Builder listener(int port) {
        return MllpListener.builder().bindAddress(LOOPBACK).port(port);
    }
}
