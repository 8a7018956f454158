package org.xueliang.tracker.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.xueliang.tracker.agent.sim.gb.GbSimDevice;

/**
 * Which demo devices register over GB/T 28181, and how they misbehave (docs/DEMO.md). From the ledger devices that
 * carry a national code, in asset-tag order:
 * <ul>
 *   <li>every recorder (type 111 DVR, 118 NVR) registers as an NVR whose channels are the coded cameras (131, 132) of
 *       its own site (up to {@link #MAX_CHANNELS});</li>
 *   <li>the coded cameras of one site without a recorder (the one with the most of them; on a tie the first in
 *       asset-tag order) register as IPCs, each with itself as its one channel;</li>
 *   <li>a recorder whose own site has no coded camera (the county's CVRs stand in the 机房) records the cameras of
 *       one other site instead — GB/T 28181 lets an NVR's channels be cameras anywhere: the site with the most coded
 *       cameras (on a tie the first in asset-tag order) that neither registers as IPCs nor feeds another recorder;</li>
 *   <li>faults: the first channel of the first recorder with channels loses its video {@link #VLOST_AFTER_SECONDS}
 *       after start (else the first IPC's); the last IPC (else the last recorder, when there are two) stops its
 *       keepalives {@link #SILENT_AFTER_SECONDS} after start, so it is DOWN GB_KEEPALIVE_TIMEOUT three intervals later.</li>
 * </ul>
 * Pure: the rows in, the plan out.
 */
final class DemoGbPlan {

    static final int MAX_CHANNELS = 64;
    static final int VLOST_AFTER_SECONDS = 60;
    static final int SILENT_AFTER_SECONDS = 300;

    /** A ledger device with a national code. */
    record Row(String assetTag, String gbCode, Long siteId) {
    }

    /** One device to simulate: its code, whether it is a recorder, its channels' codes, its faults in the simulator's words. */
    record Device(String assetTag, String code, boolean recorder, List<String> channels, List<String> faults) {
    }

    private DemoGbPlan() {
    }

    static boolean isRecorder(String code) {
        String type = code.substring(10, 13);
        return type.equals("111") || type.equals("118");
    }

    static boolean isCamera(String code) {
        String type = code.substring(10, 13);
        return type.equals("131") || type.equals("132");
    }

    static List<Device> plan(List<Row> rowsInAssetTagOrder) {
        List<Row> rows = rowsInAssetTagOrder.stream().filter(r -> r.gbCode() != null && r.gbCode().matches("\\d{20}")).toList();
        List<Row> recorders = rows.stream().filter(r -> isRecorder(r.gbCode())).toList();
        List<Row> cameras = rows.stream().filter(r -> isCamera(r.gbCode())).toList();
        Set<Long> recorderSites = recorders.stream().map(Row::siteId).filter(Objects::nonNull).collect(Collectors.toSet());
        // the site without a recorder that has the most coded cameras (the first such in asset-tag order on a tie)
        Map<Long, List<String>> perSite = cameras.stream().filter(c -> c.siteId() != null && !recorderSites.contains(c.siteId()))
                .collect(Collectors.groupingBy(Row::siteId, LinkedHashMap::new, Collectors.mapping(Row::gbCode, Collectors.toList())));
        Long ipcSite = perSite.entrySet().stream().reduce((a, b) -> b.getValue().size() > a.getValue().size() ? b : a)
                .map(Map.Entry::getKey).orElse(null);
        // the other sites, most cameras first (a stable sort: on a tie, asset-tag order), for recorders without cameras
        List<List<String>> otherSites = new ArrayList<>(perSite.entrySet().stream().filter(e -> !e.getKey().equals(ipcSite))
                .map(Map.Entry::getValue).sorted((a, b) -> Integer.compare(b.size(), a.size())).toList());
        List<Device> out = new ArrayList<>();
        for (Row r : recorders) {
            List<String> channels = r.siteId() == null ? List.of() : cameras.stream().filter(c -> r.siteId().equals(c.siteId()))
                    .map(Row::gbCode).limit(MAX_CHANNELS).toList();
            if (channels.isEmpty() && !otherSites.isEmpty()) {
                channels = otherSites.remove(0).stream().limit(MAX_CHANNELS).toList();
            }
            out.add(new Device(r.assetTag(), r.gbCode(), true, channels, new ArrayList<>()));
        }
        List<Device> ipcs = new ArrayList<>();
        if (ipcSite != null) {
            cameras.stream().filter(c -> ipcSite.equals(c.siteId()))
                    .forEach(c -> ipcs.add(new Device(c.assetTag(), c.gbCode(), false, List.of(c.gbCode()), new ArrayList<>())));
        }
        out.addAll(ipcs);
        out.stream().filter(d -> d.recorder() && !d.channels().isEmpty()).findFirst()
                .or(() -> ipcs.stream().findFirst())
                .ifPresent(d -> d.faults().add("vlost=0@" + VLOST_AFTER_SECONDS));
        Device silent = ipcs.size() >= 2 ? ipcs.get(ipcs.size() - 1)
                : recorders.size() >= 2 ? out.get(recorders.size() - 1) : null;
        if (silent != null) {
            silent.faults().add("stop-keepalive-" + SILENT_AFTER_SECONDS);
        }
        return out;
    }

    /** What the ledger says of a coded camera: the name, model and site position its Catalog item should repeat. */
    record Ledger(String name, String model, BigDecimal longitude, BigDecimal latitude) {
    }

    /** How far the demo's one misplaced camera reports itself east of its site: 0.003° ≈ 270 m, well past 50 m. */
    static final BigDecimal MISPLACED_BY = new BigDecimal("0.003");
    /** The model the demo's one swapped camera reports (a replacement unit the ledger was not told about). */
    static final String SWAPPED_MODEL = "DS-2CD3T46WDV3-I3";

    /**
     * What each channel's Catalog item reports: the ledger's name, model and site position, as an installer who did
     * the job right configured them, except three deliberate differences so the 一机一档 mismatch list shows real
     * ones (docs/DEMO.md): the first channel in plan order keeps its factory name ({@code IPC-} and its code's last
     * four digits), the second reports a position {@link #MISPLACED_BY} east of its site, the third the model
     * {@link #SWAPPED_MODEL}. Channels the ledger does not know keep the simulator's placeholders.
     */
    static Map<String, GbSimDevice.Described> described(List<Device> plan, Map<String, Ledger> byCode) {
        Map<String, GbSimDevice.Described> out = new LinkedHashMap<>();
        int n = 0;
        for (Device d : plan) {
            for (String channel : d.channels()) {
                Ledger l = byCode.get(channel);
                if (l == null || out.containsKey(channel)) {
                    continue;
                }
                String name = l.name();
                String model = l.model();
                BigDecimal lon = l.longitude();
                if (n == 0) {
                    name = "IPC-" + channel.substring(channel.length() - 4);
                } else if (n == 1 && lon != null && l.latitude() != null) {
                    lon = lon.add(MISPLACED_BY);
                } else if (n == 2) {
                    model = SWAPPED_MODEL;
                }
                out.put(channel, new GbSimDevice.Described(name, model, plain(lon), plain(l.latitude())));
                n++;
            }
        }
        return out;
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    /** Asset tag → what it does, for the log and docs/DEMO.md. */
    static Map<String, String> scripted(List<Device> plan) {
        Map<String, String> m = new LinkedHashMap<>();
        plan.stream().filter(d -> !d.faults().isEmpty()).forEach(d -> m.put(d.assetTag(), String.join(" ", d.faults())));
        return m;
    }
}
