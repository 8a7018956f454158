package org.xueliang.tracker.agent.transport;

/** Where heartbeats go. */
public interface HeartbeatSink {

    void beat(Heartbeat heartbeat) throws TransportException;
}
