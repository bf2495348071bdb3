package org.venuegate.poster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CjkFontTest {
    @TempDir
    Path dir;

    @Test
    void findsTheInstalledFontAndItShowsChinese() {
        Path found = CjkFont.locate();
        assertThat(CjkFont.KNOWN_PATHS).contains(found);
        PosterFont font = PosterFont.load(found);
        assertThat(font.cannotDisplayAt("天津市和平区滨江道 津B·D12345 Venue Code")).isEqualTo(-1);
        assertThat(font.ascent()).isBetween(0.6, 1.0);
        assertThat(font.width("国国", 10)).isCloseTo(2 * font.width("国", 10), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void propertyOverrideNamingNoFileSaysWhatToDo() {
        String before = System.getProperty(CjkFont.PROPERTY);
        try {
            System.setProperty(CjkFont.PROPERTY, dir.resolve("missing.ttc").toString());
            assertThatThrownBy(CjkFont::locate)
                    .isInstanceOf(CjkFontNotFoundException.class)
                    .hasMessageContaining(CjkFont.PROPERTY)
                    .hasMessageContaining("missing.ttc")
                    .hasMessageContaining("fonts-wqy-microhei");
        } finally {
            if (before == null) {
                System.clearProperty(CjkFont.PROPERTY);
            } else {
                System.setProperty(CjkFont.PROPERTY, before);
            }
        }
    }

    @Test
    void propertyOverrideIsUsedWhenItExists() throws Exception {
        Path copy = Files.copy(CjkFont.locate(), dir.resolve("copy.ttc"));
        String before = System.getProperty(CjkFont.PROPERTY);
        try {
            System.setProperty(CjkFont.PROPERTY, copy.toString());
            assertThat(CjkFont.locate()).isEqualTo(copy);
        } finally {
            if (before == null) {
                System.clearProperty(CjkFont.PROPERTY);
            } else {
                System.setProperty(CjkFont.PROPERTY, before);
            }
        }
    }

    @Test
    void notFoundMessageListsEveryPathTriedAndBothFixes() {
        String m = CjkFont.notFoundMessage();
        CjkFont.KNOWN_PATHS.forEach(p -> assertThat(m).contains(p.toString()));
        assertThat(m).contains("apt-get install fonts-wqy-microhei").contains("-D" + CjkFont.PROPERTY);
    }

    @Test
    void aFileThatIsNoFontIsReportedAsSuch() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.ttf"), "not a font");
        assertThatThrownBy(() -> new PosterRenderer(junk))
                .isInstanceOf(CjkFontNotFoundException.class)
                .hasMessageContaining("junk.ttf")
                .hasMessageContaining("fonts-wqy-microhei");
    }
}
