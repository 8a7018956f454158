package org.xueliang.tracker.security;

import org.xueliang.tracker.testing.OnH2;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.gb28181.GbServerTestSupport;
import org.xueliang.tracker.gb28181.SipTestPeer;

/**
 * Issue 10, group {@code gb}: what a device, or someone posing as one, tries against the GB/T 28181 server over real
 * SIP on loopback — wrong passwords until the throttle shuts the pair out, a digest answered with a nonce the server
 * never issued or issued to another host, keepalives forged from another host, XXE and entity-expansion bodies, a
 * body beyond the stack's limit, and bytes that are not SIP. Each must be refused (403, 401, 400, or no answer) with
 * nothing registered, counted or dispatched, and the server must keep answering.
 */
@OnH2
class GbSipAttacksTest extends GbServerTestSupport {

    private static final String GROUP = "gb";

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        String code = newDeviceCode();
        try (SipTestPeer device = peer("UDP", "127.0.0.1")) {
            AttackTally.attempt(GROUP, "REGISTER with a wrong password", () ->
                    device.registerWith(code, "Guess-12345", 3600).status() == 403 && registration(code) == null);
        }
    }

    @Test
    void repeatedWrongPasswordsBlockTheCodeAndHostEvenForTheRightOne() throws Exception {
        String code = newDeviceCode();
        try (SipTestPeer guesser = peer("UDP", "127.0.0.1"); SipTestPeer elsewhere = peer("UDP", "127.0.0.5")) {
            for (int i = 1; i <= 5; i++) {
                assertThat(guesser.registerWith(code, "Guess-" + i, 3600).status()).isEqualTo(403);
            }
            AttackTally.attempt(GROUP, "REGISTER with the right password after 5 wrong ones from the same host (throttled)", () ->
                    guesser.register(code, 3600).status() == 403 && guesser.registerWith(code, DEVICE_PASSWORD, 3600).status() == 403
                            && registration(code) == null);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'GB_REGISTER_THROTTLED' AND entity_id = ?",
                    Integer.class, code)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'GB_REGISTER_REFUSED' AND entity_id = ?",
                    Integer.class, code)).isEqualTo(5);
            // the block is per (code, host): the real device on its own address is not shut out by a guesser
            assertThat(elsewhere.registerWith(code, DEVICE_PASSWORD, 3600).status()).isEqualTo(200);
        }
    }

    @Test
    void aNonceIssuedToAnotherHostOrNeverIssuedDoesNotAuthenticate() throws Exception {
        String code = newDeviceCode();
        try (SipTestPeer first = peer("UDP", "127.0.0.1"); SipTestPeer replayer = peer("UDP", "127.0.0.2")) {
            SipTestPeer.Reply challenge = first.register(code, 3600);
            String nonce = challenge.param("WWW-Authenticate", "nonce");
            AttackTally.attempt(GROUP, "digest answer with a nonce issued to another host (replayed)", () -> {
                SipTestPeer.Reply r = replayer.registerAnswering(code, DEVICE_PASSWORD, 3600, nonce, DOMAIN);
                return r.status() == 401 && registration(code) == null;
            });
            byte[] forged = new byte[32];
            new Random(10).nextBytes(forged);
            AttackTally.attempt(GROUP, "digest answer with a nonce the server never issued (forged)", () -> {
                SipTestPeer.Reply r = first.registerAnswering(code, DEVICE_PASSWORD, 3600, HexFormat.of().formatHex(forged), DOMAIN);
                return r.status() == 401 && registration(code) == null;
            });
            AttackTally.attempt(GROUP, "digest answer for another realm", () -> {
                SipTestPeer.Reply r = first.registerAnswering(code, DEVICE_PASSWORD, 3600, nonce, "9999999999");
                return r.status() == 401 && registration(code) == null;
            });
            assertThat(first.registerAnswering(code, DEVICE_PASSWORD, 3600, nonce, DOMAIN).status()).isEqualTo(200);
        }
    }

    @Test
    void keepalivesForgedFromAnotherHostAreNotCounted() throws Exception {
        String code = newDeviceCode();
        try (SipTestPeer device = peer("UDP", "127.0.0.1"); SipTestPeer forger = peer("UDP", "127.0.0.3")) {
            assertThat(device.registerWith(code, DEVICE_PASSWORD, 3600).status()).isEqualTo(200);
            AttackTally.attempt(GROUP, "keepalives in a registered device's name from another host", () -> {
                for (int sn = 1; sn <= 5; sn++) {
                    forger.keepalive(code, sn);
                }
                Thread.sleep(2500); // two keepalive flushes
                return registration(code).keepaliveCount() == 0 && registration(code).lastKeepaliveAt() == null;
            });
        }
    }

    @Test
    void hostileBodiesAreRefusedAndNeverDispatched() throws Exception {
        String code = newDeviceCode();
        String canary = java.nio.file.Files.createTempFile("gb-xxe-canary", ".txt").toUri().toString();
        try (SipTestPeer device = peer("UDP", "127.0.0.1")) {
            assertThat(device.registerWith(code, DEVICE_PASSWORD, 3600).status()).isEqualTo(200);
            String xxe = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<!DOCTYPE Response [<!ENTITY x SYSTEM \"" + canary + "\">]>\r\n"
                    + "<Response><CmdType>" + ECHO_CMD_TYPE + "</CmdType><SN>1</SN><DeviceID>" + code + "</DeviceID><Name>&x;</Name></Response>";
            AttackTally.attempt(GROUP, "MESSAGE body with an external entity (XXE)", () ->
                    device.message(code, xxe.getBytes(StandardCharsets.US_ASCII)).status() == 400 && notDispatched(code));
            String laughs = "<?xml version=\"1.0\"?>\r\n<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\r\n"
                    + "<Response><CmdType>" + ECHO_CMD_TYPE + "</CmdType><SN>2</SN><DeviceID>" + code + "</DeviceID><Name>&d;</Name></Response>";
            AttackTally.attempt(GROUP, "MESSAGE body with nested entities (billion laughs)", () ->
                    device.message(code, laughs.getBytes(StandardCharsets.US_ASCII)).status() == 400 && notDispatched(code));
            AttackTally.attempt(GROUP, "MESSAGE body that is not XML", () ->
                    device.message(code, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '<'}).status() == 400 && notDispatched(code));
        }
    }

    @Test
    void aBodyBeyondTheLimitIsNotTaken() throws Exception {
        String code = newDeviceCode();
        try (SipTestPeer device = peer("TCP", "127.0.0.1")) {
            assertThat(device.registerWith(code, DEVICE_PASSWORD, 3600).status()).isEqualTo(200);
            String huge = "<?xml version=\"1.0\"?>\r\n<Response><CmdType>" + ECHO_CMD_TYPE + "</CmdType><SN>3</SN><DeviceID>" + code
                    + "</DeviceID><Name>" + "x".repeat(200_000) + "</Name></Response>";
            AttackTally.attempt(GROUP, "MESSAGE of 200 KB over TCP", () -> {
                int status;
                try {
                    status = device.message(code, huge.getBytes(StandardCharsets.US_ASCII)).status();
                } catch (java.io.IOException connectionClosed) {
                    status = 0;
                }
                return status != 200 && notDispatched(code);
            });
        }
        try (SipTestPeer again = peer("TCP", "127.0.0.1")) {
            assertThat(again.register(newDeviceCode(), 3600).status()).as("the server still answers").isEqualTo(401);
        }
    }

    @Test
    void bytesThatAreNotSipChangeNothingAndTheServerKeepsAnswering() throws Exception {
        Random random = new Random(28181);
        for (String transport : new String[] {"UDP", "TCP"}) {
            try (SipTestPeer junk = peer(transport, "127.0.0.1")) {
                AttackTally.attempt(GROUP, "random bytes and malformed SIP over " + transport, () -> {
                    long before = jdbc.queryForObject("SELECT COUNT(*) FROM gb_registration", Long.class);
                    for (int i = 0; i < 50; i++) {
                        byte[] bytes = new byte[1 + random.nextInt(1500)];
                        random.nextBytes(bytes);
                        junk.write(bytes);
                    }
                    junk.write(("REGISTER sip:x SIP/2.0\r\nVia: nonsense\r\nCSeq: abc REGISTER\r\nContent-Length: -5\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    return jdbc.queryForObject("SELECT COUNT(*) FROM gb_registration", Long.class) == before;
                });
            }
            try (SipTestPeer device = peer(transport, "127.0.0.1")) {
                assertThat(device.register(newDeviceCode(), 3600).status()).as("the server still answers over " + transport).isEqualTo(401);
            }
        }
    }

    @Test
    void bodiesFromADeviceNotRegisteredAreRefused() throws Exception {
        String code = newDeviceCode();
        try (SipTestPeer stranger = peer("UDP", "127.0.0.1")) {
            String body = "<?xml version=\"1.0\"?>\r\n<Response><CmdType>" + ECHO_CMD_TYPE + "</CmdType><SN>4</SN><DeviceID>" + code
                    + "</DeviceID></Response>";
            AttackTally.attempt(GROUP, "MESSAGE from a device that never registered", () ->
                    stranger.message(code, body.getBytes(StandardCharsets.US_ASCII)).status() == 403 && notDispatched(code));
        }
    }

    private boolean notDispatched(String code) throws InterruptedException {
        Thread.sleep(300); // the handlers run on workers: give a wrongly dispatched body the time to show
        return !recorders.handledFrom.contains(code);
    }

    private SipTestPeer peer(String transport, String localHost) throws java.io.IOException {
        return new SipTestPeer(transport, localHost, "127.0.0.1", sipPort());
    }
}
