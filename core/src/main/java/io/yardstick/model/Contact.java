package io.yardstick.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * One customer contact: a call, chat, e-mail, social message... Fields follow the canonical
 * contacts format (docs/data-format.md); absent values are null. {@code resolved} is never null:
 * when the source leaves it empty, a {@code resolvedAt} means resolved.
 *
 * <pre>{@code
 * Contact c = Contact.builder("C1", "phone", Instant.parse("2026-03-02T09:00:00Z"))
 *     .answeredAt(Instant.parse("2026-03-02T09:00:15Z")).talkSeconds(240.0).build();
 * }</pre>
 */
public record Contact(
    String contactId,
    String caseId,
    String channel,
    Direction direction,
    String queue,
    String topic,
    String customerId,
    String agentId,
    String team,
    Instant arrivedAt,
    Instant answeredAt,
    Instant firstResponseAt,
    Instant abandonedAt,
    Instant resolvedAt,
    Double talkSeconds,
    Double holdSeconds,
    Double wrapSeconds,
    boolean resolved,
    Boolean converted,
    BigDecimal revenue) {

  public static Builder builder(String contactId, String channel, Instant arrivedAt) {
    return new Builder(contactId, channel, arrivedAt);
  }

  /** The row of this contact in {@link RecordType#CONTACTS} field order. */
  public Object[] toRow() {
    return new Object[] {
      contactId,
      caseId,
      channel,
      direction.id(),
      queue,
      topic,
      customerId,
      agentId,
      team,
      arrivedAt,
      answeredAt,
      firstResponseAt,
      abandonedAt,
      resolvedAt,
      talkSeconds,
      holdSeconds,
      wrapSeconds,
      resolved,
      converted,
      revenue
    };
  }

  /** Builds a contact; unset fields are absent, direction defaults to inbound. */
  public static final class Builder {
    private final String contactId;
    private final String channel;
    private final Instant arrivedAt;
    private String caseId;
    private Direction direction = Direction.INBOUND;
    private String queue;
    private String topic;
    private String customerId;
    private String agentId;
    private String team;
    private Instant answeredAt;
    private Instant firstResponseAt;
    private Instant abandonedAt;
    private Instant resolvedAt;
    private Double talkSeconds;
    private Double holdSeconds;
    private Double wrapSeconds;
    private Boolean resolved;
    private Boolean converted;
    private BigDecimal revenue;

    private Builder(String contactId, String channel, Instant arrivedAt) {
      this.contactId = contactId;
      this.channel = channel.toLowerCase(Locale.ROOT);
      this.arrivedAt = arrivedAt;
    }

    public Builder caseId(String v) {
      caseId = v;
      return this;
    }

    public Builder direction(Direction v) {
      direction = v;
      return this;
    }

    public Builder queue(String v) {
      queue = v;
      return this;
    }

    public Builder topic(String v) {
      topic = v;
      return this;
    }

    public Builder customerId(String v) {
      customerId = v;
      return this;
    }

    public Builder agentId(String v) {
      agentId = v;
      return this;
    }

    public Builder team(String v) {
      team = v;
      return this;
    }

    public Builder answeredAt(Instant v) {
      answeredAt = v;
      return this;
    }

    public Builder firstResponseAt(Instant v) {
      firstResponseAt = v;
      return this;
    }

    public Builder abandonedAt(Instant v) {
      abandonedAt = v;
      return this;
    }

    public Builder resolvedAt(Instant v) {
      resolvedAt = v;
      return this;
    }

    public Builder talkSeconds(Double v) {
      talkSeconds = v;
      return this;
    }

    public Builder holdSeconds(Double v) {
      holdSeconds = v;
      return this;
    }

    public Builder wrapSeconds(Double v) {
      wrapSeconds = v;
      return this;
    }

    public Builder resolved(Boolean v) {
      resolved = v;
      return this;
    }

    public Builder converted(Boolean v) {
      converted = v;
      return this;
    }

    public Builder revenue(BigDecimal v) {
      revenue = v;
      return this;
    }

    public Contact build() {
      if (contactId == null || contactId.isBlank()) {
        throw new IllegalArgumentException("contact_id is required");
      }
      if (arrivedAt == null) {
        throw new IllegalArgumentException("arrived_at is required for contact " + contactId);
      }
      boolean isResolved = resolved != null ? resolved : resolvedAt != null;
      return new Contact(
          contactId,
          caseId,
          channel,
          direction,
          queue,
          topic,
          customerId,
          agentId,
          team,
          arrivedAt,
          answeredAt,
          firstResponseAt,
          abandonedAt,
          resolvedAt,
          talkSeconds,
          holdSeconds,
          wrapSeconds,
          isResolved,
          converted,
          revenue);
    }
  }
}
