package org.xueliang.tracker.agent.probe;

/**
 * Credentials for one probe, decrypted only in memory: ONVIF user/password, SNMP v2c community
 * (in {@code password}), SNMPv3 user with auth and privacy protocols and passphrases.
 * {@link #toString()} never shows a secret, so a logged target leaks nothing.
 */
public record Secrets(String username, String password, String authProtocol, String authPassword,
                      String privProtocol, String privPassword) {

    public static final Secrets NONE = new Secrets(null, null, null, null, null, null);

    public static Secrets onvif(String username, String password) {
        return new Secrets(username, password, null, null, null, null);
    }

    public static Secrets community(String community) {
        return new Secrets(null, community, null, null, null, null);
    }

    @Override
    public String toString() {
        return "Secrets[username=" + username + ", password=" + mask(password) + ", authProtocol=" + authProtocol
                + ", authPassword=" + mask(authPassword) + ", privProtocol=" + privProtocol
                + ", privPassword=" + mask(privPassword) + "]";
    }

    private static String mask(String s) {
        return s == null ? "null" : "***";
    }
}
