package org.xueliang.tracker.gb28181;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.xueliang.tracker.agent.gb.ManscdpMessage;

/**
 * A {@link GbOutbound} that records what the queries send instead of sending it; devices count as registered unless
 * {@link #unreachable} holds their code (then nothing is "sent", as the SIP layer answers for an unregistered device).
 */
final class RecordingOutbound implements GbOutbound {

    record Sent(String deviceCode, String kind, ManscdpMessage body, int expires) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final Set<String> unreachable = ConcurrentHashMap.newKeySet();

    @Override
    public boolean message(String deviceCode, ManscdpMessage body) {
        if (unreachable.contains(deviceCode)) {
            return false;
        }
        sent.add(new Sent(deviceCode, "MESSAGE", body, 0));
        return true;
    }

    @Override
    public boolean subscribeCatalog(String deviceCode, ManscdpMessage body, int expiresSeconds) {
        if (unreachable.contains(deviceCode)) {
            return false;
        }
        sent.add(new Sent(deviceCode, "SUBSCRIBE", body, expiresSeconds));
        return true;
    }

    /** What was sent to {@code deviceCode}, as "MESSAGE DeviceInfo", "SUBSCRIBE Catalog" … in order. */
    List<String> to(String deviceCode) {
        return sent.stream().filter(s -> s.deviceCode().equals(deviceCode)).map(s -> s.kind() + " " + s.body().cmdType())
                .toList();
    }

    List<Sent> all(String deviceCode) {
        return sent.stream().filter(s -> s.deviceCode().equals(deviceCode)).toList();
    }

    ObjectProvider<GbOutbound> provider() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("recordingOutbound", this);
        return beans.getBeanProvider(GbOutbound.class);
    }
}
