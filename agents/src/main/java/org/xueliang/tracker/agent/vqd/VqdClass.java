package org.xueliang.tracker.agent.vqd;

/**
 * The classes of video-quality diagnosis (视频质量诊断), issue 11 §3. Each is judged by one {@link Check}; the
 * labels people read live in the backend's bundle ({@code vqd.class.<NAME>}).
 */
public enum VqdClass {
    /** 信号丢失: black, blue or "no signal" screen — one flat colour over nearly the whole picture. */
    SIGNAL_LOSS,
    /** 画面冻结: the picture is the same as the previous one (needs a previous picture). */
    FREEZE,
    /** 模糊: edges are soft (defocus, dirty lens, fog). */
    BLUR,
    /** 偏色: the whole picture leans to one colour. */
    COLOR_CAST,
    /** 过亮: over-exposed. */
    TOO_BRIGHT,
    /** 过暗: under-exposed. */
    TOO_DARK,
    /** 噪声/雪花: strong pixel noise. */
    NOISE,
    /** 遮挡: part of the picture is covered by something flat and dark close to the lens. */
    OCCLUSION,
    /** 场景变更: the camera no longer shows its approved reference scene (needs a reference picture). */
    SCENE_CHANGE
}
