package io.hakit.hl7.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.hl7.TestNet;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SocketWatchdogTest {

    @Test
    void closesTheSocketOfAnExpiredReadAndSaysSoOnDisarm() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, TestNet.LOOPBACK);
             Socket client = new Socket(TestNet.LOOPBACK, server.getLocalPort());
             Socket accepted = server.accept()) {
            SocketWatchdog.Watch watch = SocketWatchdog.get().watch(client);
            watch.arm(TimeUnit.MILLISECONDS.toNanos(50));
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketException.class);
            assertThat(watch.disarm()).as("fired").isFalse();
            assertThat(client.isClosed()).isTrue();
            watch.cancel();
        }
    }

    @Test
    void leavesTheSocketAloneWhenDisarmedInTime() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, TestNet.LOOPBACK);
             Socket client = new Socket(TestNet.LOOPBACK, server.getLocalPort());
             Socket accepted = server.accept()) {
            SocketWatchdog.Watch watch = SocketWatchdog.get().watch(client);
            for (int i = 0; i < 1000; i++) {
                watch.arm(TimeUnit.SECONDS.toNanos(10));
                accepted.getOutputStream().write(i);
                assertThat(client.getInputStream().read()).isEqualTo(i & 0xFF);
                assertThat(watch.disarm()).isTrue();
            }
            assertThat(client.isClosed()).isFalse();
            watch.cancel();
        }
    }
}
