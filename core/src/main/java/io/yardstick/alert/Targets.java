package io.yardstick.alert;

import io.yardstick.YardstickException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks a notification target completely before a rule holding it is stored: {@code log}; {@code email:ADDRESS}, one
 * address parsed strictly by Jakarta Mail ({@link InternetAddress}), without a display name or a second address;
 * {@code webhook:URL} with http or https and a host. No target may hold a control character (a CR/LF would smuggle
 * mail headers or split the stored list).
 *
 * <pre>{@code
 * Targets.check("email:ops@example.com");               // fine
 * Targets.check("email:a@b.example\r\nBcc: x@y.example"); // YardstickException
 * }</pre>
 */
public final class Targets {
  private static final int MAX_LENGTH = 2_000;

  private Targets() {}

  /** The target as given, or an exception naming what is wrong with it and the forms expected. */
  public static String check(String target) {
    if (target == null || target.isBlank()) throw bad(String.valueOf(target), "it is empty");
    if (target.length() > MAX_LENGTH) throw bad(target.substring(0, 40) + "...", "it is longer than " + MAX_LENGTH
        + " characters");
    if (target.chars().anyMatch(Character::isISOControl)) {
      throw bad(target.replaceAll("\\p{Cntrl}", "?"), "it holds a control character (a line break?); give one"
          + " target per entry");
    }
    if (target.equals("log")) return target;
    if (target.startsWith("email:")) {
      String address = target.substring("email:".length());
      try {
        InternetAddress a = new InternetAddress(address, true); // strict: one address, RFC 822 syntax
        a.validate();
        if (a.getPersonal() != null || !a.getAddress().equals(address) || address.indexOf('@') < 1) {
          throw new AddressException("not a bare address");
        }
      } catch (AddressException e) {
        throw bad(target, "'" + address + "' is not one e-mail address");
      }
      return target;
    }
    if (target.startsWith("webhook:")) {
      try {
        URI u = new URI(target.substring("webhook:".length()));
        if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
            || u.getHost() == null || u.getRawUserInfo() != null) {
          throw bad(target, "a webhook needs an http or https URL with a host and no user:password");
        }
      } catch (URISyntaxException e) {
        throw bad(target, "it is not a URL (" + e.getReason() + ")");
      }
      return target;
    }
    throw bad(target, "it is not a known kind of target");
  }

  private static YardstickException bad(String target, String why) {
    return new YardstickException("Cannot notify '" + target + "': " + why + "; expected log,"
        + " webhook:https://... or email:someone@example.com.");
  }
}
