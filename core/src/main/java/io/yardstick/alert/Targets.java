package io.yardstick.alert;

import io.yardstick.YardstickException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks a notification target completely before a rule holding it is stored: {@code log}; {@code
 * email:ADDRESS}, one address parsed strictly by Jakarta Mail ({@link InternetAddress}), without a
 * display name or a second address; {@code webhook:URL} with http or https and a host. No target
 * may hold a control character (a CR/LF would smuggle mail headers or split the stored list).
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
    if (target.length() > MAX_LENGTH)
      throw bad(target.substring(0, 40) + "...", "it is longer than " + MAX_LENGTH + " characters");
    if (target.chars().anyMatch(Character::isISOControl)) {
      throw bad(
          target.replaceAll("\\p{Cntrl}", "?"),
          "it holds a control character (a line break?); give one" + " target per entry");
    }
    if (target.equals("log")) return target;
    if (target.startsWith("email:")) {
      String address = target.substring("email:".length());
      try {
        InternetAddress a =
            new InternetAddress(address, true); // strict: one address, RFC 822 syntax
        a.validate();
        if (a.getPersonal() != null
            || !a.getAddress().equals(address)
            || address.indexOf('@') < 1) {
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
        if (u.getScheme() == null
            || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
            || u.getHost() == null
            || u.getRawUserInfo() != null) {
          throw bad(
              target, "a webhook needs an http or https URL with a host and no user:password");
        }
      } catch (URISyntaxException e) {
        throw bad(target, "it is not a URL (" + e.getReason() + ")");
      }
      return target;
    }
    throw bad(target, "it is not a known kind of target");
  }

  /**
   * Refuses a webhook whose host is, or resolves to, an internal address: loopback, private (10/8,
   * 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud metadata service,
   * fe80::/10), carrier-grade NAT (100.64/10), multicast or unspecified; unless {@code
   * allowPrivate}. A host that does not resolve passes here and fails when sent to.
   */
  public static void checkWebhookHost(String target, boolean allowPrivate) {
    if (allowPrivate || !target.startsWith("webhook:")) return;
    String host = URI.create(target.substring("webhook:".length())).getHost();
    if (host == null) return;
    java.net.InetAddress[] addresses;
    try {
      addresses =
          java.net.InetAddress.getAllByName(
              host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (java.net.UnknownHostException e) {
      return;
    }
    for (java.net.InetAddress a : addresses) {
      if (internal(a)) {
        throw bad(
            target,
            "the host "
                + host
                + " is an internal address ("
                + a.getHostAddress()
                + "); webhooks go"
                + " to public addresses unless YARDSTICK_WEBHOOK_ALLOW_PRIVATE=true");
      }
    }
  }

  static boolean internal(java.net.InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0
          || first == 100 && second >= 64 && second < 128
          || first == 198 && (second == 18 || second == 19)
          || first >= 240;
    }
    return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
  }

  private static YardstickException bad(String target, String why) {
    return new YardstickException(
        "Cannot notify '"
            + target
            + "': "
            + why
            + "; expected log,"
            + " webhook:https://... or email:someone@example.com.");
  }
}
