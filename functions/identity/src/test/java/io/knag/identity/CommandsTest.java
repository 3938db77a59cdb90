package io.knag.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.identity.domain.Passwords;
import io.knag.identity.domain.RecoveryCodes;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void registerNormalisesEmailAndTrimsDisplayName() {
        Register register = new Register("  Alice@Example.COM ", "correct horse", "  Alice  ");
        assertThat(register.email()).isEqualTo("alice@example.com");
        assertThat(register.displayName()).isEqualTo("Alice");
    }

    @Test
    void registerReportsEveryMissingOrInvalidField() {
        assertThatThrownBy(() -> new Register(null, null, null))
                .isInstanceOfSatisfying(KnagException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
                    assertThat(e.violations()).extracting(KnagException.Violation::field)
                            .containsExactly("email", "password", "displayName");
                });
        assertViolation(() -> new Register("not-an-email", "correct horse", "A"), "email");
        assertViolation(() -> new Register("a b@example.com", "correct horse", "A"), "email");
        assertViolation(() -> new Register("x".repeat(250) + "@example.com", "correct horse", "A"), "email");
        assertViolation(() -> new Register("a@example.com", "correct horse", "   "), "displayName");
        assertViolation(() -> new Register("a@example.com", "correct horse", "x".repeat(101)), "displayName");
        assertViolation(() -> new Register("a@example.com", "correct horse", "bell\u0007"), "displayName");
    }

    @Test
    void displayNamesMayNotReorderWhatOthersSee() {
        for (String control : new String[] {"\u202E", "\u202A", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069",
                "\u200E", "\u200F", "\u061C", "\u202C"}) {
            assertViolation(() -> new Register("a@example.com", "correct horse", "Ada" + control + "cod.exe"), "displayName");
            assertViolation(() -> new UpdateAccount("Ada" + control), "displayName");
        }
        assertThat(new Register("a@example.com", "correct horse", "Ada \uD83D\uDC69\u200D\uD83D\uDCBB").displayName())
                .as("an emoji joined with U+200D is not a bidi control").endsWith("\uDCBB");
        assertThat(new Register("a@example.com", "correct horse", "\u05E9\u05DC\u05D5\u05DD").displayName())
                .as("right-to-left letters themselves are fine").hasSize(4);
    }

    @Test
    void unpairedSurrogatesAreRefusedInEveryTextAndPasswordField() {
        String lone = "\uD800";
        assertViolation(() -> new Register("a@example.com", "correct horse" + lone, "A"), "password");
        assertViolation(() -> new Register("a@example.com", "correct horse", "A" + lone), "displayName");
        assertViolation(() -> new Register("a@example.com", "correct horse", "A\uDC00"), "displayName");
        assertViolation(() -> new Login("a@example.com", "correct horse" + lone), "password");
        assertViolation(() -> new ChangePassword("correct horse" + lone, "correct horse"), "currentPassword");
        assertViolation(() -> new ChangePassword("correct horse", lone + "correct horse"), "newPassword");
        assertViolation(() -> new Recover("a@example.com", "AAAAA", "correct horse" + lone), "newPassword");
        assertViolation(() -> new DeleteAccount("correct horse" + lone), "password");
        assertViolation(() -> new Refresh("token" + lone), "refreshToken");
        assertThat(new Login("a@example.com", "correct horse \uD83D\uDD11").password()).endsWith("\uDD11");
    }

    @Test
    void loginRefusesOverlongPasswordsBeforeAnyHashing() {
        assertViolation(() -> new Login("a@example.com", "x".repeat(1_000_000)), "password");
        assertViolation(() -> new Login("a@example.com", ""), "password");
    }

    @Test
    void hugePasswordsAreCutBeforeNormalisation() {
        String normalised = Passwords.normalise("x".repeat(1_000_000));
        assertThat(normalised.length()).isLessThan(1000);
        assertThat(Passwords.length(normalised)).isGreaterThan(Passwords.MAX_LENGTH);
    }

    @Test
    void passwordsAreNfkcNormalised() {
        // U+FB01 (the "fi" ligature) and a full-width A normalise to their plain forms
        assertThat(Passwords.normalise("\uFB01sh\uFF21")).isEqualTo("fishA");
    }

    @Test
    void secretsNeverAppearInToString() {
        String marker = "S3cret-Marker-Value";
        assertThat(new Register("a@example.com", marker, "A").toString()).doesNotContain(marker);
        assertThat(new Login("a@example.com", marker).toString()).doesNotContain(marker);
        assertThat(new Refresh(marker).toString()).doesNotContain(marker);
        assertThat(new Logout(marker).toString()).doesNotContain(marker);
        Recover recover = new Recover("a@example.com", marker, marker);
        assertThat(recover.toString()).doesNotContain(recover.recoveryCode()).doesNotContain(recover.newPassword());
        assertThat(new ChangePassword(marker, marker).toString()).doesNotContain(marker);
        assertThat(new DeleteAccount(marker).toString()).doesNotContain(marker);
        assertThat(new TokenPair(marker, marker, "Bearer", 900).toString()).doesNotContain(marker);
        assertThat(new Registered(null, "a@example.com", "A", marker).toString()).doesNotContain(marker);
        assertThat(new RecoveryCode(marker).toString()).doesNotContain(marker);
    }

    @Test
    void recoveryCodesAreLongGroupedAndForgiving() {
        String code = RecoveryCodes.generate();
        assertThat(code).matches("([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(RecoveryCodes.normalise(code.toLowerCase().replace("-", " "))).isEqualTo(code.replace("-", ""));
        assertThat(RecoveryCodes.generate()).isNotEqualTo(code);
    }

    private static void assertViolation(Runnable construct, String field) {
        assertThatThrownBy(construct::run).isInstanceOfSatisfying(KnagException.class,
                e -> assertThat(e.violations()).extracting(KnagException.Violation::field).contains(field));
    }
}
