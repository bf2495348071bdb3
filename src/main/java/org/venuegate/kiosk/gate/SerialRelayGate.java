package org.venuegate.kiosk.gate;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A USB or RS-232 relay board: writes the configured bytes (such as {@code A0 01 01 A2} for the common LCUS boards)
 * to a serial port on each pass. The port is opened for each pass and closed after, so an unplugged relay is found
 * on the next pass and a replugged one works again without a restart.
 */
public final class SerialRelayGate implements GateOutput {
    private final String portName;
    private final int baud;
    private final byte[] command;
    private final int timeoutMillis;

    public SerialRelayGate(String portName, int baud, byte[] command, int timeoutMillis) {
        this.portName = portName;
        this.baud = baud;
        this.command = command.clone();
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * How long a pseudo-terminal is held open after the command. Its other end is a process (a network serial bridge,
     * socat), and jSerialComm's close discards (tcflush) what that process has not read yet; a UART's blocking write
     * has put the bytes on the wire before it returns, a pty's has not had them read.
     */
    static final long PTY_HOLD_MILLIS = 200;

    @Override
    public void open() throws IOException {
        boolean pseudoTerminal = false;
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            Path device = portName.contains("/") ? Path.of(portName) : Path.of("/dev", portName);
            if (!Files.exists(device)) {
                throw new IOException("relay port " + portName + " not found (is the relay plugged in?)");
            }
            pseudoTerminal = device.toRealPath().startsWith("/dev/pts/");
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(portName);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("relay port " + portName + " not found (is the relay plugged in?)", e);
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, timeoutMillis);
        if (!p.openPort()) {
            throw new IOException("cannot open relay port " + portName + " (error " + p.getLastErrorCode()
                    + "; in use by another program, or no permission: add the user to the dialout group)");
        }
        try {
            int written = p.writeBytes(command, command.length);
            if (written != command.length) {
                throw new IOException("relay port " + portName + " took " + Math.max(0, written) + " of " + command.length
                        + " bytes within " + timeoutMillis + " ms");
            }
            // No flushIOBuffers() here: it discards (tcflush), it does not send. The blocking write has drained to the
            // wire already, and on a virtual port (a pty, a network serial bridge) it threw away the command before the
            // other side had read it.
            if (pseudoTerminal) {
                try {
                    Thread.sleep(PTY_HOLD_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            p.closePort();
        }
    }

    @Override
    public String describe() {
        return "serial relay " + portName + " at " + baud + " baud";
    }
}
