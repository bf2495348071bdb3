package org.venuegate.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineFramerTest {
    private static final String CODE = "VGH1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDEXWK G2EP4J0BGJLFX/B5 ZE%4";

    /** Reads the stream the way the serial source reads its port: chunks of at most {@code chunk} bytes. */
    private static List<String> frame(InputStream in, int chunk, LineFramer framer) throws IOException {
        List<String> lines = new ArrayList<>();
        byte[] buf = new byte[chunk];
        int n;
        while ((n = in.read(buf, 0, chunk)) >= 0) {
            framer.feed(buf, 0, n, lines::add);
        }
        return lines;
    }

    private static List<String> frame(String input, int chunk) throws IOException {
        return frame(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), chunk, new LineFramer("test", 4096));
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
    void crLfAndCrlfEachEndOneLineHoweverTheBytesAreSplit(int chunk) throws IOException {
        String input = CODE + "\r\n" + "SECOND\n" + "THIRD\r" + "FOURTH\r\n" + "\r\n\n\r" + "FIFTH\n\r";
        assertThat(frame(input, chunk)).containsExactly(CODE, "SECOND", "THIRD", "FOURTH", "FIFTH");
    }

    @Test
    void aLineWithoutItsEndIsHeldUntilTheEndArrives() {
        LineFramer framer = new LineFramer("test", 4096);
        List<String> lines = new ArrayList<>();
        byte[] first = (CODE.substring(0, 40)).getBytes(StandardCharsets.US_ASCII);
        byte[] rest = (CODE.substring(40) + "\r").getBytes(StandardCharsets.US_ASCII);
        framer.feed(first, 0, first.length, lines::add);
        assertThat(lines).isEmpty();
        assertThat(framer.midLine()).isTrue();
        framer.feed(rest, 0, rest.length, lines::add);
        assertThat(lines).containsExactly(CODE);
        byte[] lf = {'\n'}; // the LF of a CRLF arriving in the next read adds no empty line
        framer.feed(lf, 0, 1, lines::add);
        assertThat(lines).containsExactly(CODE);
        assertThat(framer.midLine()).isFalse();
    }

    @Test
    void aTrailingPartialLineAtTheEndOfTheStreamIsNotACode() throws IOException {
        assertThat(frame("ONE\nTWO-WITHOUT-END", 5)).containsExactly("ONE");
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 13, 1000})
    void overLongGarbageIsDiscardedUpToTheNextLineEndAndReadingGoesOn(int chunk) throws IOException {
        LineFramer framer = new LineFramer("test", 100);
        String garbage = "x".repeat(5000);
        String exactlyMax = "y".repeat(100);
        String input = "BEFORE\n" + garbage + "\r\nAFTER\n" + exactlyMax + "\n" + "z".repeat(101) + "\nLAST\n";
        List<String> lines = frame(new ByteArrayInputStream(input.getBytes(StandardCharsets.US_ASCII)), chunk, framer);
        assertThat(lines).containsExactly("BEFORE", "AFTER", exactlyMax, "LAST");
        assertThat(framer.discardedRuns()).isEqualTo(2);
    }

    @Test
    void garbageThatNeverEndsKeepsMemoryBounded() {
        LineFramer framer = new LineFramer("test", 64);
        List<String> lines = new ArrayList<>();
        byte[] noise = new byte[1000];
        java.util.Arrays.fill(noise, (byte) 0x55);
        for (int i = 0; i < 1000; i++) {
            framer.feed(noise, 0, noise.length, lines::add); // a megabyte of noise at a wrong baud rate
        }
        assertThat(lines).isEmpty();
        byte[] ok = "\nGOOD\n".getBytes(StandardCharsets.US_ASCII);
        framer.feed(ok, 0, ok.length, lines::add);
        assertThat(lines).containsExactly("GOOD");
    }

    @Test
    void controlCharactersAroundAndInsideACodeAreDroppedAndBlankLinesSkipped() throws IOException {
        assertThat(frame("\u0002" + CODE + "\u0003\r\n\u0000\n\u0002\u0003\n", 4)).containsExactly(CODE);
    }

    @Test
    void spacesInsideACodeAreKeptBecauseBase45UsesThem() throws IOException {
        assertThat(frame("A B \n", 2)).containsExactly("A B ");
    }

    @Test
    void utf8SplitAcrossReadsComesOutWhole() throws IOException {
        assertThat(frame("滨江道百货大楼\r\n", 1)).containsExactly("滨江道百货大楼");
    }

    @Test
    void resetForgetsAHalfLine() {
        LineFramer framer = new LineFramer("test", 4096);
        List<String> lines = new ArrayList<>();
        byte[] half = "HALF".getBytes(StandardCharsets.US_ASCII);
        framer.feed(half, 0, half.length, lines::add);
        framer.reset();
        byte[] next = "NEXT\n".getBytes(StandardCharsets.US_ASCII);
        framer.feed(next, 0, next.length, lines::add);
        assertThat(lines).containsExactly("NEXT");
    }
}
