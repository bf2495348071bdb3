package org.venuegate.kiosk.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a small file all at once: the bytes go to a temporary file beside it, are forced to disk, and the temporary
 * file is renamed over the target. A power cut leaves either the old file or the new one, never half of each.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * @param ownerOnly create the file readable by its owner only (it holds a secret); otherwise an existing file keeps
     *                  its permissions
     */
    public static void write(Path target, byte[] data, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // createTempFile gives rw------- on POSIX, which is right for secrets; copy the old mode otherwise
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            if (!ownerOnly && Files.exists(target)) {
                copyPermissions(target, tmp);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view != null) {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            Files.setPosixFilePermissions(to, perms);
        }
    }

    /** The rename itself is durable only once the directory entry is on disk; not every platform can do this. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; the rename is still atomic there
        }
    }
}
