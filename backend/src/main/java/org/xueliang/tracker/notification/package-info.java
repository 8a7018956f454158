/**
 * Notifications of device state changes and recoveries (and audit checkpoints): a generic JSON webhook,
 * WeCom and DingTalk group robots, and e-mail. Each (channel, event) is one row of the durable
 * {@code notification_outbox}, written in the transaction of the change ({@link Notifier}) and sent by
 * a worker on every replica ({@link OutboxDelivery}) with retries and backoff. docs/NOTIFICATIONS.md.
 */
package org.xueliang.tracker.notification;
