package org.xueliang.tracker.agent.onvif;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * Reads a response body into bytes but gives up (and cancels the stream) past a size limit, so a
 * device that streams forever or announces a huge body costs at most {@code max} bytes of memory.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int max;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] buf = new byte[4096];
    private int size;
    private Flow.Subscription subscription;

    private CappedBody(int max) {
        this.max = max;
    }

    static HttpResponse.BodyHandler<byte[]> handler(int max) {
        return info -> {
            OptionalLong declared = info.headers().firstValueAsLong("content-length");
            CappedBody body = new CappedBody(max);
            if (declared.isPresent() && declared.getAsLong() > max) {
                body.result.completeExceptionally(tooLarge(max, "announced " + declared.getAsLong() + " bytes"));
            }
            return body;
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if ((long) size + n > max) {
                result.completeExceptionally(tooLarge(max, "more than " + max + " bytes"));
                subscription.cancel();
                return;
            }
            if (size + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.min(max, Math.max(buf.length * 2, size + n)));
            }
            b.get(buf, size, n);
            size += n;
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(java.util.Arrays.copyOf(buf, size));
    }

    private static OnvifException tooLarge(int max, String what) {
        return new OnvifException(Reason.BAD_RESPONSE, "response body too large (" + what + "; limit " + max + ")");
    }
}
