package org.xueliang.tracker.agent.sim;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.xueliang.tracker.agent.onvif.XmlNode;

/** One camera the {@link OnvifSimulator} serves on its own loopback address. */
public interface SimCamera {

    InetAddress address();

    /** Answers a SOAP request; {@code op} is the first Body element, {@code base} is http://own-address:port. */
    Answer soap(XmlNode envelope, XmlNode op, String base, Instant now);

    /** Answers an HTTP GET (snapshot URIs); {@code authorization} is the request's header or null. */
    Answer get(String pathAndQuery, String authorization, Instant now);

    /** No answer at all at this moment (connection dropped). */
    default boolean isDown(Instant now) {
        return false;
    }

    default Duration delay() {
        return Duration.ZERO;
    }

    /** What the simulator sends back. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

        public Answer {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }
}
