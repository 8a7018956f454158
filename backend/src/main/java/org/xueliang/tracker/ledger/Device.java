package org.xueliang.tracker.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * 设备: one delivered device in the ledger. Its lifecycle state moves only through
 * {@link #moveTo}, which records the date of the step; {@link DeviceFields} carries everything a
 * user may edit.
 */import org.xueliang.tracker.shared.TimestampedEntity;

@Entity
@Table(name = "device")
public class Device extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long projectId;
    private String assetTag;
    private String name;
    private String categoryCode;
    private Long constructionItemId;
    private Long siteId;
    private String vendor;
    private String model;
    private String serialNumber;
    private String macAddress;
    private String ipAddress;
    private String firmware;
    @Enumerated(EnumType.STRING)
    private Lifecycle lifecycle = Lifecycle.PLANNED;
    private LocalDate plannedOn;
    private LocalDate deliveredOn;
    private LocalDate installedOn;
    private LocalDate acceptedOn;
    private LocalDate inServiceOn;
    private LocalDate faultyOn;
    private LocalDate retiredOn;
    private LocalDate warrantyEnd;
    private BigDecimal unitPrice;
    private String notes;
    @Enumerated(EnumType.STRING)
    private ProbeMethod probeMethod;
    private Integer probePort;
    private String probeHost;
    private Integer probeIntervalSeconds;
    private Integer probeTimeoutMs;
    private String probeZone;
    /** Method-specific probe settings as a JSON object of strings (e.g. snmp.uplinks), see ProbeSettings. */
    private String probeSettings;
    @jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY)
    @jakarta.persistence.JoinColumn(name = "credential_id")
    private Credential credential;
    /** 国标编码: unique where set; devices register with it to the GB/T 28181 server. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.CHAR)
    @jakarta.persistence.Column(length = 20)
    private String gbCode;
    /** The device's own GB/T 28181 REGISTER password (kind GB28181); null: the server's default password applies. */
    @jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY)
    @jakarta.persistence.JoinColumn(name = "gb_credential_id")
    private Credential gbCredential;
    /** The switch it hangs off (上联设备), written only by {@link DeviceUplinks} after its checks, never by JPA. */
    @jakarta.persistence.Column(name = "uplink_device_id", insertable = false, updatable = false)
    private Long uplinkDeviceId;
    @Version
    private long version;


    /** Copies every user-editable field, lifecycle dates included (validated beforehand by DeviceFieldsValidator). */
    public void apply(DeviceFields f) {
        projectId = f.projectId();
        assetTag = f.assetTag();
        name = f.name();
        categoryCode = f.category();
        constructionItemId = f.constructionItemId();
        siteId = f.siteId();
        vendor = f.vendor();
        model = f.model();
        serialNumber = f.serialNumber();
        macAddress = f.macAddress() == null ? null : f.macAddress().toUpperCase();
        ipAddress = f.ipAddress();
        firmware = f.firmware();
        lifecycle = f.lifecycle() == null ? Lifecycle.PLANNED : f.lifecycle();
        plannedOn = f.plannedOn();
        deliveredOn = f.deliveredOn();
        installedOn = f.installedOn();
        acceptedOn = f.acceptedOn();
        inServiceOn = f.inServiceOn();
        faultyOn = f.faultyOn();
        retiredOn = f.retiredOn();
        warrantyEnd = f.warrantyEnd();
        // the column's scale (DECIMAL(15,2)): an answer shows 45000.50 whether just written or read back; the
        // validator has refused more than two decimals before any write gets here
        unitPrice = f.unitPrice() == null ? null : f.unitPrice().setScale(2, RoundingMode.UNNECESSARY);
        notes = f.notes();
        probeMethod = f.probeMethod();
        probePort = f.probePort();
        probeHost = f.probeHost();
        probeIntervalSeconds = f.probeIntervalSeconds();
        probeTimeoutMs = f.probeTimeoutMs();
        probeZone = f.probeZone();
        gbCode = f.gbCode() == null || f.gbCode().isBlank() ? null : f.gbCode().trim();
    }

    /** The method-specific settings (JSON) and the credential: written by ProbeConfigurator, never by imports. */
    void configureProbe(String settingsJson, Credential newCredential) {
        probeSettings = settingsJson;
        credential = newCredential;
    }

    /** The editable fields as they stand, the starting point of a PATCH and the shape of export rows. */
    public DeviceFields fields() {
        return new DeviceFields(projectId, assetTag, name, categoryCode, constructionItemId, siteId, vendor, model,
                serialNumber, macAddress, ipAddress, firmware, lifecycle, plannedOn, deliveredOn, installedOn,
                acceptedOn, inServiceOn, faultyOn, retiredOn, warrantyEnd, unitPrice, notes, probeMethod, probePort,
                probeHost, probeIntervalSeconds, probeTimeoutMs, probeZone, gbCode);
    }

    /** The GB/T 28181 credential: written by DeviceService from the write-only {@code gbPassword}, never by imports. */
    void configureGbCredential(Credential credential) {
        gbCredential = credential;
    }

    /** Takes one lifecycle step on {@code date}; legality and date order are checked by the caller. */
    void moveTo(Lifecycle to, LocalDate date) {
        switch (to) {
            case DELIVERED -> deliveredOn = date;
            case INSTALLED -> installedOn = date;
            case ACCEPTED -> acceptedOn = date;
            case IN_SERVICE -> {
                if (inServiceOn == null) {
                    inServiceOn = date;
                }
            }
            case FAULTY -> faultyOn = date;
            case RETIRED -> retiredOn = date;
            case PLANNED -> plannedOn = date;
        }
        lifecycle = to;
    }

    /** The date of the step that put the device in its current state: a new step may not predate it. */
    public LocalDate currentStepDate() {
        return switch (lifecycle) {
            case PLANNED -> plannedOn;
            case DELIVERED -> deliveredOn;
            case INSTALLED -> installedOn;
            case ACCEPTED -> acceptedOn;
            case IN_SERVICE -> faultyOn != null && inServiceOn != null && faultyOn.isAfter(inServiceOn) ? faultyOn : inServiceOn;
            case FAULTY -> faultyOn;
            case RETIRED -> retiredOn;
        };
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public Long getUplinkDeviceId() { return uplinkDeviceId; }
    public String getAssetTag() { return assetTag; }
    public String getName() { return name; }
    public String getCategoryCode() { return categoryCode; }
    public Long getConstructionItemId() { return constructionItemId; }
    public Long getSiteId() { return siteId; }
    public String getVendor() { return vendor; }
    public String getModel() { return model; }
    public String getSerialNumber() { return serialNumber; }
    public String getMacAddress() { return macAddress; }
    public String getIpAddress() { return ipAddress; }
    public String getFirmware() { return firmware; }
    public Lifecycle getLifecycle() { return lifecycle; }
    public LocalDate getPlannedOn() { return plannedOn; }
    public LocalDate getDeliveredOn() { return deliveredOn; }
    public LocalDate getInstalledOn() { return installedOn; }
    public LocalDate getAcceptedOn() { return acceptedOn; }
    public LocalDate getInServiceOn() { return inServiceOn; }
    public LocalDate getFaultyOn() { return faultyOn; }
    public LocalDate getRetiredOn() { return retiredOn; }
    public LocalDate getWarrantyEnd() { return warrantyEnd; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public String getNotes() { return notes; }
    public ProbeMethod getProbeMethod() { return probeMethod; }
    public Integer getProbePort() { return probePort; }
    public Long getCredentialId() { return credential == null ? null : credential.getId(); }
    public Credential getCredential() { return credential; }
    public String getProbeHost() { return probeHost; }
    public Integer getProbeIntervalSeconds() { return probeIntervalSeconds; }
    public Integer getProbeTimeoutMs() { return probeTimeoutMs; }
    public String getProbeZone() { return probeZone; }
    public String getProbeSettings() { return probeSettings; }
    public String getGbCode() { return gbCode; }
    public Credential getGbCredential() { return gbCredential; }
    /** Whether the device has its own GB/T 28181 password (the view shows only this, never the password). */
    public boolean hasGbPassword() { return gbCredential != null && gbCredential.hasSecret(); }
    public long getVersion() { return version; }
}
