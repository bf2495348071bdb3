package org.venuegate.kiosk.gate;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the gate on a pass without ever holding up the decision: each opening runs on the gate's own thread with a
 * deadline; a failure (or a hang past the deadline) is logged and reported to whoever shows it, never thrown back.
 * Passes that arrive while the gate is still busy are not queued up: a turnstile opened once is open.
 */
public final class Gate implements AutoCloseable {
    /** How an opening ended: ok, or a problem in words an operator can act on. */
    public record Result(boolean ok, String problem) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Gate.class);

    private final GateOutput output;
    private final Duration deadline;
    private final Consumer<Result> onResult;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiosk-gate");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kiosk-gate-output");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean busy;

    public Gate(GateOutput output, Duration deadline, Consumer<Result> onResult) {
        this.output = Objects.requireNonNull(output);
        this.deadline = deadline;
        this.onResult = onResult;
    }

    /** Asks for the gate to open; returns at once. */
    public void open() {
        if (busy) {
            return;
        }
        busy = true;
        try {
            worker.execute(this::openNow);
        } catch (RejectedExecutionException closed) {
            busy = false;
        }
    }

    private void openNow() {
        Result r;
        Future<?> f = runner.submit(() -> {
            output.open();
            return null;
        });
        try {
            f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            r = new Result(true, null);
        } catch (TimeoutException e) {
            f.cancel(true);
            r = new Result(false, output.describe() + " did not answer within " + deadline.toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            r = new Result(false, cause instanceof IOException ? cause.getMessage() : output.describe() + ": " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = new Result(false, "interrupted");
        } finally {
            busy = false;
        }
        if (!r.ok()) {
            LOG.warn("Gate output failed: {}", r.problem());
        }
        try {
            onResult.accept(r);
        } catch (RuntimeException e) {
            LOG.warn("Gate result listener failed", e);
        }
    }

    public String describe() {
        return output.describe();
    }

    /** Lets an opening under way finish (within its deadline), so a pass just before exit still opens the gate. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(deadline.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
        runner.shutdownNow();
    }
}
