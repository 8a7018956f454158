package org.xueliang.tracker.stocktake;

/** A stocktake session is OPEN while devices are scanned into it, CLOSED for good once its report is final. */
public enum StocktakeState {
    OPEN, CLOSED
}
