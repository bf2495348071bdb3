package org.venuegate.kiosk;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A boot clock the test advances and "reboots". */
public final class FakeBootClock implements BootClock {
    public final AtomicLong nanos = new AtomicLong(Duration.ofMinutes(3).toNanos());
    private volatile String bootId = "boot-1";

    @Override
    public long nanos() {
        return nanos.get();
    }

    @Override
    public Optional<String> bootId() {
        return Optional.ofNullable(bootId);
    }

    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    /** A new boot: the counter starts again near zero, under another id. */
    public void reboot(String newId) {
        bootId = newId;
        nanos.set(Duration.ofSeconds(40).toNanos());
    }
}
