package org.xueliang.tracker.agent.sim.net.http;

import java.net.InetSocketAddress;

/**
 * One request as a simulated device sees it: only the parts the simulators answer by.
 *
 * @param target        the request target as sent (origin form: path and query, undecoded)
 * @param authorization the Authorization field, or null
 * @param body          the body, or null when it was larger than the server's cap (not read; the connection closes)
 * @param local         the address the connection arrived on (routes a request to one of many devices)
 */
public record SimHttpRequest(String method, String target, String authorization, byte[] body,
                             InetSocketAddress local, InetSocketAddress remote) {
}
