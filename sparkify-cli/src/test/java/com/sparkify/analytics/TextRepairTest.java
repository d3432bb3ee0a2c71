package com.sparkify.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextRepairTest {
    /** Encodes as UTF-8 and reads the bytes back as Latin-1: the mistake that made the sample's mojibake. */
    private static String misread(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void repairsTheSamplesDoubleEncodedArtist() {
        String raw = "Bj\u00c3\u0083\u00c2\u00b6rk";

        assertThat(TextRepair.repair(raw)).isEqualTo("Björk");
        assertThat(TextRepair.looksDoubleEncoded(raw)).isTrue();
    }

    @Test
    void repairsAnyNumberOfMisreadings() {
        String once = misread("Noir Désir – Ça");
        String thrice = misread(misread(once));

        assertThat(TextRepair.repair(once)).isEqualTo("Noir Désir – Ça");
        assertThat(TextRepair.repair(thrice)).isEqualTo("Noir Désir – Ça");
    }

    @Test
    void leavesCorrectTextAlone() {
        assertThat(TextRepair.repair("Beyoncé")).isEqualTo("Beyoncé");
        assertThat(TextRepair.repair("Sigur Rós – Hoppípolla")).isEqualTo("Sigur Rós – Hoppípolla");
        assertThat(TextRepair.repair("Plain ASCII")).isEqualTo("Plain ASCII");
        assertThat(TextRepair.repair("東京事変")).isEqualTo("東京事変");
        assertThat(TextRepair.repair("")).isEmpty();
        assertThat(TextRepair.repair(null)).isNull();
        assertThat(TextRepair.looksDoubleEncoded("Beyoncé")).isFalse();
    }

    @Test
    void leavesAmbiguousTextAlone() {
        // Latin-1 bytes that are not valid UTF-8: a repair would be a guess.
        assertThat(TextRepair.repair("Ã")).isEqualTo("Ã");
        // Mixed: a character outside Latin-1 beside mojibake cannot have come from one misreading.
        String mixed = misread("é") + "€";
        assertThat(TextRepair.repair(mixed)).isEqualTo(mixed);
    }
}
