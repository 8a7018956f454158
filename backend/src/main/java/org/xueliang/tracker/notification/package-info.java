/**
 * Notifications of device state changes and recoveries: a generic JSON webhook, WeCom and DingTalk
 * group robots, and e-mail. Each (channel, event) is sent at most once (a unique key in
 * {@code notification_log}), off the ingest thread, with a few retries.
 */
package org.xueliang.tracker.notification;
