package io.gongkai.intake.api;

import java.util.List;

/** A page of audit records, newest first. */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {
}
