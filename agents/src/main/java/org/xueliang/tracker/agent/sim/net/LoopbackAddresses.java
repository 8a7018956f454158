package org.xueliang.tracker.agent.sim.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Addresses for simulated fleets: consecutive 127.x.y.z addresses from a base, skipping .0 and .255 in the
 * last octet. Anything outside 127.0.0.0/8 is refused: simulators, tests and demos stay on loopback.
 */
public final class LoopbackAddresses {

    private LoopbackAddresses() {
    }

    public static InetAddress parse(String address) {
        try {
            InetAddress a = InetAddress.getByName(address);
            return requireLoopback(a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an address: " + address, e);
        }
    }

    public static InetAddress requireLoopback(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length != 4 || b[0] != 127) {
            throw new IllegalArgumentException(a.getHostAddress() + " is not in 127.0.0.0/8: simulated devices live on loopback only");
        }
        return a;
    }

    /** The n-th usable address from {@code base} (n = 0 is base itself, if usable). */
    public static InetAddress nth(InetAddress base, int n) {
        byte[] b = requireLoopback(base).getAddress();
        long v = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
        int seen = -1;
        while (true) {
            int last = (int) (v & 0xFF);
            if (last != 0 && last != 255 && ++seen == n) {
                break;
            }
            v++;
        }
        try {
            return requireLoopback(InetAddress.getByAddress(new byte[]{(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
