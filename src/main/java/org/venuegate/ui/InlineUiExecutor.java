package org.venuegate.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs everything at once on the calling thread; scheduled actions wait until {@link #runScheduled()}. For
 * ViewModel tests, so they need neither threads nor sleeps.
 */
public final class InlineUiExecutor implements UiExecutor {
    private final List<Runnable> scheduled = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        scheduled.add(action);
        return () -> scheduled.remove(action);
    }

    /** Fires every pending scheduled action (as if their delays had passed). */
    public void runScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    public int pendingScheduled() {
        return scheduled.size();
    }
}
