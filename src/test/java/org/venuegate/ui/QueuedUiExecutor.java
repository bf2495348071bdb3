package org.venuegate.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work at once but holds each result back until the test delivers it, in any order: a hub that answers
 * an earlier request after a later one.
 */
public final class QueuedUiExecutor implements UiExecutor {
    private final List<Runnable> held = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            T result = work.call();
            held.add(() -> onSuccess.accept(result));
        } catch (Exception | Error e) {
            held.add(() -> onFailure.accept(e));
        }
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        return () -> { };
    }

    public int held() {
        return held.size();
    }

    /** Delivers the result held at this position (0 = the oldest still held). */
    public void deliver(int index) {
        held.remove(index).run();
    }

    /** Delivers everything held, oldest first, including what those deliveries start. */
    public void deliverAll() {
        while (!held.isEmpty()) {
            deliver(0);
        }
    }
}
