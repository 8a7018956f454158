package org.xueliang.tracker.agent.net.http;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** One TCP connection to a device, with the exchange it carries (none while idle). Used on its loop's thread only. */
final class Connection {

    final SocketChannel channel;
    final String poolKey;
    SelectionKey key;
    Exchange current;
    ResponseReader reader;
    long idleSince;

    Connection(SocketChannel channel, String poolKey) {
        this.channel = channel;
        this.poolKey = poolKey;
    }

    boolean isOpen() {
        return channel.isOpen() && key != null && key.isValid();
    }

    void close() {
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // already gone: nothing to release
        }
    }
}
