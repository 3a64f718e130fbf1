package io.nianbao.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Ports of 127.0.0.1 for the local stack's processes, and for tests that need one nothing listens on. */
public final class FreePorts {

    /** Where the kernel says its ephemeral ports are (Linux); elsewhere, the IANA range. */
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int IANA_EPHEMERAL_START = 49152;
    private static final int LOWEST = 10_000;

    private FreePorts() {
    }

    /**
     * A port free right now on 127.0.0.1 (another process could still take it before it is bound),
     * below the ephemeral range: outgoing connections take their local ports from that range, and
     * one took the schema registry's port between its choice and its binding (the broker, started
     * just before, was connecting).
     */
    public static int loopback() throws IOException {
        int ephemeralStart = ephemeralStart();
        for (int attempt = 0; ephemeralStart > LOWEST && attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ephemeralStart);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Read by lines: procfs reports a size of 0, and Files.readString read one byte of it. */
    private static int ephemeralStart() {
        try {
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).getFirst().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return IANA_EPHEMERAL_START;
        }
    }
}
