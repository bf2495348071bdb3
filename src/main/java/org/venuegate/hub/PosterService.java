package org.venuegate.hub;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import javax.imageio.ImageIO;
import org.venuegate.api.Venue;
import org.venuegate.core.verify.CodeVerifier;
import org.venuegate.core.verify.Reason;
import org.venuegate.core.verify.VerificationPolicy;
import org.venuegate.hub.api.ApiException;
import org.venuegate.poster.ColourMode;
import org.venuegate.poster.PaperSize;
import org.venuegate.poster.PosterContent;
import org.venuegate.poster.PosterRenderer;
import org.venuegate.poster.PosterSelfTest;

/**
 * Serves the same poster the review workstation prints. A poster is only handed out after its own rendered image
 * was read back and its signature verified against the current trust list.
 */
public final class PosterService {
    static final int PNG_DPI = 150;

    private final TrustService trust;
    private final Clock clock;
    private volatile PosterRenderer renderer;

    public PosterService(TrustService trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    private PosterRenderer renderer() {
        // Created on first use: the font lookup fails on machines without a CJK font, which must not stop the hub.
        PosterRenderer r = renderer;
        if (r == null) {
            try {
                r = new PosterRenderer();
            } catch (IllegalStateException e) {
                throw new ApiException(503, "POSTER_FONT_MISSING", e.getMessage());
            }
            renderer = r;
        }
        return r;
    }

    private PosterRenderer.Checked checked(Venue v, PaperSize size, ColourMode mode) {
        CodeVerifier verifier = new CodeVerifier(trust.currentList(), VerificationPolicy.DEFAULT);
        // A code signed with a key revoked since is the venue's state, not a fault of the poster: no need to render it
        // to know it would fail its self-test, and no 500 for an answer the admin caused on purpose.
        if (verifier.verifyVenue(v.codeText(), clock.instant()).reason() == Reason.REVOKED_KEY) {
            throw ApiException.conflict("VENUE_CODE_KEY_REVOKED", "the code of venue " + v.id()
                    + " is signed with a key that has been revoked; it no longer verifies, so its poster is not offered");
        }
        PosterRenderer.Checked checked = renderer().renderChecked(PosterContent.of(v), size, mode, PNG_DPI, verifier, clock.instant());
        PosterSelfTest.Verified check = checked.check();
        if (!check.passed()) {
            throw new ApiException(500, "POSTER_SELF_TEST_FAILED", "the rendered poster did not read back as a valid venue code ("
                    + check.scan().status() + check.verification().map(r -> ", " + r).orElse("") + "); it is not offered");
        }
        return checked;
    }

    public byte[] png(Venue v, PaperSize size, ColourMode mode) {
        BufferedImage img = checked(v, size, mode).image();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The PDF of the symbol the self-test read (its mask included). */
    public byte[] pdf(Venue v, PaperSize size, ColourMode mode) {
        return renderer().renderPdf(checked(v, size, mode).content(), size, mode);
    }
}
