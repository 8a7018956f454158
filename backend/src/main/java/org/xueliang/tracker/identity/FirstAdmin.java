package org.xueliang.tracker.identity;

import java.security.SecureRandom;

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
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final String configuredPassword;
    private final FirstStart firstStart;

    FirstAdmin(AppUserRepository users, PasswordEncoder encoder, AuditTrail audit,
               @Value("${xl.admin-password:}") String configuredPassword, FirstStart firstStart) {
        this.firstStart = firstStart;
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        // Under the first-start lock: two instances starting on one empty database create one admin,
        // and only the one that did prints the password (after its commit).
        if (!firstStart.once("first admin", () -> users.count() > 0, () -> createAdmin(password))) {
            return;
        }
        System.out.println();
        System.out.println("==================================================================");
        System.out.println(" Xueliang Tracker: first start, admin account created");
        System.out.println("   user:     " + USERNAME);
        System.out.println("   password: " + (generated ? password + "   (random, shown only this once)" : "from XL_ADMIN_PASSWORD"));
        System.out.println("==================================================================");
        System.out.println();
    }

    private void createAdmin(String password) {
        AppUser admin = new AppUser(USERNAME, "系统管理员", encoder.encode(password), Role.ADMIN);
        users.saveAndFlush(admin);
        audit.recordAs(AuditTrail.SYSTEM_ACTOR, "CREATE", UserService.ENTITY, admin.getId(),
                "Created the first admin account", null, null);
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
