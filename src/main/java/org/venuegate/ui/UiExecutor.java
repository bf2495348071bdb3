package org.venuegate.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way screens run background work: {@code work} off the UI thread, its result or failure handed back on the
 * UI thread. ViewModels depend on this interface; production uses {@link FxUiExecutor}, tests {@link InlineUiExecutor}.
 */
public interface UiExecutor {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs on the UI thread. */
    void onUi(Runnable action);

    /** Runs on the UI thread after a delay; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable action);

    /** A scheduled action that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
