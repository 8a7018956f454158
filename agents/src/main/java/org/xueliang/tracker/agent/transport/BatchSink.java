package org.xueliang.tracker.agent.transport;

/**
 * Where result batches go. Must apply each (agent, seq) at most once and answer a repeated seq with a
 * duplicate {@link Ack}: the agent resends any batch whose acknowledgement it did not see.
 */
public interface BatchSink {

    /**
     * @throws TransportException {@link TransportException.Kind#RETRYABLE} when the batch may be resent later,
     *         {@link TransportException.Kind#UNAUTHORIZED} for a bad or revoked token,
     *         {@link TransportException.Kind#REJECTED} when this batch will never be accepted as it is
     */
    Ack send(Batch batch) throws TransportException;
}
