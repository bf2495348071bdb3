package org.venuegate.kiosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Time elapsed since the machine booted, counting suspend, plus an id of this boot. The trusted clock carries a hub
 * time forward on it, across kiosk restarts in the same boot. {@link System#nanoTime()} is not enough on its own: on
 * Linux it stops while the PC sleeps, so a kiosk that slept overnight would believe it is still last evening.
 */
public interface BootClock {
    /** Nanoseconds since boot (including suspend where the OS counts it); never goes back within one boot. */
    long nanos();

    /** Identifies this boot, so a stored reading is only reused in the boot it was taken in; empty when unknown. */
    Optional<String> bootId();

    /** Linux: /proc/uptime (CLOCK_BOOTTIME) and the kernel's boot id; elsewhere nanoTime and no boot id. */
    static BootClock system() {
        Path uptime = Path.of("/proc/uptime");
        Path bootId = Path.of("/proc/sys/kernel/random/boot_id");
        if (Files.isReadable(uptime) && Files.isReadable(bootId)) {
            try {
                String id = Files.readString(bootId, StandardCharsets.US_ASCII).strip();
                return new LinuxBootClock(uptime, id);
            } catch (IOException e) {
                // fall through to the portable clock
            }
        }
        return new BootClock() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public Optional<String> bootId() {
                return Optional.empty();
            }
        };
    }

    /** /proc/uptime has 10 ms resolution; nanoTime fills in between reads so readings never stand still or go back. */
    final class LinuxBootClock implements BootClock {
        private final Path uptime;
        private final String id;
        private long lastUptimeNanos = Long.MIN_VALUE;
        private long lastSystemNanos;
        private long last = Long.MIN_VALUE;

        LinuxBootClock(Path uptime, String id) {
            this.uptime = uptime;
            this.id = id;
        }

        @Override
        public synchronized long nanos() {
            long sys = System.nanoTime();
            long value;
            try {
                String first = Files.readString(uptime, StandardCharsets.US_ASCII).split("\\s+")[0];
                long up = new java.math.BigDecimal(first).movePointRight(9).longValue();
                lastUptimeNanos = up;
                lastSystemNanos = sys;
                value = up;
            } catch (IOException | RuntimeException e) {
                value = lastUptimeNanos == Long.MIN_VALUE ? sys : lastUptimeNanos + (sys - lastSystemNanos);
            }
            last = Math.max(last, value);
            return last;
        }

        @Override
        public Optional<String> bootId() {
            return Optional.of(id);
        }
    }
}
