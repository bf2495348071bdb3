package org.venuegate.kiosk.gate;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a configured program on each pass (a vendor's turnstile tool, a GPIO script); exit status 0 is success. */
public final class ProgramGate implements GateOutput {
    private final List<String> command;
    private final Duration timeout;

    public ProgramGate(List<String> command, Duration timeout) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no program to run");
        }
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    @Override
    public void open() throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeout.toMillis() + " ms; stopped it");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " ran", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(command.get(0) + " ended with exit status " + p.exitValue());
        }
    }

    @Override
    public String describe() {
        return "program " + String.join(" ", command);
    }
}
