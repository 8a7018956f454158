-- Password expiry (docs/SECURITY.md "Login policy"): when each user's password was last set. NULL means the
-- password must be changed at the next login (the first admin when XL_ADMIN_PASSWORD breaks the password policy).
-- Existing users count from this migration, so an upgrade does not expire every password at once.
ALTER TABLE app_user ADD COLUMN password_changed_at DATETIME(3);
UPDATE app_user SET password_changed_at = CURRENT_TIMESTAMP(3);
