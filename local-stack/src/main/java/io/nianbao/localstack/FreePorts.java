package io.nianbao.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports of 127.0.0.1 for the local stack's processes, and for tests that need one nothing listens on. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port free right now on 127.0.0.1 (another process could still take it before it is bound). */
    public static int loopback() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
