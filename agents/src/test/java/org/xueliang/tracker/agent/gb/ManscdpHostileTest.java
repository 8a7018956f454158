package org.xueliang.tracker.agent.gb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile device can put in a MANSCDP body to reach the platform's files, network or memory: external
 * entities (file: and http: URLs), external DTDs, parameter entities, entity expansion (billion laughs). Each is
 * refused, and the proof that nothing was fetched is from the outside: a named pipe that would record being opened,
 * and a listening socket on 127.0.0.1 that would record a connection.
 */
class ManscdpHostileTest {

    private static final String SECRET = "CANARY-7f3a9c";

    @TempDir
    Path dir;

    /** The catalogue's external references, plus XInclude (never processed: the parser is not namespace-aware). */
    private static List<byte[]> hostile(String url) {
        List<byte[]> bodies = new java.util.ArrayList<>(HostileBodies.external(url).values());
        bodies.add(("<Notify xmlns:xi=\"http://www.w3.org/2001/XInclude\"><CmdType>Keepalive</CmdType>"
                + "<DeviceID><xi:include href=\"" + url + "\" parse=\"text\"/></DeviceID></Notify>").getBytes(StandardCharsets.UTF_8));
        return bodies;
    }

    @Test
    void an_external_entity_naming_a_file_is_refused_and_the_file_never_opened() throws Exception {
        Path pipe = dir.resolve("canary.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo works here").isTrue();
        // Opening a pipe for writing waits until someone opens it for reading: the parser, if it followed the entity.
        CompletableFuture<Boolean> openedByParser = CompletableFuture.supplyAsync(() -> {
            try (OutputStream out = Files.newOutputStream(pipe)) {
                out.write(SECRET.getBytes(StandardCharsets.US_ASCII));
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        for (byte[] xml : hostile(pipe.toUri().toString())) {
            assertRefusedWithoutSecret(xml);
        }
        assertThat(openedByParser).as("the parser opened the file an entity named").isNotDone();
        // our own read releases the writer
        try (InputStream in = Files.newInputStream(pipe)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(SECRET);
        }
        assertThat(openedByParser.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void an_external_entity_naming_a_url_is_refused_and_nothing_connects() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        connections.incrementAndGet();
                        s.getOutputStream().write(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n" + SECRET)
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (SocketException closed) {
                        return;
                    } catch (IOException e) {
                        connections.incrementAndGet();
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
            for (byte[] xml : hostile("http://127.0.0.1:" + server.getLocalPort() + "/x")) {
                assertRefusedWithoutSecret(xml);
            }
        }
        assertThat(connections).as("connections the parser made").hasValue(0);
    }

    @Test
    void every_body_of_the_catalogue_is_refused() {
        HostileBodies.all("file:///nonexistent/canary").forEach((attack, body) ->
                assertThatThrownBy(() -> Manscdp.parse(body)).as(attack).isInstanceOf(ManscdpException.class));
    }

    private static void assertRefusedWithoutSecret(byte[] body) {
        String xml = new String(body, StandardCharsets.UTF_8);
        try {
            ManscdpMessage m = Manscdp.parse(body);
            // XInclude is not processed at all (no namespace awareness): the include is an unknown empty element
            assertThat(m.toString()).as(xml).doesNotContain(SECRET);
        } catch (ManscdpException refused) {
            assertThat(refused).as(xml).hasMessageNotContaining(SECRET);
        }
    }
}
