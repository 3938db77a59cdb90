package io.knag.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uDBFFb", "\uDC00", "ab\uDFFF", "\uDC00\uD800", "\uD83D"})
    void unpairedSurrogatesAreNotText(String text) {
        assertThat(Texts.isWellFormed(text)).isFalse();
        assertRefused(new Validation().text(text, "field", 100), "valid Unicode");
        assertRefused(new Validation().name(text, "field", 100), "valid Unicode");
        assertRefused(new Validation().wellFormed(text, "field"), "valid Unicode");
    }

    @Test
    void pairedSurrogatesAreText() {
        assertThat(Texts.isWellFormed("key \uD83D\uDD11, \uD800\uDC00")).isTrue();
        assertThatCode(() -> new Validation().name("Ada \uD83D\uDC69\u200D\uD83D\uDCBB", "field", 100).throwIfFailed())
                .doesNotThrowAnyException();
        assertThatCode(() -> new Validation().wellFormed(null, "field").throwIfFailed()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C})
    void namesRefuseEveryBidiControl(int codePoint) {
        assertThat(Texts.isBidiControl(codePoint)).isTrue();
        assertRefused(new Validation().name("Ada" + Character.toString(codePoint) + "exe.txt", "field", 100),
                "bidirectional");
    }

    @Test
    void namesRefuseBlanksAndControlCharactersButNotLettersOfAnyDirection() {
        assertRefused(new Validation().name("  ", "field", 100), "blank");
        assertRefused(new Validation().name("a\u0000b", "field", 100), "control");
        assertRefused(new Validation().name("a\u0085b", "field", 100), "control");
        assertRefused(new Validation().name("x".repeat(101), "field", 100), "at most 100");
        assertThat(Texts.isBidiControl('\u05D0')).isFalse();
        assertThat(Texts.isBidiControl('\u200D')).isFalse();
        assertThatCode(() -> new Validation().name("\u05E9\u05DC\u05D5\u05DD Ada", "field", 100).throwIfFailed())
                .doesNotThrowAnyException();
    }

    private static void assertRefused(Validation validation, String message) {
        assertThatThrownBy(validation::throwIfFailed).isInstanceOfSatisfying(KnagException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
            assertThat(e.violations()).extracting(KnagException.Violation::message).anyMatch(m -> m.contains(message));
        });
    }
}
