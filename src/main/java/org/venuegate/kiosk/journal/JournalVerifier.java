package org.venuegate.kiosk.journal;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/** {@code venuegate kiosk --verify-journal FILE}: checks a journal without changing it and says what it found. */
public final class JournalVerifier {
    private JournalVerifier() {
    }

    /** @return 0 when the journal verifies, 1 when it is damaged, incomplete, edited or unreadable */
    public static int verify(Path file, PrintWriter out) {
        VerifyReport report = report(file);
        out.println(report.message());
        out.flush();
        return report.ok() ? 0 : 1;
    }

    /** The report for a journal file; never throws, a missing or foreign file is reported as damaged. */
    public static VerifyReport report(Path file) {
        if (!Files.isRegularFile(file)) {
            return new VerifyReport(VerifyReport.Status.DAMAGED, 0, 0, 0, 0, 0, "no journal file at " + file);
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(10_000);
        // No schema creation and no journal-mode change here: verifying must not alter the evidence.
        try (Connection c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            return Journal.verify(c, file);
        } catch (SQLException | RuntimeException e) {
            return new VerifyReport(VerifyReport.Status.DAMAGED, 0, 0, 0, 0, 0,
                    "journal " + file + " cannot be read (damaged or not a journal): " + e.getMessage());
        }
    }
}
