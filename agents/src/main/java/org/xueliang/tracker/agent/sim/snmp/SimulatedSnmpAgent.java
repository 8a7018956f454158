package org.xueliang.tracker.agent.sim.snmp;

import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.TransportStateReference;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.AbstractTransportMapping;
import org.xueliang.tracker.agent.snmp.rec.SnmprecFile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated SNMP agent on its own loopback address: answers GET, GETNEXT and GETBULK from a recording
 * (shared, read-only, between agents replaying the same file) plus per-agent overrides, with a sysUpTime
 * that advances in real time from the recorded value, and scripted faults. v2c with one community and v3
 * with one USM user (its own engine ID, so each agent is a distinct SNMP engine).
 */
public final class SimulatedSnmpAgent {

    static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
    private static final int RESPONSE_HEADROOM = 100;

    private final InetSocketAddress address;
    private final SnmprecFile recording;
    private final NavigableMap<OID, Variable> overrides = new ConcurrentSkipListMap<>();
    private final byte[] community;
    private final UsmUser v3User;
    private final USM usm;
    private final MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    private final ChannelTransport transport;
    private final ScheduledExecutorService delayed;
    private final AtomicLong requests = new AtomicLong();
    private final boolean hasUptime;

    private volatile SnmpFault fault = SnmpFault.NONE;
    private volatile Duration delay = Duration.ofSeconds(3);
    private volatile Duration flapPeriod = Duration.ofSeconds(10);
    private volatile long flapStartNanos = System.nanoTime();
    private volatile long bootTicks;
    private volatile long bootNanos = System.nanoTime();

    SimulatedSnmpAgent(InetSocketAddress address, DatagramChannel channel, SnmprecFile recording, String community,
                       UsmUser v3User, ScheduledExecutorService delayed) {
        this.address = address;
        this.recording = recording;
        this.community = community.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.v3User = v3User;
        this.delayed = delayed;
        this.transport = new ChannelTransport(channel, new UdpAddress(address.getAddress(), address.getPort()));
        Variable recorded = recording.values().get(SYS_UPTIME);
        this.hasUptime = recorded != null;
        this.bootTicks = recorded == null ? 0 : recorded.toLong();
        OctetString engineId = new OctetString(MPv3.createLocalEngineID(new OctetString("xl-sim " + address)));
        usm = new USM(SecurityProtocols.getInstance(), engineId, 0);
        if (v3User != null) {
            usm.addUser(v3User.getSecurityName(), v3User);
        }
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addMessageProcessingModel(new MPv3(usm));
        dispatcher.addCommandResponder(new Responder());
    }

    public InetSocketAddress address() {
        return address;
    }

    public String host() {
        return address.getAddress().getHostAddress();
    }

    public int port() {
        return address.getPort();
    }

    public String recordingName() {
        return recording.name();
    }

    /** Requests received, answered or not. */
    public long requests() {
        return requests.get();
    }

    public SnmpFault fault() {
        return fault;
    }

    public synchronized SimulatedSnmpAgent fault(SnmpFault f) {
        if (v3User != null && (f == SnmpFault.AUTH_FAILURE) != (fault == SnmpFault.AUTH_FAILURE)) {
            if (f == SnmpFault.AUTH_FAILURE) {
                usm.removeAllUsers(v3User.getSecurityName());
            } else {
                usm.addUser(v3User.getSecurityName(), v3User);
            }
        }
        if (f == SnmpFault.FLAPPING) {
            flapStartNanos = System.nanoTime();
        }
        this.fault = f;
        return this;
    }

    /** Delay of answers under {@link SnmpFault#SLOW}. */
    public SimulatedSnmpAgent delay(Duration d) {
        this.delay = d;
        return this;
    }

    /** Half-period of {@link SnmpFault#FLAPPING}: this long answering, then this long silent. */
    public SimulatedSnmpAgent flapPeriod(Duration d) {
        this.flapPeriod = d;
        return this;
    }

    /** The device restarts now: sysUpTime starts again from 0. */
    public SimulatedSnmpAgent reboot() {
        bootTicks = 0;
        bootNanos = System.nanoTime();
        return this;
    }

    /** Overrides (or adds) one value, e.g. upsOutputSource = battery(5) or an uplink's ifOperStatus = down(2). */
    public SimulatedSnmpAgent set(String oid, Variable value) {
        overrides.put(new OID(oid), value);
        return this;
    }

    public long uptimeTicks() {
        return (bootTicks + (System.nanoTime() - bootNanos) / 10_000_000L) & 0xFFFF_FFFFL;
    }

    /** Whether the agent answers right now (not down, not in a silent flap phase). */
    boolean answering() {
        return switch (fault) {
            case DOWN -> false;
            case FLAPPING -> ((System.nanoTime() - flapStartNanos) / Math.max(1, flapPeriod.toNanos())) % 2 == 0;
            default -> true;
        };
    }

    /** Called by the simulator's selector thread for every datagram to this agent's address. */
    void receive(InetSocketAddress from, ByteBuffer datagram) {
        requests.incrementAndGet();
        if (!answering()) {
            return;
        }
        UdpAddress peer = new UdpAddress(from.getAddress(), from.getPort());
        TransportStateReference ref = new TransportStateReference(transport, peer, null,
                SecurityLevel.undefined, SecurityLevel.undefined, false, null);
        dispatcher.processMessage(transport, peer, datagram, ref);
    }

    void close() throws IOException {
        transport.close();
    }

    // ---- the data view: overrides over the recording, with a live sysUpTime ----------------------------

    private Variable get(OID oid) {
        Variable v = overrides.get(oid);
        if (v != null) {
            return v;
        }
        if (hasUptime && oid.equals(SYS_UPTIME)) {
            return new TimeTicks(uptimeTicks());
        }
        v = recording.values().get(oid);
        return v != null ? v : Null.noSuchObject;
    }

    private VariableBinding next(OID oid) {
        Map.Entry<OID, Variable> r = recording.values().higherEntry(oid);
        Map.Entry<OID, Variable> o = overrides.higherEntry(oid);
        Map.Entry<OID, Variable> e = r == null ? o : o == null ? r : (o.getKey().compareTo(r.getKey()) <= 0 ? o : r);
        if (e == null) {
            return new VariableBinding(oid, Null.endOfMibView);
        }
        return new VariableBinding(e.getKey(), get(e.getKey()));
    }

    private final class Responder implements CommandResponder {
        @Override
        public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> e) {
            e.setProcessed(true);
            if (e.getSecurityModel() == SecurityModel.SECURITY_MODEL_SNMPv2c
                    && (fault == SnmpFault.AUTH_FAILURE || !Arrays.equals(community, e.getSecurityName()))) {
                return; // agents ignore a wrong community
            }
            PDU request = e.getPDU();
            PDU response = (PDU) request.clone();
            response.clear(); // also resets the request id
            response.setRequestID(request.getRequestID());
            response.setType(PDU.RESPONSE);
            response.setErrorStatus(PDU.noError);
            response.setErrorIndex(0);
            switch (request.getType()) {
                case PDU.GET -> request.getVariableBindings().forEach(vb -> response.add(new VariableBinding(vb.getOid(), get(vb.getOid()))));
                case PDU.GETNEXT -> request.getVariableBindings().forEach(vb -> response.add(next(vb.getOid())));
                case PDU.GETBULK -> bulk(request, response, e.getMaxSizeResponsePDU());
                default -> {
                    response.addAll(request.getVariableBindings());
                    response.setErrorStatus(PDU.readOnly);
                    response.setErrorIndex(1);
                }
            }
            if (fault == SnmpFault.SLOW) {
                delayed.schedule(() -> reply(e, response), delay.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                reply(e, response);
            }
        }

        private void bulk(PDU request, PDU response, int maxSize) {
            var vbs = request.getVariableBindings();
            int nonRepeaters = Math.max(0, Math.min(request.getNonRepeaters(), vbs.size()));
            int budget = Math.max(484, maxSize) - RESPONSE_HEADROOM;
            for (int i = 0; i < nonRepeaters; i++) {
                VariableBinding vb = next(vbs.get(i).getOid());
                budget -= vb.getBERLength();
                response.add(vb);
            }
            OID[] cursor = new OID[vbs.size() - nonRepeaters];
            for (int i = 0; i < cursor.length; i++) {
                cursor[i] = vbs.get(nonRepeaters + i).getOid();
            }
            int reps = Math.max(0, Math.min(request.getMaxRepetitions(), 1000));
            for (int r = 0; r < reps && cursor.length > 0; r++) {
                boolean allEnd = true;
                for (int i = 0; i < cursor.length; i++) {
                    VariableBinding vb = next(cursor[i]);
                    budget -= vb.getBERLength();
                    if (budget < 0 && response.size() > 0) {
                        return;
                    }
                    response.add(vb);
                    cursor[i] = vb.getOid();
                    allEnd &= vb.getVariable().getSyntax() == Null.endOfMibView.getSyntax();
                }
                if (allEnd) {
                    return;
                }
            }
        }

        private <A extends org.snmp4j.smi.Address> void reply(CommandResponderEvent<A> e, PDU response) {
            try {
                e.getMessageDispatcher().returnResponsePdu(e.getMessageProcessingModel(), e.getSecurityModel(),
                        e.getSecurityName(), e.getSecurityLevel(), response, e.getMaxSizeResponsePDU(),
                        e.getStateReference(), new StatusInformation());
            } catch (MessageException ex) {
                // the requester is gone or the response does not fit: a real agent drops it too
            }
        }
    }

    /** Sends this agent's answers from its own socket, so they come from the address the request went to. */
    private static final class ChannelTransport extends AbstractTransportMapping<UdpAddress> {
        private final DatagramChannel channel;
        private final UdpAddress listen;

        ChannelTransport(DatagramChannel channel, UdpAddress listen) {
            this.channel = channel;
            this.listen = listen;
            this.maxInboundMessageSize = 65535;
        }

        @Override
        public Class<? extends org.snmp4j.smi.Address> getSupportedAddressClass() {
            return UdpAddress.class;
        }

        @Override
        public void sendMessage(UdpAddress to, byte[] message, TransportStateReference ref, long timeout, int retries)
                throws IOException {
            channel.send(ByteBuffer.wrap(message), new InetSocketAddress(to.getInetAddress(), to.getPort()));
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }

        @Override
        public void listen() {
            // the simulator's selector reads the channel
        }

        @Override
        public boolean isListening() {
            return channel.isOpen();
        }

        @Override
        public UdpAddress getListenAddress() {
            return listen;
        }
    }
}
