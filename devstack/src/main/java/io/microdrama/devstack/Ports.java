package io.microdrama.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers: every devstack listener binds 127.0.0.1 only. */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port of our own choosing, or a clear message (not a stack trace) when something else holds it. */
    public static int requireFree(int port, String what) {
        if (port == 0) {
            return free();
        }
        if (isOpen(port)) {
            throw new PortInUseException(port, what);
        }
        return port;
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until nothing listens on the port any more (a stopped server may linger briefly). */
    public static void awaitFree(int port, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isOpen(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Port " + port + " is still in use after " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static final class PortInUseException extends RuntimeException {
        public PortInUseException(int port, String what) {
            super("Port " + port + " (" + what + ") is already in use on 127.0.0.1. Stop whatever holds it "
                    + "(e.g. `ss -ltnp 'sport = :" + port + "'`) or choose another port.");
        }
    }
}
