package org.xueliang.tracker.agent.sim.gb;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A synthetic fleet from the command line: {@code ipcs} IPCs, then {@code nvrs} NVRs with {@code channels} channels
 * each, numbered from one base code. The base's first 10 digits (centre code and industry) and its network digit are
 * kept; the type becomes 132 for an IPC, 118 for an NVR, 131 for an NVR channel; the 6-digit serial counts up from
 * the base's: IPC i and NVR j take serial + i and serial + j, NVR j's channel c takes serial + ipcs + j × channels + c
 * (so no two codes collide). Device INDEX in {@code --fault INDEX=KIND} counts the IPCs first, then the NVRs.
 */
public final class GbFleet {

    /** What to simulate. */
    public record Spec(String baseCode, int ipcs, int nvrs, int channels, String password) {
        public Spec {
            if (baseCode == null || !baseCode.matches("\\d{20}")) {
                throw new IllegalArgumentException("--base-code wants 20 digits, got " + baseCode);
            }
            if (ipcs < 0 || nvrs < 0 || ipcs + nvrs == 0 || channels < 0 || (nvrs > 0 && channels == 0)) {
                throw new IllegalArgumentException("give --ipcs and/or --nvrs (an NVR needs --channels of 1 or more)");
            }
            long last = Long.parseLong(baseCode.substring(14)) + ipcs + (long) nvrs * channels;
            if (last > 999_999) {
                throw new IllegalArgumentException("the 6-digit serials run out: base serial " + baseCode.substring(14)
                        + " + " + (ipcs + (long) nvrs * channels) + " codes");
            }
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("--password is required");
            }
        }
    }

    private GbFleet() {
    }

    /** The devices of {@code spec}, with the faults by device index. */
    public static List<GbSimDevice> build(Spec spec, Map<Integer, List<String>> faults, ZoneId zone, Instant started) {
        int total = spec.ipcs() + spec.nvrs();
        faults.keySet().forEach(i -> {
            if (i < 0 || i >= total) {
                throw new IllegalArgumentException("--fault index " + i + " is out of 0.." + (total - 1));
            }
        });
        List<GbSimDevice> out = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            GbFaults f = new GbFaults();
            faults.getOrDefault(i, List.of()).forEach(f::add);
            if (i < spec.ipcs()) {
                String code = code(spec.baseCode(), "132", i);
                out.add(new GbSimDevice(code, GbSimDevice.Kind.IPC, spec.password(), List.of(code), f, zone, started));
            } else {
                int j = i - spec.ipcs();
                List<String> channels = new ArrayList<>(spec.channels());
                for (int c = 0; c < spec.channels(); c++) {
                    channels.add(code(spec.baseCode(), "131", spec.ipcs() + (long) j * spec.channels() + c));
                }
                out.add(new GbSimDevice(code(spec.baseCode(), "118", j), GbSimDevice.Kind.NVR, spec.password(), channels, f,
                        zone, started));
            }
        }
        return out;
    }

    static String code(String base, String type, long offset) {
        long serial = Long.parseLong(base.substring(14)) + offset;
        return base.substring(0, 10) + type + base.charAt(13) + String.format("%06d", serial);
    }
}
