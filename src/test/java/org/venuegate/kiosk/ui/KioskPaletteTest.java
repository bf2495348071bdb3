package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The prompt's colours, read from kiosk.css itself: every pair of decisions stays apart for a deuteranope, a
 * protanope (Machado et al. 2009, full severity) and in greyscale, and every text has a contrast of 7:1 (WCAG AAA).
 * The phone's code card is held to the same contrast.
 */
class KioskPaletteTest {
    static final List<String> CATEGORIES = List.of("pass", "health", "rescan", "invalid");
    static final double[][] DEUTERANOPIA = {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
        {-0.011820, 0.042940, 0.968881}};
    static final double[][] PROTANOPIA = {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
        {-0.003882, -0.048116, 1.051998}};
    /** CIE76 distance below which two large areas start to look alike; ours must stay well above. */
    static final double MIN_DELTA_E = 20;
    static final double MIN_GREY_LIGHTNESS_STEP = 15;

    static Map<String, double[]> variables(String resource) throws IOException {
        String css;
        try (InputStream in = KioskPaletteTest.class.getResourceAsStream(resource)) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, double[]> vars = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(-vg-[a-z-]+):\\s*(#[0-9a-fA-F]{6}|white|black)\\s*;").matcher(css);
        while (m.find()) {
            vars.putIfAbsent(m.group(1), rgb(m.group(2)));
        }
        return vars;
    }

    static double[] rgb(String c) {
        String hex = switch (c) {
            case "white" -> "#ffffff";
            case "black" -> "#000000";
            default -> c;
        };
        int v = Integer.parseInt(hex.substring(1), 16);
        return new double[] {(v >> 16) & 255, (v >> 8) & 255, v & 255};
    }

    static double lin(double c) {
        c /= 255;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    static double[] linear(double[] rgb) {
        return new double[] {lin(rgb[0]), lin(rgb[1]), lin(rgb[2])};
    }

    static double luminance(double[] lin) {
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }

    static double contrast(double[] a, double[] b) {
        double la = luminance(linear(a));
        double lb = luminance(linear(b));
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double[] simulate(double[] rgb, double[][] m) {
        double[] l = linear(rgb);
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = Math.max(0, Math.min(1, m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]));
        }
        return out;
    }

    static double[] lab(double[] lin) {
        double x = 0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2];
        double y = luminance(lin);
        double z = 0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2];
        double fx = f(x / 0.95047);
        double fy = f(y);
        double fz = f(z / 1.08883);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    @Test
    void everyPairOfDecisionsStaysApartForColourBlindEyesAndInGreyscale() throws IOException {
        Map<String, double[]> v = variables("/org/venuegate/kiosk/ui/kiosk.css");
        for (int i = 0; i < CATEGORIES.size(); i++) {
            for (int j = i + 1; j < CATEGORIES.size(); j++) {
                double[] a = v.get("-vg-" + CATEGORIES.get(i));
                double[] b = v.get("-vg-" + CATEGORIES.get(j));
                String pair = CATEGORIES.get(i) + "/" + CATEGORIES.get(j);
                assertThat(distance(lab(linear(a)), lab(linear(b)))).as(pair + " normal vision").isGreaterThan(MIN_DELTA_E);
                assertThat(distance(lab(simulate(a, DEUTERANOPIA)), lab(simulate(b, DEUTERANOPIA))))
                        .as(pair + " deuteranopia").isGreaterThan(MIN_DELTA_E);
                assertThat(distance(lab(simulate(a, PROTANOPIA)), lab(simulate(b, PROTANOPIA))))
                        .as(pair + " protanopia").isGreaterThan(MIN_DELTA_E);
                assertThat(Math.abs(lab(linear(a))[0] - lab(linear(b))[0])).as(pair + " greyscale lightness")
                        .isGreaterThan(MIN_GREY_LIGHTNESS_STEP);
            }
        }
    }

    @Test
    void everyTextOnThePromptHasAContrastOfSevenToOne() throws IOException {
        Map<String, double[]> v = variables("/org/venuegate/kiosk/ui/kiosk.css");
        for (String c : List.of("pass", "health", "rescan", "invalid", "idle")) {
            assertThat(contrast(v.get("-vg-" + c), v.get("-vg-" + c + "-text"))).as(c).isGreaterThanOrEqualTo(7);
        }
        assertThat(contrast(v.get("-vg-bar"), v.get("-vg-bar-text"))).as("status bar").isGreaterThanOrEqualTo(7);
        assertThat(contrast(v.get("-vg-bar"), v.get("-vg-bar-warn"))).as("status bar warning").isGreaterThanOrEqualTo(7);
    }

    @Test
    void thePhonesCodeCardHasAContrastOfSevenToOneInEveryColour() throws IOException {
        Map<String, double[]> v = variables("/org/venuegate/phone/phone.css");
        assertThat(contrast(v.get("-vg-green"), rgb("white"))).as("green card").isGreaterThanOrEqualTo(7);
        assertThat(contrast(v.get("-vg-red"), rgb("white"))).as("red card").isGreaterThanOrEqualTo(7);
        assertThat(contrast(v.get("-vg-yellow"), rgb("black"))).as("yellow card").isGreaterThanOrEqualTo(7);
    }
}
