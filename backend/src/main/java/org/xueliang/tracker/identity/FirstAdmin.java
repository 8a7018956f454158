package org.xueliang.tracker.identity;

import java.security.SecureRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;

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

    FirstAdmin(AppUserRepository users, PasswordEncoder encoder, AuditTrail audit,
               @Value("${xl.admin-password:}") String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        AppUser admin = new AppUser(USERNAME, "系统管理员", encoder.encode(password), Role.ADMIN);
        users.saveAndFlush(admin);
        audit.recordAs(AuditTrail.SYSTEM_ACTOR, "CREATE", UserService.ENTITY, admin.getId(),
                "Created the first admin account", null, null);
        System.out.println();
        System.out.println("==================================================================");
        System.out.println(" Xueliang Tracker: first start, admin account created");
        System.out.println("   user:     " + USERNAME);
        System.out.println("   password: " + (generated ? password + "   (random, shown only this once)" : "from XL_ADMIN_PASSWORD"));
        System.out.println("==================================================================");
        System.out.println();
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
