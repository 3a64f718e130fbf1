package io.nianbao.localstack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FreePortsTest {

    @Test
    void aFreePortIsBelowTheEphemeralRangeAndCanBeBound() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        assumeTrue(Files.isReadable(range), "no Linux ephemeral port range here");
        int ephemeralStart = Integer.parseInt(Files.readAllLines(range).getFirst().trim().split("\\s+")[0]);

        for (int i = 0; i < 20; i++) {
            int port = FreePorts.loopback();
            assertThat(port).isBetween(10_000, ephemeralStart - 1);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
