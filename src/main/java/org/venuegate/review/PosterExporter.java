package org.venuegate.review;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.venuegate.api.Venue;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.verify.CodeVerifier;
import org.venuegate.core.verify.VerificationPolicy;
import org.venuegate.poster.ColourMode;
import org.venuegate.poster.PaperSize;
import org.venuegate.poster.PosterContent;
import org.venuegate.poster.PosterRenderer;
import org.venuegate.poster.PosterSelfTest;

/**
 * Renders venue-code posters with the same renderer the hub uses, and releases one only after its own image was
 * read back and the signature verified (a poster that fails is never offered). Exports PDF and PNG, one venue or
 * every venue of a credit code (chains), with progress and cancel.
 */
public final class PosterExporter {
    static final int PNG_DPI = 200;

    /** A poster that passed its self-test. */
    public record Prepared(long venueId, String number, PosterContent content, BufferedImage image) {
    }

    /** Progress of a batch. */
    public interface Progress {
        void update(int done, int total, String current);
    }

    /** What a batch did. */
    public record BatchResult(List<Path> written, List<String> refused, boolean cancelled) {
    }

    /** A poster that failed its self-test, or a venue that cannot have one. */
    public static final class PosterRefused extends Exception {
        private static final long serialVersionUID = 1L;

        public PosterRefused(String message) {
            super(message, null, false, false);
        }
    }

    private final ReviewHubClient hub;
    private final PosterRenderer renderer;
    private final Clock clock;

    public PosterExporter(ReviewHubClient hub, PosterRenderer renderer, Clock clock) {
        this.hub = hub;
        this.renderer = renderer;
        this.clock = clock;
    }

    public Prepared prepare(long venueId, PaperSize size, ColourMode mode) throws ReviewHubClient.HubException, PosterRefused {
        return prepare(hub.venue(venueId), hub.trustList(), size, mode);
    }

    private Prepared prepare(Venue v, TrustList trust, PaperSize size, ColourMode mode) throws PosterRefused {
        if (v.revoked()) {
            throw new PosterRefused("venue " + v.number() + " is revoked; its poster is not offered");
        }
        PosterRenderer.Checked checked = renderer.renderChecked(PosterContent.of(v), size, mode, PNG_DPI,
                new CodeVerifier(trust, VerificationPolicy.DEFAULT), clock.instant());
        PosterSelfTest.Verified check = checked.check();
        if (!check.passed()) {
            throw new PosterRefused("poster of " + checked.content().venueNumber() + " failed its self-test: " + check.scan().status()
                    + check.verification().map(r -> " / " + r).orElse(""));
        }
        return new Prepared(v.id(), checked.content().venueNumber(), checked.content(), checked.image());
    }

    public Path exportPdf(Prepared p, PaperSize size, ColourMode mode, Path file) throws IOException {
        Files.write(file, renderer.renderPdf(p.content(), size, mode));
        return file;
    }

    public Path exportPng(Prepared p, Path file) throws IOException {
        if (!ImageIO.write(p.image(), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }

    /** Every venue of one legal entity as PDFs into {@code dir}; refused posters are listed, not written. */
    public BatchResult exportAll(String creditCode, Path dir, PaperSize size, ColourMode mode, Progress progress,
                                 BooleanSupplier cancelled) throws ReviewHubClient.HubException, IOException {
        return exportAll(creditCode, dir, size, mode, false, progress, cancelled);
    }

    /**
     * Every venue of one legal entity into {@code dir}, as PDF or PNG, named by venue number and name; refused
     * posters are listed, not written.
     */
    public BatchResult exportAll(String creditCode, Path dir, PaperSize size, ColourMode mode, boolean png, Progress progress,
                                 BooleanSupplier cancelled) throws ReviewHubClient.HubException, IOException {
        List<Venue> venues = hub.venuesOf(creditCode);
        TrustList trust = hub.trustList();
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int total = venues.size();
        for (int i = 0; i < total; i++) {
            if (cancelled.getAsBoolean()) {
                return new BatchResult(written, refused, true);
            }
            Venue v = venues.get(i);
            progress.update(i, total, v.name());
            try {
                Prepared p = prepare(v, trust, size, mode);
                String file = "venue-" + p.number() + "-" + v.name().replaceAll("[\\\\/:*?\"<>|\\s]+", "_")
                        + (png ? ".png" : ".pdf");
                written.add(png ? exportPng(p, dir.resolve(file)) : exportPdf(p, size, mode, dir.resolve(file)));
            } catch (PosterRefused e) {
                refused.add(e.getMessage());
            }
        }
        progress.update(total, total, "");
        return new BatchResult(written, refused, false);
    }
}
