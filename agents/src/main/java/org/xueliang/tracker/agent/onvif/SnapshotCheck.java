package org.xueliang.tracker.agent.onvif;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.vqd.VqdImages;

/**
 * Judges a snapshot: decodable JPEG (or other ImageIO format) within size limits, not black (mean
 * luminance under a threshold), not frozen (same SHA-256 as the previous snapshot of the device).
 * The last hash per device is kept in a bounded LRU map.
 */
public final class SnapshotCheck {

    public static final int MAX_BYTES = 4 << 20;
    static final int MAX_PIXELS = 40_000_000;

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
        BufferedImage img;
        try {
            img = decode(image);
        } catch (IOException e) {
            return new Verdict(Reason.NO_VIDEO, "snapshot is not a readable image: " + e.getMessage(), 0);
        }
        double luma = meanLuma(img);
        if (luma < blackThreshold) {
            return new Verdict(Reason.BLACK_VIDEO, String.format("snapshot is black (mean luminance %.1f)", luma), luma);
        }
        if (previous != null && Arrays.equals(previous, hash)) {
            return new Verdict(Reason.FROZEN_VIDEO, "snapshot identical to the previous one", luma);
        }
        return new Verdict(Reason.OK, null, luma);
    }

    /** At most 4 samples per grid cell of {@link #meanLuma}: a 1080p snapshot is read as 240x135. */
    static BufferedImage decode(byte[] bytes) throws IOException {
        return VqdImages.decode(bytes, MAX_PIXELS, 256);
    }

    /** Mean Rec.601 luminance over a sample grid of at most ~64x64 points. */
    static double meanLuma(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int sx = Math.max(1, w / 64);
        int sy = Math.max(1, h / 64);
        double sum = 0;
        long n = 0;
        for (int y = 0; y < h; y += sy) {
            for (int x = 0; x < w; x += sx) {
                int rgb = img.getRGB(x, y);
                sum += 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
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
