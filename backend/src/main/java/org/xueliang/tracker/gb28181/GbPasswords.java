package org.xueliang.tracker.gb28181;

import java.time.Duration;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.ledger.GbDirectory;

/**
 * The REGISTER password of a device code: its own (a GB28181 credential in the ledger) or else the server default
 * {@code XL_GB_PASSWORD}. Most devices use the default, so asking the ledger for every REGISTER is a wasted query:
 * this keeps the set of codes that have their own password (codes only, no secrets), read again when it is older
 * than {@link #TTL} and a REGISTER needs it. A code in the set has its password read from the ledger every time, so
 * a changed or removed password counts at once; a device that gets its first own password is checked against it
 * within {@link #TTL} on every replica (until then the default still opens it).
 */
@Component
class GbPasswords {

    static final Duration TTL = Duration.ofSeconds(5);

    private record Snapshot(Set<String> codes, long readAtNanos) {
    }

    private final GbDirectory directory;
    private final GbSettings settings;
    private volatile Snapshot snapshot;

    GbPasswords(GbDirectory directory, GbSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    /** The password to check a REGISTER of {@code code} against; empty when there is none at all. */
    String passwordOf(String code) {
        if (!ownPasswordCodes().contains(code)) {
            return settings.defaultPassword();
        }
        return directory.passwordOf(code).orElse(settings.defaultPassword());
    }

    private Set<String> ownPasswordCodes() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s == null || now - s.readAtNanos() > TTL.toNanos()) {
            // Two threads may both read it at the moment it expires; the query is cheap and either result is right.
            s = new Snapshot(directory.codesWithOwnPassword(), now);
            snapshot = s;
        }
        return s.codes();
    }
}
