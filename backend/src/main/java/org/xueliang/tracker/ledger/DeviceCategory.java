package org.xueliang.tracker.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of device (FACE_CAMERA, SERVER, …) with its tier and default probe method; extensible by data. */
@Entity
@Table(name = "device_category")
public class DeviceCategory {

    @Id
    private String code;
    private String nameZh;
    private String nameEn;
    @Enumerated(EnumType.STRING)
    private Tier tier;
    @Enumerated(EnumType.STRING)
    private ProbeMethod defaultProbeMethod;
    private int sortOrder;
    /** Counted by the video assessment (cameras only): 在线率, 录像完整率, 图像完好率, 时钟准确率, 一机一档. */
    private boolean camera;

    protected DeviceCategory() {
    }

    public DeviceCategory(String code, String nameZh, String nameEn, Tier tier, ProbeMethod defaultProbeMethod, int sortOrder,
                          boolean camera) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.tier = tier;
        this.defaultProbeMethod = defaultProbeMethod;
        this.sortOrder = sortOrder;
        this.camera = camera;
    }

    public String getCode() { return code; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public Tier getTier() { return tier; }
    public ProbeMethod getDefaultProbeMethod() { return defaultProbeMethod; }
    public int getSortOrder() { return sortOrder; }
    public boolean isCamera() { return camera; }
}
