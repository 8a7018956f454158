package org.xueliang.tracker.ledger;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One recorded lifecycle step of a device: from, to, the step's date, who recorded it and when. */
@Entity
@Table(name = "device_lifecycle_event")
public class DeviceLifecycleEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long deviceId;
    @Enumerated(EnumType.STRING)
    private Lifecycle fromState;
    @Enumerated(EnumType.STRING)
    private Lifecycle toState;
    @Column(name = "step_date")
    private LocalDate stepDate;
    private Instant recordedAt;
    private String recordedBy;

    protected DeviceLifecycleEvent() {
    }

    public DeviceLifecycleEvent(Long deviceId, Lifecycle fromState, Lifecycle toState, LocalDate stepDate, String recordedBy) {
        this.deviceId = deviceId;
        this.fromState = fromState;
        this.toState = toState;
        this.stepDate = stepDate;
        this.recordedAt = Instant.now();
        this.recordedBy = recordedBy;
    }

    public Long getId() { return id; }
    public Long getDeviceId() { return deviceId; }
    public Lifecycle getFromState() { return fromState; }
    public Lifecycle getToState() { return toState; }
    public LocalDate getStepDate() { return stepDate; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getRecordedBy() { return recordedBy; }
}
