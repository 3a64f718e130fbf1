package io.nianbao.localstack;

/** Runs a stop action once: on {@link #close()}, or when the JVM exits if close() never came. */
final class StopOnExit implements AutoCloseable {

    private final Runnable stop;
    private final Thread hook;
    private boolean done;

    StopOnExit(String name, Runnable stop) {
        this.stop = stop;
        this.hook = new Thread(stop, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public synchronized void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting: the hook runs (or ran) the same stop, which is idempotent.
        }
        stop.run();
    }
}
