package io.yardstick.survey;

import io.yardstick.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed tokens of survey links: {@code INVITATION.EXPIRY.SIGNATURE}, where the signature is
 * the first 128 bits of HMAC-SHA256 over the invitation id and the expiry (epoch seconds, base 36),
 * under a 256-bit key made at first use and kept in the store ({@code survey_keys}). A forged or
 * altered token fails the signature; an expired one is refused before the store is asked, so
 * neither says anything about invitations or customers.
 *
 * <pre>{@code
 * String t = tokens.sign("3f2a...", expiresAt);
 * SurveyTokens.Verdict v = tokens.verify(t, clock.instant());
 * }</pre>
 */
public final class SurveyTokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final byte[] key;

  /** What a token turned out to be. */
  public sealed interface Verdict {
    /** Signed by this store's key and not expired. */
    record Valid(String invitationId, Instant expiresAt) implements Verdict {}

    /** Signed, but its time is over. */
    record Expired() implements Verdict {}

    /** Not a token of this store (forged, altered, cut short, or not a token at all). */
    record Invalid() implements Verdict {}
  }

  SurveyTokens(byte[] key) {
    this.key = key.clone();
  }

  /** The tokens of a store: its key, made and stored at first use. */
  public static SurveyTokens of(Store store) {
    List<Object[]> rows = store.query("SELECT secret FROM survey_keys WHERE name = 'links'");
    if (rows.isEmpty()) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      // Two first users at once: ON CONFLICT keeps the first key, and both read that one back.
      store.update(
          "INSERT INTO survey_keys (name, secret) VALUES ('links', ?) ON CONFLICT DO NOTHING",
          HexFormat.of().formatHex(fresh));
      rows = store.query("SELECT secret FROM survey_keys WHERE name = 'links'");
    }
    return new SurveyTokens(HexFormat.of().parseHex((String) rows.get(0)[0]));
  }

  public String sign(String invitationId, Instant expiresAt) {
    String body = invitationId + "." + Long.toString(expiresAt.getEpochSecond(), 36);
    return body + "." + B64.encodeToString(mac(body));
  }

  public Verdict verify(String token, Instant now) {
    if (token == null || token.length() > 200) return new Verdict.Invalid();
    int last = token.lastIndexOf('.');
    int first = token.indexOf('.');
    if (first <= 0 || last <= first) return new Verdict.Invalid();
    String body = token.substring(0, last);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(token.substring(last + 1));
    } catch (IllegalArgumentException e) {
      return new Verdict.Invalid();
    }
    // The signature's own text, not only its bytes: base64 ignores the last character's spare bits,
    // so one
    // invitation would otherwise have several valid links.
    if (!MessageDigest.isEqual(given, mac(body))
        || !B64.encodeToString(given).equals(token.substring(last + 1))) {
      return new Verdict.Invalid();
    }
    Instant expires;
    try {
      expires = Instant.ofEpochSecond(Long.parseLong(token.substring(first + 1, last), 36));
    } catch (NumberFormatException e) {
      return new Verdict.Invalid();
    }
    if (!now.isBefore(expires)) return new Verdict.Expired();
    return new Verdict.Valid(token.substring(0, first), expires);
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] full = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
      return java.util.Arrays.copyOf(full, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
