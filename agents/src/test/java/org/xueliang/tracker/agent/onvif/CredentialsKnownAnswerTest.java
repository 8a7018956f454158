package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialsKnownAnswerTest {

    /**
     * Verified independently:
     * {@code printf '%s' '0123456789abcdef2026-01-02T03:04:05ZXl-Secret#1' | openssl dgst -sha1 -binary | base64}.
     */
    @Test
    void ws_username_token_password_digest_matches_openssl() {
        byte[] nonce = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        assertThat(WsUsernameToken.digest(nonce, "2026-01-02T03:04:05Z", "Xl-Secret#1"))
                .isEqualTo("j2PcuKDTB8VBx6OOq2vMcK3zG4s=");
    }

    @Test
    void created_is_utc_zulu_with_seconds() {
        assertThat(WsUsernameToken.created(Instant.parse("2026-03-04T05:06:07.891Z"))).isEqualTo("2026-03-04T05:06:07Z");
        String header = WsUsernameToken.header("admin", "pw", Instant.parse("2026-03-04T05:06:07Z"));
        assertThat(header).contains("<wsu:Created>2026-03-04T05:06:07Z</wsu:Created>").contains("#PasswordDigest");
    }

    /** RFC 7616 §3.9.1: user Mufasa, password "Circle of Life", GET /dir/index.html. */
    @Test
    void http_digest_matches_the_rfc7616_examples() {
        String md5 = HttpDigest.response("MD5", "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
                "/dir/index.html", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth");
        assertThat(md5).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
        String sha256 = HttpDigest.response("SHA-256", "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
                "/dir/index.html", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth");
        assertThat(sha256).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void http_digest_answers_a_parsed_challenge() {
        var c = HttpDigest.challenge(List.of("Basic realm=\"x\"", "Digest realm=\"http-auth@example.org\", "
                + "qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"")).orElseThrow();
        assertThat(c.qop()).isEqualTo("auth");
        String h = HttpDigest.authorization(c, "GET", "/dir/index.html", "Mufasa", "Circle of Life",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", 1);
        assertThat(HttpDigest.params(h.substring(7)))
                .containsEntry("response", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")
                .containsEntry("nc", "00000001")
                .containsEntry("opaque", "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
    }
}
