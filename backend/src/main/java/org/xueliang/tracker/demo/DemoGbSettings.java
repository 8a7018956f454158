package org.xueliang.tracker.demo;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Demo mode turns the GB/T 28181 server on (docs/DEMO.md): {@code xl.gb.enabled=true}, the SIP port a free loopback
 * port for UDP and TCP chosen now (so the in-process devices of {@link DemoGbFleet} know where to register), and the
 * server's default device password {@link #DEMO_PASSWORD} when none is set. Whatever the user set
 * ({@code XL_GB_ENABLED}, {@code XL_GB_SIP_PORT}, {@code XL_GB_PASSWORD}, or the {@code xl.gb.*} properties outside
 * application.yml) stays as set. Registered in META-INF/spring.factories; does nothing unless {@code xl.demo=true}.
 */
public class DemoGbSettings implements EnvironmentPostProcessor {

    /** The REGISTER password of demo devices without one of their own (a demo, not a secret). */
    static final String DEMO_PASSWORD = "Demo-Gb-Passw0rd";
    static final String SOURCE = "xl-demo-gb28181";
    /** The range the SIP port is drawn from: under Linux's default ephemeral range (32768–60999), above 1023. */
    static final int FIRST_PORT = 20_000;
    static final int LAST_PORT = 32_767;
    private static final Random PORTS = new Random();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!Boolean.parseBoolean(env.getProperty("xl.demo", "false"))) {
            return;
        }
        Map<String, Object> demo = new LinkedHashMap<>();
        if (!userSet(env, "xl.gb.enabled")) {
            demo.put("xl.gb.enabled", "true");
        }
        if (!userSet(env, "xl.gb.sip-port")) {
            demo.put("xl.gb.sip-port", Integer.toString(freePort(env.getProperty("xl.gb.sip-host", "127.0.0.1"))));
        }
        if (!userSet(env, "xl.gb.password") && env.getProperty("xl.gb.password", "").isEmpty()) {
            demo.put("xl.gb.password", DEMO_PASSWORD);
        }
        if (!demo.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource(SOURCE, demo));
        }
    }

    /**
     * Set by the user: in a property source other than the application's own config files (the environment, system
     * properties, the command line, test properties). The environment source matches XL_GB_SIP_PORT for xl.gb.sip-port.
     */
    static boolean userSet(ConfigurableEnvironment env, String property) {
        String variable = property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        for (PropertySource<?> s : env.getPropertySources()) {
            // "configurationProperties" is Boot's view of all the others (application.yml included): not a source of its own
            if (s.getName().startsWith("Config resource") || s.getName().equals(SOURCE)
                    || s.getName().equals("configurationProperties")) {
                continue;
            }
            if (s.containsProperty(property) || s.containsProperty(variable)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A port free for both UDP and TCP on {@code host} now, below the ephemeral range. The server binds it only once the
     * context starts, a minute later on a busy machine; an ephemeral port could meanwhile become the local end of any
     * outgoing connection (the embedded agent's probes, a browser), and the start failed on it in CI. Ports in
     * [{@link #FIRST_PORT}, {@link #LAST_PORT}] are only ever taken by an explicit bind.
     */
    static int freePort(String host) {
        for (int attempt = 0; attempt < 40; attempt++) {
            int port = FIRST_PORT + PORTS.nextInt(LAST_PORT - FIRST_PORT + 1);
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), port));
                 ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(InetAddress.getByName(host), port));
                return port;
            } catch (IOException taken) {
                // bound by another program for UDP or TCP: another one
            }
        }
        throw new IllegalStateException("Demo mode: no port free for both UDP and TCP on " + host + " for the GB/T 28181 server");
    }
}
