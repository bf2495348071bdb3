package org.venuegate.kiosk.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code camera.source} read once into what it names, so the loader's checks and the kiosk's wiring cannot disagree.
 * {@link #parse} judges the text alone; {@link ReplayVideo#fileProblem()} looks at the file.
 */
public sealed interface CameraSource {
    int MIN_BAUD = 300;
    int MAX_BAUD = 4_000_000;
    /** Video files the kiosk can replay: ISO/QuickTime containers, which is where jcodec decodes H.264. */
    Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov");
    /** Video files people will try that the decoder cannot read; named so the message can say so. */
    Set<String> UNSUPPORTED_VIDEO = Set.of("avi", "mkv", "webm", "flv", "wmv", "mpg", "mpeg", "ts", "3gp", "ogv", "gif");

    /** A USB webcam through webcam-capture. */
    record Webcam() implements CameraSource {
    }

    /** A keyboard-wedge scanner: codes arrive as typed text ending in Enter, nothing to open. */
    record KeyboardScanner() implements CameraSource {
    }

    /** A 2D scanner on a serial port sending one line per code. */
    record Serial(String port, int baud) implements CameraSource {
    }

    /** A folder of images played in name order. */
    record ReplayFolder(Path folder) implements CameraSource {
    }

    /** An MP4/MOV file with H.264 video. */
    record ReplayVideo(Path file) implements CameraSource {
        /** What stops this file from playing, as far as can be told without decoding it; empty when it looks right. */
        public Optional<String> fileProblem() {
            if (!Files.exists(file)) {
                return Optional.of(file + " does not exist" + (file.isAbsolute() ? ""
                        : " (relative to " + Path.of("").toAbsolutePath() + ")"));
            }
            if (!Files.isRegularFile(file)) {
                return Optional.of(file + " is not a file");
            }
            byte[] head = new byte[8];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, 8);
            } catch (IOException e) {
                return Optional.of("cannot read " + file + ": " + e.getMessage());
            }
            // every MP4/MOV starts with a box: 4 bytes of size, then its type
            String type = n == 8 ? new String(head, 4, 4, StandardCharsets.ISO_8859_1) : "";
            if (!Set.of("ftyp", "moov", "mdat", "wide", "free", "skip", "pnot").contains(type)) {
                return Optional.of(file + (n == 0 ? " is empty" : " is not an MP4/MOV file")
                        + "; replay plays a folder of images or an MP4/MOV video");
            }
            return Optional.empty();
        }
    }

    /**
     * Reads {@code camera.source}: {@code webcam}, {@code scanner}, {@code serial:PORT[@BAUD]},
     * {@code replay:FOLDER} or {@code replay:FILE.mp4}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong with the value and how to write it
     */
    static CameraSource parse(String value) {
        if (value.equals("webcam")) {
            return new Webcam();
        }
        if (value.equals("scanner")) {
            return new KeyboardScanner();
        }
        if (value.startsWith("serial:")) {
            return serial(value.substring("serial:".length()));
        }
        if (value.startsWith("replay:")) {
            return replay(value.substring("replay:".length()));
        }
        throw new IllegalArgumentException("must be webcam, scanner, serial:PORT[@BAUD] (e.g. serial:/dev/ttyACM0, "
                + "serial:COM3@9600) or replay:FOLDER / replay:FILE.mp4");
    }

    private static Serial serial(String spec) {
        String port = spec;
        int baud = 9600;
        int at = spec.lastIndexOf('@');
        if (at >= 0) {
            port = spec.substring(0, at);
            String b = spec.substring(at + 1);
            if (!b.matches("\\d{1,9}")) {
                throw new IllegalArgumentException("the baud rate '" + b + "' is not a whole number (e.g. serial:"
                        + (port.isEmpty() ? "/dev/ttyACM0" : port) + "@9600)");
            }
            baud = Integer.parseInt(b);
            if (baud < MIN_BAUD || baud > MAX_BAUD) {
                throw new IllegalArgumentException("the baud rate " + baud + " must be between " + MIN_BAUD + " and " + MAX_BAUD);
            }
        }
        if (port.isEmpty()) {
            throw new IllegalArgumentException("names no port; write e.g. serial:/dev/ttyACM0 or serial:COM3@9600");
        }
        for (int i = 0; i < port.length(); i++) {
            if (Character.isWhitespace(port.charAt(i)) || Character.isISOControl(port.charAt(i))) {
                throw new IllegalArgumentException("the port name must not contain spaces or control characters");
            }
        }
        return new Serial(port, baud);
    }

    private static CameraSource replay(String spec) {
        if (spec.isBlank()) {
            throw new IllegalArgumentException("names no folder or video file; write e.g. replay:training/ or replay:training/clip.mp4");
        }
        Path path;
        try {
            path = Path.of(spec);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("'" + spec + "' is not a valid path: " + e.getReason());
        }
        if (Files.isDirectory(path)) {
            return new ReplayFolder(path);
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (VIDEO_EXTENSIONS.contains(ext)) {
            return new ReplayVideo(path);
        }
        if (UNSUPPORTED_VIDEO.contains(ext)) {
            throw new IllegalArgumentException("." + ext + " files cannot be replayed; convert it to MP4 with H.264 video "
                    + "(e.g. ffmpeg -i " + name + " -c:v libx264 -pix_fmt yuv420p clip.mp4) or use a folder of images");
        }
        if (Files.isRegularFile(path)) {
            return new ReplayVideo(path); // an unknown extension: let the file check say whether it is a video at all
        }
        return new ReplayFolder(path);
    }
}
