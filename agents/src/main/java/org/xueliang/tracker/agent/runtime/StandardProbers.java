package org.xueliang.tracker.agent.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.xueliang.tracker.agent.net.IcmpProber;
import org.xueliang.tracker.agent.net.NioClient;
import org.xueliang.tracker.agent.net.RtspProber;
import org.xueliang.tracker.agent.net.TcpProber;
import org.xueliang.tracker.agent.onvif.OnvifClient;
import org.xueliang.tracker.agent.onvif.OnvifProber;
import org.xueliang.tracker.agent.onvif.PreviousSnapshots;
import org.xueliang.tracker.agent.onvif.SnapshotCheck;
import org.xueliang.tracker.agent.onvif.VqdSnapshotSink;
import org.xueliang.tracker.agent.probe.ProberRegistry;
import org.xueliang.tracker.agent.snmp.SnmpProber;
import org.xueliang.tracker.agent.snmp.SnmpTransport;

/**
 * Every prober an agent runs, with the shared transports they need (one NIO client, one SNMP
 * session), opened and closed together. The standalone agent and the backend's embedded agent both
 * use this, so they probe alike.
 */
public final class StandardProbers implements AutoCloseable {

    private final NioClient nio;
    private final SnmpTransport snmp;
    private final ProberRegistry registry;

    private StandardProbers(NioClient nio, SnmpTransport snmp, Predicate<URI> onvifDestinations, PreviousSnapshots previous,
                            VqdSnapshotSink checkedPictures) {
        this.nio = nio;
        this.snmp = snmp;
        this.registry = new ProberRegistry(List.of(new OnvifProber(onvifDestinations, new SnapshotCheck(), previous, checkedPictures),
                new SnmpProber(snmp), new TcpProber(nio),
                new RtspProber(nio), new IcmpProber()));
    }

    public static StandardProbers open() {
        return open(OnvifClient.ANY_DESTINATION);
    }

    /**
     * With a destination rule for the URIs cameras report ({@link OnvifClient#LOOPBACK_ONLY} in benchmarks and
     * demos, so that a camera's answer can never lead a probe off loopback).
     */
    public static StandardProbers open(Predicate<URI> onvifDestinations) {
        return new StandardProbers(new NioClient(), new SnmpTransport(), onvifDestinations, PreviousSnapshots.none(),
                VqdSnapshotSink.NONE);
    }

    /**
     * As {@link #open()}, keeping each camera's last checked snapshot in {@code vqdDir} so the scheduled picture check
     * judges FREEZE across restarts (docs/VQD.md). The agents give a directory next to their spool.
     */
    public static StandardProbers open(Path vqdDir) {
        return open(vqdDir, VqdSnapshotSink.NONE);
    }

    /** As {@link #open(Path)}, handing each scheduled check's picture to {@code checkedPictures} (docs/VQD.md). */
    public static StandardProbers open(Path vqdDir, VqdSnapshotSink checkedPictures) {
        return new StandardProbers(new NioClient(), new SnmpTransport(), OnvifClient.ANY_DESTINATION, PreviousSnapshots.in(vqdDir),
                checkedPictures);
    }

    public ProberRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        registry.close();
        snmp.close();
        nio.close();
    }
}
