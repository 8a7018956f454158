package org.xueliang.tracker.notification;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts JSON over HTTP: the structured event to a generic webhook, or a text message to a WeCom
 * (企业微信) or DingTalk (钉钉) group robot. Robots answer HTTP 200 even on errors, with
 * {@code errcode} ≠ 0 in the body, so that is checked too. DingTalk robots with 加签 need the
 * timestamp and HMAC-SHA256 signature as query parameters.
 */
@Component
class HttpChannelSender implements ChannelSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json;

    HttpChannelSender(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean handles(ChannelKind kind) {
        return kind != ChannelKind.EMAIL;
    }

    @Override
    public void send(Channel channel, String secret, Notice notice) throws Exception {
        Object body = switch (channel.kind()) {
            case WEBHOOK -> notice.event();
            case WECOM, DINGTALK -> Map.of("msgtype", "text", "text", Map.of("content", notice.title() + "\n" + notice.text()));
            case EMAIL -> throw new IllegalArgumentException("not an HTTP channel");
        };
        String url = channel.target();
        if (channel.kind() == ChannelKind.DINGTALK && secret != null && !secret.isBlank()) {
            url = signedDingTalkUrl(url, secret, System.currentTimeMillis());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + channel.kind() + " channel " + channel.name());
        }
        if (channel.kind() != ChannelKind.WEBHOOK) {
            JsonNode answer = json.readTree(response.body());
            if (answer.has("errcode") && answer.get("errcode").asInt() != 0) {
                throw new IllegalStateException(channel.kind() + " robot refused the message: errcode "
                        + answer.get("errcode").asInt() + " " + answer.path("errmsg").asString(""));
            }
        }
    }

    static String signedDingTalkUrl(String url, String secret, long timestampMillis) throws Exception {
        String toSign = timestampMillis + "\n" + secret;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sign = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign="
                + URLEncoder.encode(sign, StandardCharsets.UTF_8);
    }
}
