package org.venuegate.kiosk.capture;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import org.venuegate.kiosk.capture.CameraUnavailableException.Reason;

/**
 * A 2D scanner that presents itself as a serial port (USB CDC-ACM {@code /dev/ttyACM0}, a USB-serial adapter
 * {@code /dev/ttyUSB0}, {@code COM3} on Windows) and sends each code as one line ending in CR and/or LF. Reads with a
 * short timeout so the supervisor's thread gets control back several times a second; a failed read means the device
 * went away, and the supervisor reopens it by name until it is back (the name is resolved again on every open, so a
 * {@code /dev/serial/by-id/...} link that now points elsewhere is followed).
 */
public final class SerialScannerSource implements CodeSource {
    /** Our codes are about 170 characters; anything this long without a line end is noise. */
    public static final int MAX_LINE_BYTES = 4096;
    public static final int DEFAULT_BAUD = 9600;
    private static final int READ_TIMEOUT_MS = 200;
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final String portName;
    private final int baud;
    private final LineFramer framer;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final byte[] buffer = new byte[512];
    private SerialPort port;

    public SerialScannerSource(String portName, int baud) {
        if (portName == null || portName.isBlank()) {
            throw new IllegalArgumentException("no serial port named");
        }
        this.portName = portName;
        this.baud = baud;
        this.framer = new LineFramer("serial " + portName, MAX_LINE_BYTES);
    }

    /** Opening a port does not block (the native open is non-blocking), so {@code timeout} is not needed here. */
    @Override
    public void open(Duration timeout) throws CameraUnavailableException {
        if (port != null) {
            return;
        }
        Path device = devicePath();
        if (device != null && !Files.exists(device)) {
            throw notFound();
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(portName);
        } catch (SerialPortInvalidPortException e) {
            throw notFound();
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!p.openPort()) {
            throw openFailed(p.getLastErrorCode(), device);
        }
        framer.reset();
        lines.clear();
        port = p;
    }

    /** Where the port lives in the file system, or null where ports are not files (Windows). */
    private Path devicePath() {
        if (WINDOWS) {
            return null;
        }
        return portName.contains("/") ? Path.of(portName) : Path.of("/dev", portName);
    }

    private CameraUnavailableException notFound() {
        return new CameraUnavailableException(Reason.NOT_FOUND, "serial port " + portName
                + " not found (is the scanner plugged in?)");
    }

    private CameraUnavailableException openFailed(int error, Path device) {
        if (WINDOWS) {
            return switch (error) {
                case 2, 3 -> notFound();
                case 5 -> new CameraUnavailableException(Reason.BUSY, "serial port " + portName
                        + " is in use by another program or access was refused");
                default -> new CameraUnavailableException(Reason.DRIVER_ERROR, "cannot open serial port " + portName
                        + " (Windows error " + error + ")");
            };
        }
        return switch (error) {
            case 13 -> new CameraUnavailableException(Reason.BUSY, "no permission to open serial port " + portName
                    + " (add the kiosk's user to the 'dialout' group)");
            case 11, 16, 35 -> busy();
            // jSerialComm reports 2 both for "no such file" and for "already open in this program"
            case 2 -> device != null && Files.exists(device) ? busy() : notFound();
            default -> new CameraUnavailableException(Reason.DRIVER_ERROR, "cannot open serial port " + portName
                    + " (error " + error + ")");
        };
    }

    private CameraUnavailableException busy() {
        return new CameraUnavailableException(Reason.BUSY, "serial port " + portName + " is in use by another program");
    }

    /** @return the next complete line, or null when none completed within the read timeout */
    @Override
    public String next() throws CameraUnavailableException {
        String ready = lines.poll();
        if (ready != null) {
            return ready;
        }
        SerialPort p = port;
        if (p == null) {
            throw new CameraUnavailableException(Reason.UNPLUGGED, "serial port " + portName + " is not open");
        }
        int n = p.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw new CameraUnavailableException(Reason.UNPLUGGED, "serial port " + portName
                    + " stopped answering (scanner unplugged?)");
        }
        framer.feed(buffer, 0, n, lines::add);
        return lines.poll();
    }

    /** How many over-long runs without a line end were dropped. */
    public long discardedRuns() {
        return framer.discardedRuns();
    }

    @Override
    public String describe() {
        return "serial " + portName + " " + baud + " baud";
    }

    @Override
    public void close() {
        SerialPort p = port;
        port = null;
        lines.clear();
        framer.reset();
        if (p != null) {
            p.closePort();
        }
    }
}
