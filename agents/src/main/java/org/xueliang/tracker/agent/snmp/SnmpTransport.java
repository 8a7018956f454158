package org.xueliang.tracker.agent.snmp;

import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.MultiThreadedMessageDispatcher;
import org.snmp4j.util.ThreadPool;
import org.xueliang.tracker.agent.probe.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One snmp4j {@link Snmp} session over one UDP socket shared by every SNMP probe of the agent: requests
 * are matched to responses by request id, so thousands can be in flight on the one socket. Incoming
 * datagrams are decoded (and for v3 decrypted) on snmp4j's listen thread by default: with a decoder pool every answer
 * cost a thread hand-off (a futex wake and wait), more than decoding a v2c answer itself, and the probing benchmark
 * measured ~15 % more agent CPU per SNMP probe with the pool of 2 than without (docs/BENCHMARKS.md). A pool
 * ({@code decoderThreads} &gt; 0) is still there for fleets of SNMPv3 devices with privacy, where decryption is the
 * larger cost.
 *
 * <p>SNMPv3 users are registered on first use. Without an engine ID a user is stored un-localised and
 * snmp4j localises its keys per device after engine-ID discovery (the first request to a new engine
 * gets a usmStatsUnknownEngineIDs report and is re-sent). One name can carry only one set of passphrases
 * that way; devices that use the same user name with other passphrases need {@code snmp.engineId} (hex)
 * in their settings, which registers the user localised for that engine only.
 */
public final class SnmpTransport implements AutoCloseable {

    private final Snmp snmp;
    private final USM usm;
    private final ThreadPool pool;
    private final Map<String, Integer> registered = new ConcurrentHashMap<>();
    /** request id → waiting Consumer&lt;PDU&gt;, or the report PDU if it came before the waiter registered. */
    private final Map<Integer, Object> pendingAuth = new ConcurrentHashMap<>();
    private static final OID USM_STATS = new OID("1.3.6.1.6.3.15.1.1");

    public SnmpTransport() {
        this(0);
    }

    public SnmpTransport(int decoderThreads) {
        try {
            SecurityProtocols protocols = SecurityProtocols.getInstance();
            protocols.addDefaultProtocols();
            protocols.addAuthenticationProtocol(new AuthSHA()); // not among snmp4j 3's defaults, but what devices use
            protocols.addPrivacyProtocol(new PrivAES128());
            usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
            MessageDispatcherImpl base = new MessageDispatcherImpl();
            base.addMessageProcessingModel(new MPv2c());
            base.addMessageProcessingModel(new MPv3(usm));
            pool = decoderThreads > 0 ? ThreadPool.create("snmp-decode", decoderThreads) : null;
            DefaultUdpTransportMapping udp = new DefaultUdpTransportMapping(new UdpAddress("0.0.0.0/0"));
            udp.setReceiveBufferSize(4 << 20);
            snmp = new Snmp(pool == null ? base : new MultiThreadedMessageDispatcher(pool, base), udp);
            Snmp.ReportHandler standard = snmp.getReportHandler();
            snmp.setReportHandler(new Snmp.ReportHandler() {
                @Override
                public <A extends org.snmp4j.smi.Address> void processReport(org.snmp4j.mp.PduHandle handle,
                                                                             org.snmp4j.CommandResponderEvent<A> event) {
                    PDU report = event.getPDU();
                    if (handle != null && report != null && isAuthFailure(report)) {
                        deliverAuthReport(handle.getTransactionID(), report);
                    }
                    standard.processReport(handle, event);
                }
            });
            snmp.listen();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the SNMP UDP socket: " + e.getMessage(), e);
        }
    }

    public Snmp snmp() {
        return snmp;
    }

    /**
     * Calls {@code onReport} with the USM report if the agent rejects request {@code requestId} (unknown user,
     * wrong digest, decryption error, unsupported level). Such reports come unauthenticated (noAuthNoPriv,
     * RFC 3414: the agent cannot sign with a key it does not share), and snmp4j drops those for authenticated
     * requests (RFC 3412 §7.2.11.b), which would turn every wrong passphrase into a timeout. Like net-snmp's
     * tools we take them as "authentication failure": someone on the path could forge one, but a forged
     * report only makes a device look misconfigured, never healthy.
     */
    public void onAuthReport(int requestId, Consumer<PDU> onReport) {
        Object other = pendingAuth.putIfAbsent(requestId, onReport);
        if (other instanceof PDU early) {
            pendingAuth.remove(requestId);
            onReport.accept(early);
        }
    }

    public void forgetAuthReport(int requestId) {
        pendingAuth.remove(requestId);
    }

    @SuppressWarnings("unchecked")
    private void deliverAuthReport(int requestId, PDU report) {
        Object waiter = pendingAuth.putIfAbsent(requestId, report);
        if (waiter instanceof Consumer<?> c) {
            pendingAuth.remove(requestId);
            ((Consumer<PDU>) c).accept(report);
        } else if (pendingAuth.size() > 10_000) {
            pendingAuth.values().removeIf(v -> v instanceof PDU); // reports nobody waited for
        }
    }

    static boolean isAuthFailure(PDU report) {
        if (report.getType() != PDU.REPORT || report.size() == 0) {
            return false;
        }
        OID counter = report.get(0).getOid();
        if (!counter.startsWith(USM_STATS) || counter.size() <= USM_STATS.size()) {
            return false;
        }
        int which = counter.get(USM_STATS.size());
        return which == 1 || which == 3 || which == 5 || which == 6; // unsupportedSecLevels, unknownUserNames, wrongDigests, decryptionErrors
    }

    /**
     * Makes sure the USM knows the v3 user in {@code secrets}.
     *
     * @param engineIdHex the device's engine ID if configured, else null (discovered)
     * @throws IllegalArgumentException for unknown protocols, or when the same user name is already
     *                                  registered with other passphrases and no engine ID is given
     */
    public void ensureUser(Secrets secrets, String engineIdHex) {
        OctetString name = new OctetString(Objects.requireNonNull(secrets.username(), "SNMPv3 needs a user name"));
        OID auth = authProtocol(secrets.authProtocol());
        OID priv = privProtocol(secrets.privProtocol());
        UsmUser user = new UsmUser(name, auth, str(secrets.authPassword()), priv, str(secrets.privPassword()));
        int fingerprint = Objects.hash(secrets.username(), auth, secrets.authPassword(), priv, secrets.privPassword());
        String key = engineIdHex == null ? secrets.username() : secrets.username() + "@" + engineIdHex.toLowerCase(Locale.ROOT);
        Integer known = registered.putIfAbsent(key, fingerprint);
        if (known == null) {
            if (engineIdHex == null) {
                usm.addUser(name, user);
            } else {
                usm.addUser(name, new OctetString(HexFormat.of().parseHex(engineIdHex)), user);
            }
        } else if (known != fingerprint) {
            throw new IllegalArgumentException("SNMPv3 user '" + secrets.username()
                    + "' is already in use with other passphrases; set snmp.engineId for this device");
        }
    }

    static OID authProtocol(String name) {
        String n = name == null ? "SHA" : name.toUpperCase(Locale.ROOT).replace("-", "");
        return switch (n) {
            case "SHA", "SHA1" -> AuthSHA.ID;
            case "SHA256" -> AuthHMAC192SHA256.ID;
            case "NONE" -> null;
            default -> throw new IllegalArgumentException("Unsupported SNMPv3 auth protocol " + name + " (SHA, SHA256)");
        };
    }

    static OID privProtocol(String name) {
        String n = name == null ? "AES" : name.toUpperCase(Locale.ROOT).replace("-", "");
        return switch (n) {
            case "AES", "AES128" -> PrivAES128.ID;
            case "AES256" -> PrivAES256.ID;
            case "NONE" -> null;
            default -> throw new IllegalArgumentException("Unsupported SNMPv3 privacy protocol " + name + " (AES, AES256)");
        };
    }

    private static OctetString str(String s) {
        return s == null ? null : new OctetString(s);
    }

    @Override
    public void close() {
        try {
            snmp.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (pool != null) {
                pool.stop();
            }
        }
    }
}
