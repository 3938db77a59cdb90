package io.knag.identity.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.kernel.KnagException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsLongUncommonPassphrasesWithoutCompositionRules() {
        assertThatCode(() -> policy.check("correct horse battery staple", "a@b.io")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("alllowercaseletters", "a@b.io")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("ünïcødé-пароль-密码", "a@b.io")).doesNotThrowAnyException();
    }

    @Test
    void enforcesLengthInCharactersNotBytes() {
        assertWeak("short1!", "at least 8");
        assertThatCode(() -> policy.check("密码密码密码密码", "a@b.io")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("x".repeat(127) + "y", "a@b.io")).doesNotThrowAnyException();
        assertWeak("x".repeat(129), "at most 128");
    }

    @Test
    void rejectsCommonPasswordsWhateverTheirCase() {
        assertWeak("password", "too common");
        assertWeak("PassWord", "too common");
        assertWeak("12345678", "too common");
        assertWeak("baseball", "too common");
    }

    @Test
    void rejectsPasswordsOfOnlySpacesAndAnyWithControlCharacters() {
        assertWeak("        ", "only spaces");
        assertWeak("\u00a0".repeat(10), "only spaces");
        assertWeak("\u3000\t ".repeat(4), "only spaces");
        assertWeak("\u0000".repeat(10), "control characters");
        assertWeak("correct horse\u0000battery", "control characters");
        assertWeak("correct horse\u001bbattery", "control characters");
        assertWeak("correct horse\u0085battery", "control characters");
        assertThatCode(() -> policy.check("correct horse  battery", "a@b.io")).doesNotThrowAnyException();
    }

    @Test
    void rejectsTheAccountsOwnEmail() {
        assertWeak("alice.trader@example.com", "email");
        assertWeak("alice.trader", "email");
    }

    private void assertWeak(String password, String detail) {
        assertThatThrownBy(() -> policy.check(Passwords.normalise(password), "alice.trader@example.com"))
                .isInstanceOfSatisfying(KnagException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.type()).isEqualTo(IdentityProblems.WEAK_PASSWORD);
                    org.assertj.core.api.Assertions.assertThat(e.detail()).contains(detail);
                });
    }
}
