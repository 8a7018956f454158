-- 自评表 质量指标1 may use an assessment indicator (录像完整率, 图像完好率) or a weighted composite of 在线率,
-- 录像完整率 and 图像完好率 (issue 11 §5): the metric's name is longer, and the composite's weights are stored
-- with the evaluation as "online,recording,image" (fractions summing to 1), NULL for a single measure.
ALTER TABLE evaluation MODIFY quality_metric VARCHAR(32) NOT NULL;
ALTER TABLE evaluation ADD COLUMN quality_weights VARCHAR(64) NULL;
