package io.yardstick.server;

import io.yardstick.YardstickException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The server's own TLS: a PKCS12 keystore with its password, or PEM files (the certificate chain,
 * and an unencrypted PKCS#8 private key, {@code BEGIN PRIVATE KEY}, RSA or EC), read once at start.
 *
 * <pre>{@code
 * Tls tls = Tls.pem(Path.of("fullchain.pem"), Path.of("privkey.pem"));
 * }</pre>
 */
public record Tls(KeyStore keyStore, String password) {
  /** A PKCS12 (or JKS) keystore file holding one key and its certificate chain. */
  public static Tls keystore(Path file, String password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password == null ? null : password.toCharArray());
      return new Tls(ks, password == null ? "" : password);
    } catch (IOException | GeneralSecurityException e) {
      throw new YardstickException(
          "Could not read the TLS keystore "
              + file
              + ": "
              + e.getMessage()
              + " (a PKCS12"
              + " file, its password in YARDSTICK_TLS_PASSWORD).",
          e);
    }
  }

  /** PEM files: the certificate chain (server first) and its PKCS#8 private key. */
  public static Tls pem(Path certificates, Path privateKey) {
    try {
      Certificate[] chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certificates)))
              .toArray(Certificate[]::new);
      if (chain.length == 0)
        throw new YardstickException("There is no certificate in " + certificates + ".");
      String pem = Files.readString(privateKey);
      if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
        throw new YardstickException(
            privateKey
                + " is not an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----);"
                + " convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem");
      }
      byte[] der =
          Base64.getMimeDecoder()
              .decode(
                  pem.substring(
                      pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
                      pem.indexOf("-----END PRIVATE KEY-----")));
      String algorithm = chain[0].getPublicKey().getAlgorithm();
      PrivateKey key =
          KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      String password = java.util.UUID.randomUUID().toString();
      ks.setKeyEntry("yardstick", key, password.toCharArray(), chain);
      return new Tls(ks, password);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new YardstickException(
          "Could not read the TLS certificate "
              + certificates
              + " and key "
              + privateKey
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
