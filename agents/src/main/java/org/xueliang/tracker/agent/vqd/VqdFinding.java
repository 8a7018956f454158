package org.xueliang.tracker.agent.vqd;

/**
 * One class's verdict on a picture: its score in [0, 1], the threshold it was judged against and whether it is a
 * fault. {@code maskedBy} names the class that made this one meaningless (a lost signal is not also blurred and
 * dark); a masked finding keeps its score but is never a fault.
 */
public record VqdFinding(VqdClass type, double score, double threshold, boolean fault, VqdClass maskedBy) {
}
