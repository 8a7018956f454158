package org.xueliang.tracker.security;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps fuzzed notification channels harmless: a channel is a destination the backend sends to, and the tests'
 * network rule keeps all traffic on 127.0.0.0/8. A body that reads as an object gets {@code enabled: false} and, when
 * its target names anything but 127.0.0.1, the loopback webhook; anything else is sent as it is (Jackson refuses it).
 */
final class ChannelTargets {

    private static final String LOOPBACK = "http://127.0.0.1:9/hook";

    private ChannelTargets() {
    }

    static byte[] loopbackOnly(JsonMapper json, byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException unreadable) {
            return body;
        }
        if (!(tree instanceof ObjectNode channel)) {
            return body;
        }
        channel.put("enabled", false);
        JsonNode target = channel.get("target");
        if (target != null && target.isString() && !onlyLoopback(target.asString())) {
            channel.put("target", LOOPBACK);
        }
        return json.writeValueAsBytes(channel);
    }

    /** Every host-ish part of the target is 127.0.0.1 (webhook URLs and e-mail addresses alike). */
    private static boolean onlyLoopback(String target) {
        String withoutLoopback = target.replace("127.0.0.1", "");
        return !withoutLoopback.matches("(?s).*([A-Za-z0-9-]+\\.[A-Za-z0-9-]+|://[^/\\s]+[a-zA-Z0-9]|@[^\\s;,]+).*");
    }
}
