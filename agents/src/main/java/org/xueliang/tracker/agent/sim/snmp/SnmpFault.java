package org.xueliang.tracker.agent.sim.snmp;

/** What a simulated SNMP agent does wrong. A reboot is an event, not a state: {@link SimulatedSnmpAgent#reboot()}. */
public enum SnmpFault {
    /** Answers every valid request. */
    NONE,
    /** Answers nothing (powered off, cable pulled). */
    DOWN,
    /** Alternates between answering and silence every flap period. */
    FLAPPING,
    /** Credentials changed on the device: v2c requests are ignored, v3 requests get an unknownUserName report. */
    AUTH_FAILURE,
    /** Answers after the agent's configured delay. */
    SLOW
}
