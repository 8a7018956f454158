package org.xueliang.tracker.ledger;

import java.nio.charset.StandardCharsets;

import org.xueliang.tracker.shared.ApiException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules an uploaded boundary must meet (plain Java, no Spring): UTF-8 JSON holding a GeoJSON
 * FeatureCollection, Feature, Polygon or MultiPolygon whose geometries are all (Multi)Polygons of
 * closed rings with at least four [longitude, latitude] positions inside WGS84's range. Anything else
 * is a 422 naming what is wrong; the size limit is checked before parsing ({@link #MAX_BYTES}).
 */
final class BoundaryGeoJson {

    /** 5 MB: a detailed county outline with its townships is well under 1 MB. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final String FIELD = "geojson";

    private BoundaryGeoJson() {
    }

    /** The number of polygons in the document; a 422 problem when it is not a boundary. */
    static int validate(byte[] body, JsonMapper json) {
        if (body.length == 0) {
            throw invalid("the body is empty: send a GeoJSON FeatureCollection, Feature, Polygon or MultiPolygon");
        }
        JsonNode root;
        try {
            root = json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw invalid("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid("the body is not a GeoJSON object");
        }
        int polygons = switch (type(root)) {
            case "FeatureCollection" -> featureCollection(root);
            case "Feature" -> feature(root, "feature");
            default -> geometry(root, "geometry");
        };
        if (polygons == 0) {
            throw invalid("the document holds no polygon");
        }
        return polygons;
    }

    private static int featureCollection(JsonNode root) {
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw invalid("a FeatureCollection needs a features array");
        }
        int polygons = 0;
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            if (!feature.isObject() || !"Feature".equals(type(feature))) {
                throw invalid("features[" + i + "] is not a Feature");
            }
            polygons += feature(feature, "features[" + i + "]");
        }
        return polygons;
    }

    private static int feature(JsonNode feature, String where) {
        JsonNode geometry = feature.get("geometry");
        if (geometry == null || !geometry.isObject()) {
            throw invalid(where + " has no geometry");
        }
        return geometry(geometry, where + ".geometry");
    }

    private static int geometry(JsonNode geometry, String where) {
        JsonNode coordinates = geometry.get("coordinates");
        return switch (type(geometry)) {
            case "Polygon" -> {
                polygon(coordinates, where + ".coordinates");
                yield 1;
            }
            case "MultiPolygon" -> {
                if (coordinates == null || !coordinates.isArray()) {
                    throw invalid(where + ".coordinates is not an array of polygons");
                }
                for (int i = 0; i < coordinates.size(); i++) {
                    polygon(coordinates.get(i), where + ".coordinates[" + i + "]");
                }
                yield coordinates.size();
            }
            default -> throw invalid(where + " is a " + (type(geometry).isEmpty() ? "object without a type" : type(geometry))
                    + ": a boundary is made of Polygon or MultiPolygon geometries");
        };
    }

    private static void polygon(JsonNode rings, String where) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            throw invalid(where + " is not an array of linear rings");
        }
        for (int r = 0; r < rings.size(); r++) {
            ring(rings.get(r), where + "[" + r + "]");
        }
    }

    private static void ring(JsonNode ring, String where) {
        if (!ring.isArray() || ring.size() < 4) {
            throw invalid(where + " is not a linear ring of at least four positions");
        }
        for (int p = 0; p < ring.size(); p++) {
            position(ring.get(p), where + "[" + p + "]");
        }
        JsonNode first = ring.get(0);
        JsonNode last = ring.get(ring.size() - 1);
        if (first.get(0).asDouble() != last.get(0).asDouble() || first.get(1).asDouble() != last.get(1).asDouble()) {
            throw invalid(where + " is not closed: its last position must repeat the first");
        }
    }

    private static void position(JsonNode position, String where) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw invalid(where + " is not a [longitude, latitude] position");
        }
        double lon = position.get(0).asDouble();
        double lat = position.get(1).asDouble();
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw invalid(where + " = [" + lon + ", " + lat + "] is outside longitude −180…180, latitude −90…90");
        }
    }

    private static String type(JsonNode node) {
        JsonNode type = node.get("type");
        return type != null && type.isString() ? type.asString() : "";
    }

    private static ApiException invalid(String message) {
        return ApiException.invalid(FIELD, message);
    }
}
