package org.venuegate.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Base45Test {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"AB|BB8", "Hello!!|%69 VD92EX0", "base-45|UJCLQE7W581", "ietf!|QED8WEX0"})
    void rfc9285Vectors(String plain, String encoded) {
        assertThat(Base45.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
        assertThat(new String(Base45.decode(encoded), StandardCharsets.US_ASCII)).isEqualTo(plain);
    }

    @Test
    void roundTripsRandomBytes() {
        Random r = new Random(1);
        for (int n = 0; n < 300; n++) {
            byte[] data = new byte[n];
            r.nextBytes(data);
            assertThat(Base45.decode(Base45.encode(data))).isEqualTo(data);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GGW", "A", "ab", "ÄB8", "BB8B", ":::", "::"})
    void rejectsInvalidText(String text) {
        assertThatThrownBy(() -> Base45.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
