package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.xueliang.tracker.agent.gb.GbTime;
import org.xueliang.tracker.agent.gb.ManscdpException;


/**
 * MANSCDP local times ({@code 2026-12-06T20:15:00}) for the server's handlers: the codec's {@link GbTime} rules, read
 * leniently (a time a device garbled is no time, not a refused answer) in the bureau's zone ({@code XL_TIMEZONE}).
 */
final class GbLocalTime {

    private GbLocalTime() {
    }

    static Optional<Instant> parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(GbTime.parse(text, zone));
        } catch (ManscdpException e) {
            return Optional.empty();
        }
    }

    static String format(Instant instant, ZoneId zone) {
        return GbTime.format(instant, zone);
    }
}
