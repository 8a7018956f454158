package org.xueliang.tracker.monitoring.agent;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.agent.vqd.VqdImages;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.monitoring.VqdSnapshotReceived;

/**
 * Accepts the picture of an agent's scheduled VQD check (docs/AGENT-PROTOCOL.md "VQD snapshot"): only for a device
 * assigned to the agent's zone, only a JPEG of at most {@link #MAX_BYTES} and {@link #MAX_PIXELS} (the agent sends
 * its reduction to analysis size, about 480×270, tens of KB: anything much larger is not such a picture), dated no
 * later than the allowed clock skew. What passes is published as {@link VqdSnapshotReceived}; anything else is a
 * problem detail and stores nothing. The standalone agent's upload and the embedded agent both come through here.
 */
@Service
public class AgentVqdSnapshots {

    static final int MAX_BYTES = 512 * 1024;
    static final long MAX_PIXELS = 2_000_000L;

    private final AssignmentService assignments;
    private final ApplicationEventPublisher events;
    private final AgentLimits limits;
    private final Clock clock;

    AgentVqdSnapshots(AssignmentService assignments, ApplicationEventPublisher events, AgentLimits limits, Clock clock) {
        this.assignments = assignments;
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional
    public void accept(String zone, long deviceId, String checkedAt, byte[] jpeg) {
        if (assignments.assignedAmong(zone, Set.of(deviceId)).isEmpty()) {
            throw ApiException.forbidden("device " + deviceId + " is not assigned to this agent's zone " + zone);
        }
        Instant now = clock.instant();
        Instant at = checkedAt(checkedAt, now);
        if (jpeg == null || jpeg.length == 0) {
            throw ApiException.badRequest("image", "the body is empty: send the checked picture as image/jpeg");
        }
        if (jpeg.length > MAX_BYTES) {
            throw ApiException.tooLarge("A VQD snapshot of " + jpeg.length + " bytes", MAX_BYTES / 1024 + " KiB");
        }
        BufferedImage picture = jpegPicture(jpeg);
        events.publishEvent(new VqdSnapshotReceived(deviceId, at, now, jpeg, picture.getWidth(), picture.getHeight()));
    }

    private Instant checkedAt(String text, Instant now) {
        Instant at;
        try {
            at = Instant.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("checkedAt", "must be an ISO-8601 instant such as 2026-12-06T20:10:00Z");
        }
        if (at.isAfter(now.plus(limits.maxClockSkew()))) {
            throw ApiException.badRequest("checkedAt", "is later than now plus the allowed clock skew " + limits.maxClockSkew());
        }
        return at;
    }

    /** A JPEG (its start-of-image marker, then readable within the pixel bound); decoding it proves it is a picture. */
    private static BufferedImage jpegPicture(byte[] bytes) {
        if (bytes.length < 3 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xD8 || (bytes[2] & 0xFF) != 0xFF) {
            throw ApiException.badRequest("image", "is not a JPEG picture");
        }
        try {
            return VqdImages.decode(bytes, MAX_PIXELS);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("image", "is not a readable JPEG of at most " + MAX_PIXELS + " pixels: " + e.getMessage());
        }
    }
}
