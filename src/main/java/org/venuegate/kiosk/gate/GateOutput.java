package org.venuegate.kiosk.gate;

import java.io.IOException;

/**
 * What opens the turnstile on a pass: a command written to a serial relay, or a program run. Implementations may
 * block (a relay that does not answer, a program that hangs); {@link Gate} calls them off the decision path, with a
 * timeout, so a failing gate never delays a decision or the journal.
 */
public interface GateOutput {
    /** @throws IOException with a message an operator can act on ("port /dev/ttyUSB0 not found", "exit status 3") */
    void open() throws IOException;

    /** What it is, for the log and the status line ("serial /dev/ttyUSB0 at 9600 baud", "program /usr/bin/open-gate"). */
    String describe();
}
