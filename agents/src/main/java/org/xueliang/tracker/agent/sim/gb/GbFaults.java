package org.xueliang.tracker.agent.sim.gb;

import java.time.Duration;
import java.util.Locale;

/**
 * What one simulated GB/T 28181 device does wrong, from the command line's {@code --fault INDEX=KIND} (several faults
 * for one device combine). Times count from the simulator's start.
 * <ul>
 *   <li>{@code stop-keepalive[-AFTER_S]}: no keepalive after AFTER_S seconds (0 = none at all); it still answers.</li>
 *   <li>{@code wrong-password}: answers the 401 with a wrong password (the server says 403, then throttles).</li>
 *   <li>{@code vlost=CHANNEL[@AFTER_S][+FOR_S]}: channel CHANNEL (0-based) loses its video after AFTER_S seconds: a
 *       NOTIFY Catalog event VLOST to the catalog subscriber (again to a later subscriber), and DutyStatus ALARM for it
 *       in DeviceStatus. The channel stays Status ON in Catalogs: the device is there, its picture is not. With FOR_S
 *       the picture comes back FOR_S seconds later: a NOTIFY event ON.</li>
 *   <li>{@code drift-SECONDS}: its clock is off by SECONDS (negative: behind) and ignores the server's 校时.</li>
 *   <li>{@code record-gaps[-MINUTES]}: RecordInfo leaves the first MINUTES (default 30) of every 6 hours out.</li>
 *   <li>{@code keep-days-DAYS}: its storage holds only the last DAYS days: RecordInfo lists nothing older.</li>
 *   <li>{@code slow-catalog-MS}: waits MS before each Catalog part.</li>
 *   <li>{@code partial-catalog}: never sends the last Catalog part (SumNum announces more than ever arrives).</li>
 * </ul>
 */
public final class GbFaults {

    /** Minutes of every 6 hours with no recording under {@code record-gaps}. */
    static final int DEFAULT_GAP_MINUTES = 30;

    private Duration stopKeepaliveAfter;
    private boolean wrongPassword;
    private int vlostChannel = -1;
    private Duration vlostAfter = Duration.ZERO;
    private Duration vlostFor;
    private Duration drift = Duration.ZERO;
    private int recordGapMinutes;
    private Duration slowCatalog = Duration.ZERO;
    private boolean partialCatalog;
    private Duration keep;

    /** Adds one fault in the command line's words; IllegalArgumentException names what is accepted. */
    public GbFaults add(String spec) {
        String k = spec.trim().toLowerCase(Locale.ROOT);
        try {
            if (k.equals("stop-keepalive")) {
                stopKeepaliveAfter = Duration.ZERO;
            } else if (k.startsWith("stop-keepalive-")) {
                stopKeepaliveAfter = Duration.ofSeconds(Long.parseLong(k.substring("stop-keepalive-".length())));
            } else if (k.equals("wrong-password")) {
                wrongPassword = true;
            } else if (k.startsWith("vlost=")) {
                String v = k.substring("vlost=".length());
                int plus = v.indexOf('+');
                vlostFor = plus < 0 ? null : Duration.ofSeconds(Long.parseLong(v.substring(plus + 1)));
                v = plus < 0 ? v : v.substring(0, plus);
                int at = v.indexOf('@');
                vlostChannel = Integer.parseInt(at < 0 ? v : v.substring(0, at));
                vlostAfter = at < 0 ? Duration.ZERO : Duration.ofSeconds(Long.parseLong(v.substring(at + 1)));
            } else if (k.startsWith("drift-")) {
                drift = Duration.ofSeconds(Long.parseLong(k.substring("drift-".length())));
            } else if (k.equals("record-gaps")) {
                recordGapMinutes = DEFAULT_GAP_MINUTES;
            } else if (k.startsWith("record-gaps-")) {
                recordGapMinutes = Integer.parseInt(k.substring("record-gaps-".length()));
            } else if (k.startsWith("keep-days-")) {
                keep = Duration.ofDays(Long.parseLong(k.substring("keep-days-".length())));
            } else if (k.startsWith("slow-catalog-")) {
                slowCatalog = Duration.ofMillis(Long.parseLong(k.substring("slow-catalog-".length())));
            } else if (k.equals("partial-catalog")) {
                partialCatalog = true;
            } else {
                throw new IllegalArgumentException("unknown GB/T 28181 fault " + spec + " (" + KINDS + ")");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in GB/T 28181 fault " + spec + " (" + KINDS + ")");
        }
        if (vlostAfter.isNegative() || (vlostFor != null && (vlostFor.isNegative() || vlostFor.isZero())) || slowCatalog.isNegative() || recordGapMinutes < 0 || recordGapMinutes > 360
                || (stopKeepaliveAfter != null && stopKeepaliveAfter.isNegative()) || (keep != null && keep.isNegative())) {
            throw new IllegalArgumentException("out of range in GB/T 28181 fault " + spec);
        }
        return this;
    }

    static final String KINDS = "stop-keepalive[-AFTER_S], wrong-password, vlost=CHANNEL[@AFTER_S][+FOR_S], drift-SECONDS,"
            + " record-gaps[-MINUTES], keep-days-DAYS, slow-catalog-MS, partial-catalog";

    /** Whether a keepalive is due {@code sinceStart} after the simulator started. */
    boolean keepsAlive(Duration sinceStart) {
        return stopKeepaliveAfter == null || sinceStart.compareTo(stopKeepaliveAfter) < 0;
    }

    boolean wrongPassword() { return wrongPassword; }

    /** The channel (0-based) that loses its video, or -1. */
    int vlostChannel() { return vlostChannel; }

    Duration vlostAfter() { return vlostAfter; }

    /** How long the video stays lost, or null: for good. */
    Duration vlostFor() { return vlostFor; }

    Duration drift() { return drift; }

    int recordGapMinutes() { return recordGapMinutes; }

    Duration slowCatalog() { return slowCatalog; }

    boolean partialCatalog() { return partialCatalog; }

    /** How far back its recordings reach; null = as far as asked. */
    Duration keep() { return keep; }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (stopKeepaliveAfter != null) b.append(" stop-keepalive-").append(stopKeepaliveAfter.toSeconds());
        if (wrongPassword) b.append(" wrong-password");
        if (vlostChannel >= 0) b.append(" vlost=").append(vlostChannel).append('@').append(vlostAfter.toSeconds());
        if (vlostChannel >= 0 && vlostFor != null) b.append('+').append(vlostFor.toSeconds());
        if (!drift.isZero()) b.append(" drift-").append(drift.toSeconds());
        if (recordGapMinutes > 0) b.append(" record-gaps-").append(recordGapMinutes);
        if (!slowCatalog.isZero()) b.append(" slow-catalog-").append(slowCatalog.toMillis());
        if (partialCatalog) b.append(" partial-catalog");
        if (keep != null) b.append(" keep-days-").append(keep.toDays());
        return b.toString().trim();
    }
}
