package org.xueliang.tracker.identity;

import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.shared.FirstStart;

/**
 * On the first start (no users at all) creates the {@code admin} account. Its password is
 * {@code XL_ADMIN_PASSWORD} when set, else random and printed once to the console — deliberately
 * not through the logger, so it never lands in a log file. There is no default password.
 *
 * <p>A configured password that breaks the {@link PasswordPolicy} is still taken (refusing to start would
 * lock the operator out), but it must be changed at the first login: the account starts with its password
 * expired. A random one meets the policy by construction.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final String configuredPassword;
    private final FirstStart firstStart;

    FirstAdmin(AppUserRepository users, PasswordEncoder encoder, PasswordPolicy policy, AuditTrail audit, Clock clock,
               @Value("${xl.admin-password:}") String configuredPassword, FirstStart firstStart) {
        this.firstStart = firstStart;
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        // A configured password that breaks the rules is taken, but must be changed at the first login.
        boolean mustChange = !policy.accepts(USERNAME, password);
        // Under the first-start lock: two instances starting on one empty database create one admin,
        // and only the one that did prints the password (after its commit).
        if (!firstStart.once("first admin", () -> users.count() > 0, () -> createAdmin(password, mustChange))) {
            return;
        }
        System.out.println();
        System.out.println("==================================================================");
        System.out.println(" Xueliang Tracker: first start, admin account created");
        System.out.println("   user:     " + USERNAME);
        System.out.println("   password: " + (generated ? password + "   (random, shown only this once)" : "from XL_ADMIN_PASSWORD"));
        if (mustChange) {
            System.out.println("   XL_ADMIN_PASSWORD breaks the password policy: change it at the first login");
        }
        System.out.println("==================================================================");
        System.out.println();
    }

    private void createAdmin(String password, boolean mustChange) {
        AppUser admin = new AppUser(USERNAME, "系统管理员", encoder.encode(password), mustChange ? null : clock.instant(), Role.ADMIN);
        users.saveAndFlush(admin);
        audit.recordAs(AuditTrail.SYSTEM_ACTOR, "CREATE", UserService.ENTITY, admin.getId(),
                "Created the first admin account", null, null);
    }

    /** 16 random letters and digits holding all three kinds, which meets the default policy (3 of 4 kinds, 10 long). */
    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        String password;
        do {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            password = sb.toString();
        } while (PasswordPolicy.characterClasses(password) < 3);
        return password;
    }
}
