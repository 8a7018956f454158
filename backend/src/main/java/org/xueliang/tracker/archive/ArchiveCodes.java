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

    /** A code of an enumeration with its GB/T 28181 value (0 where the standard has none). */
    public interface Code {
        String name();

        int gb();
    }

    /** PTZType: 1 球机, 2 半球, 3 固定枪机, 4 遥控枪机. */
    public enum CameraType implements Code {
        DOME(1), HALF_DOME(2), FIXED_BULLET(3), REMOTE_BULLET(4);

        private final int gb;

        CameraType(int gb) {
            this.gb = gb;
        }

        @Override
        public int gb() {
            return gb;
        }
    }

    /** PositionType (GB/T 28181-2016 Appendix, kept in 2022). */
    public enum PositionType implements Code {
        PROVINCIAL_CHECKPOINT(1), GOVERNMENT(2), STATION_PORT(3), CENTRAL_SQUARE(4), STADIUM(5), COMMERCIAL_CENTRE(6),
        RELIGIOUS_SITE(7), CAMPUS(8), COMPLEX_AREA(9), TRAFFIC_ARTERY(10);

        private final int gb;

        PositionType(int gb) {
            this.gb = gb;
        }

        @Override
        public int gb() {
            return gb;
        }
    }

    /** RoomType: 1 室外, 2 室内. */
    public enum RoomType implements Code {
        OUTDOOR(1), INDOOR(2);

        private final int gb;

        RoomType(int gb) {
            this.gb = gb;
        }

        @Override
        public int gb() {
            return gb;
        }
    }

    /** SupplyLightType: 1 无补光, 2 红外, 3 白光, 4 激光, 9 其他. */
    public enum SupplyLight implements Code {
        NONE(1), INFRARED(2), WHITE(3), LASER(4), OTHER(9);

        private final int gb;

        SupplyLight(int gb) {
            this.gb = gb;
        }

        @Override
        public int gb() {
            return gb;
        }
    }

    /** DirectionType: 1 东 … 8 西北. */
    public enum Direction implements Code {
        E(1), W(2), S(3), N(4), SE(5), NE(6), SW(7), NW(8);

        private final int gb;

        Direction(int gb) {
            this.gb = gb;
        }

        @Override
        public int gb() {
            return gb;
        }
    }

    /** 点位类型: 一类 (key places, face/vehicle), 二类, 三类 (social, internal). */
    public enum PointClass implements Code {
        CLASS_1, CLASS_2, CLASS_3;

        @Override
        public int gb() {
            return ordinal() + 1;
        }
    }

    /** 功能类型 (several per camera). */
    public enum Function implements Code {
        VIDEO, FACE, VEHICLE, STRUCTURED;

        @Override
        public int gb() {
            return 0;
        }
    }

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
