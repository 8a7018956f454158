package org.xueliang.tracker.shared;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Refuses to start when a configured port is taken, right after the configuration is read and before
 * anything is created or served: one line on stderr naming the port and its setting, exit code 2, no
 * stack trace. Without it a busy port surfaces late (Tomcat after the database migrations, a demo
 * simulator after the web server already answered) as a stack trace that does not name the setting.
 *
 * <p>Checked: {@code server.port} ({@code XL_PORT}) on {@code server.address}, and in demo mode the
 * configured simulator ports ({@code XL_DEMO_ONVIF_PORT} on the wildcard as the ONVIF simulator binds
 * it, {@code XL_DEMO_SNMP_PORT} over UDP on the simulators' loopback network), and with the GB/T 28181 server
 * enabled its SIP port ({@code XL_GB_SIP_PORT}, UDP and TCP on {@code XL_GB_SIP_HOST}). Port 0 (a demo default)
 * means any free port and is not checked. Registered by the main class only, so tests are unaffected.
 */
public final class PortCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** The loopback network the demo simulators live on (docs/DEMO.md); its first address stands for all. */
    public static final String DEMO_NETWORK_ADDRESS = "127.20.0.1";
    public static final String ANY_ADDRESS = "0.0.0.0";

    /** A port the configuration asks for, where it will be bound and which setting names it. */
    public record Wanted(int port, String host, boolean udp, String variable, String property) {
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files and the environment are read
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        firstBusy(wanted(event.getEnvironment())).ifPresent(line -> {
            System.err.println(line);
            System.exit(2);
        });
    }

    static List<Wanted> wanted(Environment env) {
        List<Wanted> out = new ArrayList<>();
        String address = env.getProperty("server.address", "");
        out.add(new Wanted(env.getProperty("server.port", Integer.class, 8080), address.isBlank() ? ANY_ADDRESS : address,
                false, "XL_PORT", "server.port"));
        if (env.getProperty("xl.demo", Boolean.class, false)) {
            out.add(new Wanted(env.getProperty("xl.demo.onvif-port", Integer.class, 0), ANY_ADDRESS, false,
                    "XL_DEMO_ONVIF_PORT", "xl.demo.onvif-port"));
            out.add(new Wanted(env.getProperty("xl.demo.snmp-port", Integer.class, 0), DEMO_NETWORK_ADDRESS, true,
                    "XL_DEMO_SNMP_PORT", "xl.demo.snmp-port"));
        }
        if (env.getProperty("xl.gb.enabled", Boolean.class, false)) {
            int sip = env.getProperty("xl.gb.sip-port", Integer.class, 5060);
            String sipHost = env.getProperty("xl.gb.sip-host", "127.0.0.1");
            out.add(new Wanted(sip, sipHost, true, "XL_GB_SIP_PORT", "xl.gb.sip-port"));
            out.add(new Wanted(sip, sipHost, false, "XL_GB_SIP_PORT", "xl.gb.sip-port"));
        }
        return out.stream().filter(w -> w.port() > 0).toList();
    }

    /** The line for the first wanted port that cannot be bound now, if any. */
    static Optional<String> firstBusy(List<Wanted> wanted) {
        for (Wanted w : wanted) {
            InetAddress address;
            try {
                address = InetAddress.getByName(w.host());
            } catch (UnknownHostException e) {
                continue; // a bad address is not a busy port: the web server reports it in its own words
            }
            try (NetworkChannel channel = w.udp() ? DatagramChannel.open(StandardProtocolFamily.INET) : ServerSocketChannel.open()) {
                channel.bind(new InetSocketAddress(address, w.port()));
            } catch (IOException e) {
                if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
                    return Optional.of(inUse(w));
                } // else not a busy port (an address this host lacks, a privileged port): the server reports it itself
            }
        }
        return Optional.empty();
    }

    /** The one line that names a busy port and the setting that chose it (also used for ports bound later). */
    public static String inUse(Wanted w) {
        String zeroHint = w.property().startsWith("xl.demo.") || w.property().startsWith("xl.gb.") ? " or to 0 (any free port)" : "";
        return "[xl] port " + w.port() + (w.udp() ? "/udp" : "") + " (" + w.variable() + " / " + w.property() + ") on "
                + w.host() + " is already in use: stop the other program or set " + w.variable() + " to a free port" + zeroHint;
    }
}
