package org.xueliang.tracker.agent.probe;

import java.util.concurrent.CompletableFuture;

/**
 * Probes devices by one method. Implementations are asynchronous and never block the caller's
 * thread on the network: the scheduler keeps thousands of probes in flight without a thread each.
 * The future always completes (DOWN with a reason, never exceptionally) within the target's timeout.
 */
public interface Prober extends AutoCloseable {

    Method method();

    CompletableFuture<ProbeResult> probe(ProbeTarget target);

    @Override
    default void close() {
    }
}
