package org.xueliang.tracker.notification;

/** Kinds of notification channel; the target is a URL for the first three and addresses for EMAIL. */
public enum ChannelKind {
    WEBHOOK, WECOM, DINGTALK, EMAIL
}
