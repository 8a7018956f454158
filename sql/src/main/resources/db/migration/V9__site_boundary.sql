-- The county/township boundary drawn under the site map (docs/UI.md): one GeoJSON document for the
-- deployment, as an administrator uploaded it (validated: (Multi)Polygon geometry, WGS84 coordinates,
-- at most 5 MB). Sites are shared by every project of the county, so one boundary serves them all;
-- the single row has id 1.
CREATE TABLE site_boundary (
    id           INT          NOT NULL,
    geojson      MEDIUMTEXT   NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    polygons     INT          NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
