package org.xueliang.tracker.notification;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.SecretCipher;

/** Sends one notice on one channel through the sender of its kind, with the channel's secret decrypted for the moment. */
@Component
class ChannelSenders {

    private final List<ChannelSender> senders;
    private final ChannelStore channels;
    private final SecretCipher cipher;

    ChannelSenders(List<ChannelSender> senders, ChannelStore channels, SecretCipher cipher) {
        this.senders = senders;
        this.channels = channels;
        this.cipher = cipher;
    }

    /** Throws with a readable message when the channel did not take the notice. */
    void send(Channel channel, Notice notice) throws Exception {
        ChannelSender sender = senders.stream().filter(s -> s.handles(channel.kind())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No sender for " + channel.kind()));
        String secret = channel.hasSecret() ? cipher.decrypt(channels.secretCipher(channel.id())) : null;
        sender.send(channel, secret, notice);
    }
}
