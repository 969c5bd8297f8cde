package io.yardstick.report;

import java.time.Instant;
import java.util.Map;

/**
 * One report to one target: the computed report, its PDF and CSV files, the words of its language,
 * a link to the view, and the idempotency key a receiver uses to drop a repeat (the e-mail's
 * Message-ID, the webhook's Idempotency-Key).
 */
public record ReportMessage(
    String idempotencyKey,
    String target,
    Report report,
    ReportText text,
    byte[] pdf,
    Map<String, String> csv,
    String link,
    Instant sentAt) {}
