package org.xueliang.tracker.notification;

/** Delivers a notice through one kind of channel; throws with a readable message when delivery fails. */
interface ChannelSender {

    boolean handles(ChannelKind kind);

    void send(Channel channel, String secret, Notice notice) throws Exception;
}
