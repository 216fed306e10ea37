package vn.lienthong.application.exchange;

import java.util.List;

/** A page of a unit's inbox and the inbox's size. */
public record Inbox(List<InboxEntry> entries, long total) {}
