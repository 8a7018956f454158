package org.xueliang.tracker.ledger;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 点位: where devices stand, with coordinates for the site map. */
@Entity
@Table(name = "site")
public class Site {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private SiteKind kind;
    private String township;
    private String address;
    private BigDecimal latitude;
    private BigDecimal longitude;

    protected Site() {
    }

    public Site(String code, String name, SiteKind kind, String township, String address, BigDecimal latitude, BigDecimal longitude) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.township = township;
        this.address = address;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public SiteKind getKind() { return kind; }
    public String getTownship() { return township; }
    public String getAddress() { return address; }
    public BigDecimal getLatitude() { return latitude; }
    public BigDecimal getLongitude() { return longitude; }
}
