-- ledger (issue 10): 稷山县's 行政区划代码 for a database whose reference dataset was loaded before V15 gave projects a
-- region code. Device codes (gb_code) are not invented here: real devices carry the codes the platform assigned them,
-- entered through the ledger form or the import; only a fresh reference dataset brings its own plausible codes.
UPDATE project SET region_code = '140824' WHERE county = '稷山县' AND region_code IS NULL;
