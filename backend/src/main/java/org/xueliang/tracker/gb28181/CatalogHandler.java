package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.agent.gb.ManscdpMessage;

/**
 * Catalog bodies: the answer to a Catalog query (a {@code <Response>}, for a large NVR split over several MESSAGEs
 * that each carry SumNum), and the catalog subscription's NOTIFYs, whose items carry an {@code Event}.
 * <ul>
 *   <li>Each listed channel is upserted as its part arrives, so a catalog that never completes keeps what came.</li>
 *   <li>Once a round's parts brought SumNum items, the channels it did not list are marked removed.</li>
 *   <li>Event items (ON, OFF, VLOST, DEFECT, ADD, DEL, UPDATE) change that one channel.</li>
 * </ul>
 */
@Component
class CatalogHandler implements ManscdpHandler {

    private static final Logger log = LoggerFactory.getLogger(CatalogHandler.class);

    private final GbDeviceFacts facts;
    private final GbChannels channels;

    CatalogHandler(GbDeviceFacts facts, GbChannels channels) {
        this.facts = facts;
        this.channels = channels;
    }

    @Override
    public Set<String> cmdTypes() {
        return Set.of("Catalog");
    }

    @Override
    @Transactional
    public void handle(String deviceCode, ManscdpMessage message, Instant receivedAt) {
        if (!facts.lock(deviceCode)) {
            log.debug("Catalog from {}, which never registered: not stored", deviceCode);
            return;
        }
        List<Map<String, String>> listed = new ArrayList<>();
        for (Map<String, String> item : message.items()) {
            String event = item.get("Event");
            if (event == null || event.isBlank()) {
                listed.add(item);
            } else {
                GbChannels.channelCode(item).ifPresent(code ->
                        channels.applyEvent(deviceCode, code, event.trim().toUpperCase(Locale.ROOT), item, receivedAt));
            }
        }
        boolean onlyEvents = !message.items().isEmpty() && listed.isEmpty();
        if (onlyEvents) {
            return;
        }
        int sumNum = message.sumNum() == null ? listed.size() : message.sumNum();
        GbDeviceFacts.CatalogRound round = facts.countPart(deviceCode, message.sn(), sumNum, listed.size(), receivedAt);
        for (Map<String, String> item : listed) {
            GbChannels.channelCode(item).ifPresent(code ->
                    channels.upsert(deviceCode, code, item, receivedAt, round.startedAt()));
        }
        if (round.justCompleted()) {
            int removed = channels.removeUnlistedSince(deviceCode, round.startedAt(), receivedAt);
            facts.roundComplete(deviceCode, receivedAt);
            log.debug("Catalog of {} complete: {} items, {} channels removed", deviceCode, round.sumNum(), removed);
        }
    }
}
