package org.xueliang.tracker.agent.net.http;

/** One HTTP answer: status, header fields and the whole body (within the caller's size cap). */
public record HttpReply(int status, HttpFields headers, byte[] body) {
}
