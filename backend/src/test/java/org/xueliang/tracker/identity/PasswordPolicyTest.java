package org.xueliang.tracker.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.testing.BundleTexts;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(BundleTexts.texts(), 10, 3, true, 90);
    private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private List<String> messages(String username, String password) {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        return policy.check("password", username, password).stream().map(FieldProblem::message).toList();
    }

    @Test
    void acceptsTenCharactersOfThreeKindsWithoutTheUserName() {
        assertThat(messages("zhang.san", "Xueliang-2026")).isEmpty();
        assertThat(messages("zhang.san", "xueliang2026AB")).isEmpty();
        assertThat(messages("admin", "Test-Chief-Passw0rd")).isEmpty();
    }

    @Test
    void namesEachBrokenRule() {
        assertThat(messages("zhang.san", "Ab1-xyz")).containsExactly("needs at least 10 characters");
        assertThat(messages("zhang.san", "lowercase12345")).singleElement().asString().startsWith("needs at least 3 of");
        assertThat(messages("zhang.san", "My-ZHANG.SAN-1")).containsExactly("must not contain the user name");
        assertThat(messages("zhang.san", "Aa1-" + "长".repeat(30))).containsExactly("is longer than 72 bytes, the most bcrypt reads");
        assertThat(messages("zhang.san", "")).containsExactly("is required");
    }

    @Test
    void speaksChineseByDefault() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(policy.check("password", "u", "short")).extracting(FieldProblem::message)
                .contains("至少需要 10 个字符");
    }

    @Test
    void countsCharacterKinds() {
        assertThat(PasswordPolicy.characterClasses("abc")).isEqualTo(1);
        assertThat(PasswordPolicy.characterClasses("aB3")).isEqualTo(3);
        assertThat(PasswordPolicy.characterClasses("aB3-")).isEqualTo(4);
        assertThat(PasswordPolicy.characterClasses("密码abc")).isEqualTo(2);
    }

    @Test
    void expiresAfterTheMaximumAgeAndNeverWithZero() {
        assertThat(policy.expired(now.minus(Duration.ofDays(89)), now)).isFalse();
        assertThat(policy.expired(now.minus(Duration.ofDays(90)), now)).isTrue();
        assertThat(policy.expiresAt(now)).isEqualTo(now.plus(Duration.ofDays(90)));
        // Never set by its user (a policy-breaking first admin password): expired at once.
        assertThat(policy.expired(null, now)).isTrue();
        PasswordPolicy never = new PasswordPolicy(BundleTexts.texts(), 10, 3, true, 0);
        assertThat(never.expired(now.minus(Duration.ofDays(3650)), now)).isFalse();
        assertThat(never.expiresAt(now)).isNull();
    }
}
