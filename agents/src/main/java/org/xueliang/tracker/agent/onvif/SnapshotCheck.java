package org.xueliang.tracker.agent.onvif;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.vqd.JpegDcLuma;
import org.xueliang.tracker.agent.vqd.VqdImages;

/**
 * Judges a snapshot: decodable JPEG (or other ImageIO format) within size limits, not black (mean luminance under a
 * threshold, {@link #judgedLuma(byte[])}), not frozen (same SHA-256 as the previous snapshot of the device).
 * The last hash per device is kept in a bounded LRU map.
 */
public final class SnapshotCheck {

    public static final int MAX_BYTES = 4 << 20;
    static final int MAX_PIXELS = 40_000_000;
    /**
     * How close to the black threshold a DC-coefficient luminance is re-measured on decoded pixels. The DC mean leaves
     * out what decoding clamps (dark noisy pictures read up to ~1.7 levels lower) and the padding of edge blocks
     * (pictures a few pixels wide, up to ~2.8): near the threshold those would flip the verdict, so there the decoded
     * pixels decide, as they always did (JpegDcLumaTest, SnapshotCheckTest).
     */
    static final double DC_GUARD = 3.0;

    private final double blackThreshold;
    private final Map<Long, byte[]> lastHash;

    /** What a snapshot showed: OK or BLACK_VIDEO / FROZEN_VIDEO / NO_VIDEO, with its mean luminance. */
    public record Verdict(Reason reason, String detail, double meanLuma) {
    }

    public SnapshotCheck(double blackThreshold, int maxDevices) {
        this.blackThreshold = blackThreshold;
        this.lastHash = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > maxDevices;
            }
        };
    }

    public SnapshotCheck() {
        this(16.0, 100_000);
    }

    public Verdict check(long deviceId, byte[] image) {
        if (image.length == 0) {
            return new Verdict(Reason.NO_VIDEO, "empty snapshot", 0);
        }
        byte[] hash = sha256(image);
        byte[] previous;
        synchronized (lastHash) {
            previous = lastHash.put(deviceId, hash);
        }
        double luma;
        try {
            luma = judgedLuma(image);
        } catch (IOException e) {
            return new Verdict(Reason.NO_VIDEO, "snapshot is not a readable image: " + e.getMessage(), 0);
        }
        if (luma < blackThreshold) {
            return new Verdict(Reason.BLACK_VIDEO, String.format("snapshot is black (mean luminance %.1f)", luma), luma);
        }
        if (previous != null && Arrays.equals(previous, hash)) {
            return new Verdict(Reason.FROZEN_VIDEO, "snapshot identical to the previous one", luma);
        }
        return new Verdict(Reason.OK, null, luma);
    }

    /**
     * The mean luminance of a snapshot as judged: for a baseline JPEG (what cameras send) from its DC coefficients,
     * without decoding the pixels (tens of µs instead of ms, docs/BENCHMARKS.md "Snapshot luminance"); for anything
     * else, and when the DC figure is within {@link #DC_GUARD} of the threshold, from the pixels ImageIO decodes, as
     * before. IOException when the snapshot is not a readable picture or too large.
     */
    double judgedLuma(byte[] image) throws IOException {
        OptionalDouble fromDc = JpegDcLuma.meanLuma(image, MAX_PIXELS);
        if (fromDc.isPresent() && Math.abs(fromDc.getAsDouble() - blackThreshold) >= DC_GUARD) {
            return fromDc.getAsDouble();
        }
        return decodedMeanLuma(image);
    }

    /** The mean luminance from the decoded pixels (ImageIO): the path for every picture the DC reader leaves. */
    public static double decodedMeanLuma(byte[] image) throws IOException {
        return meanLuma(decode(image));
    }

    /** At most 4 samples per grid cell of {@link #meanLuma}: a 1080p snapshot is read as 240x135. */
    static BufferedImage decode(byte[] bytes) throws IOException {
        return VqdImages.decode(bytes, MAX_PIXELS, 256);
    }

    /**
     * Mean Rec.601 luminance over a sample grid of at most ~64x64 points. An 8-bit grey picture's samples are its
     * luminance: getRGB would convert them from linear grey to sRGB (a black 5 reads as 38).
     */
    static double meanLuma(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int sx = Math.max(1, w / 64);
        int sy = Math.max(1, h / 64);
        boolean grey = img.getType() == BufferedImage.TYPE_BYTE_GRAY;
        double sum = 0;
        long n = 0;
        for (int y = 0; y < h; y += sy) {
            for (int x = 0; x < w; x += sx) {
                if (grey) {
                    sum += img.getRaster().getSample(x, y, 0);
                } else {
                    int rgb = img.getRGB(x, y);
                    sum += 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                }
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
