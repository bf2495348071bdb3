package org.venuegate.kiosk.setup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The admin PIN in front of settings, today's figures and exit. One gate per kiosk window, so wrong guesses count
 * together whichever key asked. After {@code maxAttempts} wrong PINs in a row it refuses everything, even the right PIN,
 * for {@code lockout}; the right PIN resets the count. Time is measured on a monotonic clock, so turning the PC's clock
 * does not end a lockout.
 */
public final class PinGate {
    public static final int MAX_ATTEMPTS = 5;
    public static final Duration LOCKOUT = Duration.ofSeconds(60);

    public enum Status {
        OPEN,
        /** Wrong PIN; {@link Attempt#attemptsLeft()} more before the lockout. */
        WRONG,
        /** Too many wrong PINs; {@link Attempt#retryIn()} until the next try. */
        LOCKED
    }

    public record Attempt(Status status, int attemptsLeft, Duration retryIn) {
        public boolean open() {
            return status == Status.OPEN;
        }
    }

    private final Supplier<String> pin;
    private final LongSupplier nanos;
    private final int maxAttempts;
    private final Duration lockout;
    private int wrong;
    private long lockedUntil;
    private boolean locked;

    /** @param pin the configured PIN, read at each check (settings may set one); null means no PIN is set */
    public PinGate(Supplier<String> pin, LongSupplier nanos, int maxAttempts, Duration lockout) {
        this.pin = Objects.requireNonNull(pin);
        this.nanos = Objects.requireNonNull(nanos);
        this.maxAttempts = maxAttempts;
        this.lockout = lockout;
    }

    public PinGate(Supplier<String> pin) {
        this(pin, System::nanoTime, MAX_ATTEMPTS, LOCKOUT);
    }

    /** Without a configured PIN there is nothing to ask (the setup wizard makes the administrator choose one). */
    public boolean required() {
        return pin.get() != null;
    }

    public synchronized Attempt check(String entered) {
        String expected = pin.get();
        if (expected == null) {
            return new Attempt(Status.OPEN, maxAttempts, Duration.ZERO);
        }
        long now = nanos.getAsLong();
        if (locked) {
            if (now - lockedUntil < 0) {
                return new Attempt(Status.LOCKED, 0, Duration.ofNanos(lockedUntil - now));
            }
            locked = false;
            wrong = 0;
        }
        // compared in constant time: the PIN is short, so nothing should hint at how much of it matched
        if (entered != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                entered.strip().getBytes(StandardCharsets.UTF_8))) {
            wrong = 0;
            return new Attempt(Status.OPEN, maxAttempts, Duration.ZERO);
        }
        wrong++;
        if (wrong >= maxAttempts) {
            locked = true;
            lockedUntil = now + lockout.toNanos();
            return new Attempt(Status.LOCKED, 0, lockout);
        }
        return new Attempt(Status.WRONG, maxAttempts - wrong, Duration.ZERO);
    }
}
