package org.xueliang.tracker.assessment;

/**
 * The indicators of the monthly video assessment. {@link #apiName()} is the field name the API uses
 * ({@code indicators.onlineRate}, …); people read the labels from the message bundles (key
 * {@code assessment.indicator.<NAME>}).
 */
public enum Indicator {
    /** 在线率: time the camera was up ÷ time it was judged (availability engine). */
    ONLINE_RATE("onlineRate"),
    /** 录像完整率: recorded time ∩ expected recording window ÷ expected window (GB RecordInfo, ONVIF Profile G). */
    RECORDING_COMPLETENESS("recordingCompleteness"),
    /** 图像完好率: VQD checks without a fault ÷ VQD checks. */
    IMAGE_INTACTNESS("imageIntactness"),
    /** 时钟准确率: clock samples within the threshold ÷ clock samples (ONVIF GetSystemDateAndTime, GB DeviceStatus). */
    CLOCK_ACCURACY("clockAccuracy"),
    /** 一机一档 档案完整率: valid required archive fields ÷ required archive fields. */
    ARCHIVE_COMPLETENESS("archiveCompleteness");

    private final String apiName;

    Indicator(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
