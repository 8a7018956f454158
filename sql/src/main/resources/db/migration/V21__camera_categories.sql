-- Which device categories are cameras: the 公安 video assessment (在线率, 录像完整率, 图像完好率, 时钟准确率,
-- 一机一档) counts cameras only. Data, like the categories themselves; the reference dataset's three camera
-- categories are marked here for databases seeded before this column existed.
ALTER TABLE device_category ADD COLUMN camera BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE device_category SET camera = TRUE WHERE code IN ('FACE_CAMERA', 'CHECKPOINT_CAMERA', 'DOME_CAMERA');
