package org.xueliang.tracker.recording;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * The settings of 录像完整率 (docs/CONFIGURATION.md "Recordings"): the expected recording window of every county day
 * ({@code XL_RECORDING_EXPECTED_WINDOW}, 00:00-24:00) and 录像保存天数 — per camera from a {@link RetentionDays} bean,
 * else per category ({@code XL_RECORDING_RETENTION_DAYS_BY_CATEGORY}, e.g. {@code DOME_CAMERA=60,FACE_CAMERA=90}),
 * else {@code XL_RECORDING_RETENTION_DAYS} (30).
 */
@Component
class RecordingSettings {

    private final ExpectedWindow window;
    private final String windowText;
    private final int retentionDays;
    private final Map<String, Integer> byCategory = new HashMap<>();
    private final ObjectProvider<RetentionDays> overrides;

    RecordingSettings(@Value("${xl.recording.expected-window:${XL_RECORDING_EXPECTED_WINDOW:00:00-24:00}}") String window,
                      @Value("${xl.recording.retention-days:${XL_RECORDING_RETENTION_DAYS:30}}") int retentionDays,
                      @Value("${xl.recording.retention-days-by-category:${XL_RECORDING_RETENTION_DAYS_BY_CATEGORY:}}") String byCategory,
                      ObjectProvider<RetentionDays> overrides) {
        this.window = ExpectedWindow.parse(window);
        this.windowText = window.trim();
        if (retentionDays < 1) {
            throw new IllegalArgumentException("XL_RECORDING_RETENTION_DAYS must be at least 1, got " + retentionDays);
        }
        this.retentionDays = retentionDays;
        for (String pair : byCategory.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || Integer.parseInt(kv[1].trim()) < 1) {
                throw new IllegalArgumentException("XL_RECORDING_RETENTION_DAYS_BY_CATEGORY wants CODE=DAYS,…, got '" + pair + "'");
            }
            this.byCategory.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
        }
        this.overrides = overrides;
    }

    ExpectedWindow window() {
        return window;
    }

    String windowText() {
        return windowText;
    }

    /** 录像保存天数 of each camera, by device id: each source is read once for all of them. */
    Map<Long, Integer> retentionDays(List<Camera> cameras) {
        Map<Long, Integer> out = new HashMap<>();
        for (RetentionDays s : overrides.orderedStream().toList()) {
            s.of(cameras).forEach((id, days) -> {
                if (days != null && days > 0) {
                    out.putIfAbsent(id, days);
                }
            });
        }
        cameras.forEach(c -> out.putIfAbsent(c.id(), byCategory.getOrDefault(c.categoryCode(), retentionDays)));
        return out;
    }
}
