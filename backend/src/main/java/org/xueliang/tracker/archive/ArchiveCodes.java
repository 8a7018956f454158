package org.xueliang.tracker.archive;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The enumerations of the 一机一档, as codes in the API and the table; people read their labels from the bundle
 * ({@code archive.<kind>.<CODE>}). {@link Code#gb()} is the value GB/T 28181-2022's Catalog carries where it has one.
 */
public final class ArchiveCodes {

    private ArchiveCodes() {
    }

    /**
     * A code of an enumeration with its GB/T 28181 value: the standard numbers these enumerations from 1 in the order
     * declared here; a constant it numbers otherwise (or not at all) overrides {@link #gb()}.
     */
    public interface Code {
        String name();

        int ordinal();

        default int gb() {
            return ordinal() + 1;
        }
    }

    /** PTZType: 1 球机, 2 半球, 3 固定枪机, 4 遥控枪机. */
    public enum CameraType implements Code { DOME, HALF_DOME, FIXED_BULLET, REMOTE_BULLET }

    /** PositionType 1–10 (GB/T 28181-2016 Appendix, kept in 2022). */
    public enum PositionType implements Code {
        PROVINCIAL_CHECKPOINT, GOVERNMENT, STATION_PORT, CENTRAL_SQUARE, STADIUM, COMMERCIAL_CENTRE, RELIGIOUS_SITE,
        CAMPUS, COMPLEX_AREA, TRAFFIC_ARTERY
    }

    /** RoomType: 1 室外, 2 室内. */
    public enum RoomType implements Code { OUTDOOR, INDOOR }

    /** SupplyLightType: 1 无补光, 2 红外, 3 白光, 4 激光, 9 其他. */
    public enum SupplyLight implements Code {
        NONE, INFRARED, WHITE, LASER,
        OTHER {
            @Override
            public int gb() {
                return 9;
            }
        }
    }

    /** DirectionType: 1 东, 2 西, 3 南, 4 北, 5 东南, 6 东北, 7 西南, 8 西北. */
    public enum Direction implements Code { E, W, S, N, SE, NE, SW, NW }

    /** 点位类型: 一类 (key places, face/vehicle), 二类, 三类 (social, internal); no GB/T 28181 field. */
    public enum PointClass implements Code { CLASS_1, CLASS_2, CLASS_3 }

    /** 功能类型 (several per camera); no GB/T 28181 field. */
    public enum Function implements Code { VIDEO, FACE, VEHICLE, STRUCTURED }

    /** The constant of {@code type} named {@code code} (exact, upper-case), if any. */
    public static <E extends Enum<E> & Code> Optional<E> parse(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(code)).findFirst();
    }

    /** The codes of {@code type}, in order. */
    public static List<String> codes(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** The camera type of a GB/T 28181 PTZType value, if it is one. */
    public static Optional<CameraType> cameraTypeOfGb(Integer ptzType) {
        return ptzType == null ? Optional.empty()
                : Arrays.stream(CameraType.values()).filter(t -> t.gb() == ptzType).findFirst();
    }
}
