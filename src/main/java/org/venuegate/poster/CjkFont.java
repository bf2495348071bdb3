package org.venuegate.poster;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the CJK font file the poster is drawn with. Both painters (Java2D and PDF) load this one file, so the PNG and the
 * PDF show the same glyphs and the layout measured with it holds for both.
 */
public final class CjkFont {
    /** System property naming a TrueType font or collection (.ttf/.ttc) to use instead of the known paths. */
    public static final String PROPERTY = "venuegate.cjkFont";

    /**
     * TrueType-outline fonts only: PDFBox embeds TrueType outlines as a CIDFontType2 subset; CFF-based OpenType CJK fonts
     * (Noto Sans CJK .otf/.ttc) it cannot embed that way.
     */
    public static final List<Path> KNOWN_PATHS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), // Debian, Ubuntu: fonts-wqy-microhei (CI installs it)
            Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"), // Fedora: wqy-microhei-fonts
            Path.of("C:/Windows/Fonts/msyh.ttc"),                      // Windows: Microsoft YaHei
            Path.of("C:/Windows/Fonts/simhei.ttf"));                   // Windows: SimHei

    private CjkFont() {
    }

    /**
     * The font file to use: the {@value #PROPERTY} system property when set (and then only that file, so a typo is
     * reported rather than silently replaced), otherwise the first known path that exists.
     *
     * @throws CjkFontNotFoundException naming what was tried and how to fix it
     */
    public static Path locate() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            Path p;
            try {
                p = Path.of(override.strip());
            } catch (InvalidPathException e) {
                throw new CjkFontNotFoundException("system property " + PROPERTY + "=" + override
                        + " is not a valid path; point it at a TrueType font with Chinese glyphs (.ttf or .ttc)", e);
            }
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new CjkFontNotFoundException("system property " + PROPERTY + "=" + override
                        + " names no readable file; point it at a TrueType font with Chinese glyphs (.ttf or .ttc),"
                        + " or unset it to use " + KNOWN_PATHS.get(0) + " from Debian package fonts-wqy-microhei");
            }
            return p;
        }
        for (Path p : KNOWN_PATHS) {
            if (Files.isRegularFile(p) && Files.isReadable(p)) {
                return p;
            }
        }
        throw new CjkFontNotFoundException(notFoundMessage());
    }

    static String notFoundMessage() {
        return "no CJK font for the venue-code poster; tried "
                + KNOWN_PATHS.stream().map(Path::toString).collect(Collectors.joining(", "))
                + ". Install one (Debian/Ubuntu: apt-get install fonts-wqy-microhei) or start with -D" + PROPERTY
                + "=/path/to/a-chinese-font.ttc (a TrueType font or collection with Chinese glyphs)";
    }
}
