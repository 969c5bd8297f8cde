package io.yardstick.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.yardstick.user.SsoSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The relying party of OpenID Connect's authorization-code flow with PKCE, through Connect2id's SDK
 * (docs/security.md#single-sign-on). {@link #start} makes a fresh state, nonce and PKCE verifier,
 * keeps them for ten minutes bound to a random browser value (a cookie), and answers the provider's
 * authorization URL; {@link #finish} takes the callback once (a state is used at most once), checks
 * the browser value, redeems the code with the verifier, and validates the ID token: its signature
 * against the provider's JWKS, the issuer, the audience (this client), the expiry and issue time
 * (60 s skew allowed) and the nonce.
 *
 * <p>The provider's metadata come from discovery ({@code ISSUER/.well-known/openid-configuration},
 * whose issuer must be the configured one) at the first sign-in, and again after a failure.
 */
public final class Oidc {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TIMEOUT_MS = 10_000;

  /** How long a sign-in may take between leaving for the provider and coming back. */
  public static final long PENDING_SECONDS = 600;

  static final Duration PENDING = Duration.ofSeconds(PENDING_SECONDS);

  /** A sign-in on its way: what the callback must match. */
  private record Pending(
      String browser, Nonce nonce, CodeVerifier verifier, URI redirect, String next) {}

  /** Where to send the browser, and the browser value to set as a cookie. */
  public record Start(URI authorization, String browser) {}

  /** A person the provider vouched for: the validated ID token's issuer, subject and claims. */
  public record Signed(
      String issuer, String subject, Map<String, Object> claims, JWT idToken, String next) {}

  /** Why a callback is refused; {@code reason} is a short code for the page and the audit log. */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public Failure(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  private final SsoSettings settings;
  private final Cache<String, Pending> pending =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(PENDING).build();
  private volatile Provider provider;

  private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

  public Oidc(SsoSettings settings) {
    this.settings = settings;
  }

  public SsoSettings settings() {
    return settings;
  }

  /**
   * Begins a sign-in: {@code browser} the value of the browser's cookie (null: a new one is made),
   * {@code redirect} this server's callback address, {@code next} where to go after (a path of this
   * server).
   */
  public Start start(String browser, URI redirect, String next) {
    Provider p = provider();
    String b = browser != null && browser.matches("[0-9a-f]{64}") ? browser : random();
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    pending.put(state.getValue(), new Pending(b, nonce, verifier, redirect, next));
    AuthenticationRequest request =
        new AuthenticationRequest.Builder(
                ResponseType.CODE,
                new Scope(settings.scopes().toArray(String[]::new)),
                new ClientID(settings.clientId()),
                redirect)
            .endpointURI(p.metadata().getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build();
    return new Start(request.toURI(), b);
  }

  /**
   * Completes a sign-in from the callback's full address; {@link Failure} when anything does not
   * hold.
   */
  public Signed finish(URI callback, String browser) {
    AuthenticationResponse response;
    try {
      response = AuthenticationResponseParser.parse(callback);
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new Failure(
          "bad_callback", "The callback is not an OpenID Connect answer: " + e.getMessage());
    }
    State state = response.getState();
    Pending p =
        state == null ? null : pending.asMap().remove(state.getValue()); // a state is used once
    if (p == null) {
      throw new Failure(
          "state",
          "The sign-in's state is unknown, used already or older than "
              + PENDING.toMinutes()
              + " minutes; start again.");
    }
    if (browser == null
        || !MessageDigest.isEqual(
            browser.getBytes(StandardCharsets.UTF_8),
            p.browser().getBytes(StandardCharsets.UTF_8))) {
      throw new Failure(
          "browser",
          "The sign-in was started in another browser (its cookie does not match the"
              + " state); start again.");
    }
    if (!response.indicatesSuccess()) {
      var error = response.toErrorResponse().getErrorObject();
      throw new Failure(
          "provider_error",
          "The provider refused the sign-in: "
              + error.getCode()
              + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")")
              + ".");
    }
    AuthenticationSuccessResponse success = response.toSuccessResponse();
    AuthorizationCode code = success.getAuthorizationCode();
    if (code == null)
      throw new Failure("bad_callback", "The callback carries no authorization code.");
    Provider provider = provider();
    AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, p.redirect(), p.verifier());
    URI tokenEndpoint = provider.metadata().getTokenEndpointURI();
    TokenRequest request =
        settings.clientSecret() == null
            ? new TokenRequest.Builder(tokenEndpoint, new ClientID(settings.clientId()), grant)
                .build()
            : new TokenRequest.Builder(
                    tokenEndpoint,
                    new ClientSecretBasic(
                        new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
                    grant)
                .build();
    TokenResponse tokens;
    try {
      HTTPRequest http = request.toHTTPRequest();
      http.setConnectTimeout(TIMEOUT_MS);
      http.setReadTimeout(TIMEOUT_MS);
      tokens = OIDCTokenResponseParser.parse(http.send());
    } catch (java.io.IOException | com.nimbusds.oauth2.sdk.ParseException e) {
      throw new Failure(
          "token", "The provider's token endpoint did not answer as expected: " + e.getMessage());
    }
    if (!tokens.indicatesSuccess()) {
      var error = tokens.toErrorResponse().getErrorObject();
      throw new Failure(
          "token",
          "The provider refused the code (used already, expired, or the PKCE verifier does"
              + " not match): "
              + error.getCode()
              + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")")
              + ".");
    }
    JWT idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
    if (idToken == null)
      throw new Failure("id_token", "The provider answered no ID token (is openid a scope?).");
    IDTokenClaimsSet claims = validate(idToken, p.nonce());
    return new Signed(
        claims.getIssuer().getValue(),
        claims.getSubject().getValue(),
        claims.toJSONObject(),
        idToken,
        p.next());
  }

  /**
   * Validates an ID token as {@link #finish} does: the signature by a key of the provider's JWKS
   * (an asymmetric algorithm the provider lists), the issuer, this client as audience (and as
   * {@code azp} when there are several), {@code exp} and {@code iat} within 60 s of now, and the
   * nonce.
   */
  public IDTokenClaimsSet validate(JWT idToken, Nonce nonce) {
    try {
      return provider().validator().validate(idToken, nonce);
    } catch (com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
      throw new Failure("id_token", "The ID token is not valid: " + e.getMessage());
    }
  }

  /** The provider's end-session address for RP-initiated logout, when its metadata name one. */
  public Optional<URI> logout(JWT idTokenHint, URI afterLogout) {
    Provider p = provider;
    if (p == null || p.metadata().getEndSessionEndpointURI() == null) return Optional.empty();
    return Optional.of(
        new LogoutRequest(p.metadata().getEndSessionEndpointURI(), idTokenHint, afterLogout, null)
            .toURI());
  }

  private Provider provider() {
    Provider p = provider;
    if (p != null) return p;
    synchronized (this) {
      if (provider != null) return provider;
      Issuer issuer = new Issuer(settings.issuer());
      OIDCProviderMetadata metadata;
      try {
        metadata = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MS, TIMEOUT_MS);
      } catch (java.io.IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
        throw new Failure(
            "provider",
            "The provider's discovery document at "
                + settings.issuer()
                + "/.well-known/openid-configuration cannot be read: "
                + e.getMessage());
      }
      Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
      if (metadata.getIDTokenJWSAlgs() != null) {
        for (JWSAlgorithm a : metadata.getIDTokenJWSAlgs()) {
          // Asymmetric only: an HMAC-signed ID token would be keyed by the client secret, and
          // "none" never.
          if (JWSAlgorithm.Family.SIGNATURE.contains(a)) algorithms.add(a);
        }
      }
      if (algorithms.isEmpty()) algorithms.add(JWSAlgorithm.RS256);
      JWKSource<SecurityContext> keys;
      try {
        keys =
            JWKSourceBuilder.create(
                    metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, 512 * 1024))
                .build();
      } catch (java.net.MalformedURLException | RuntimeException e) {
        throw new Failure(
            "provider",
            "The provider's jwks_uri "
                + metadata.getJWKSetURI()
                + " is not usable: "
                + e.getMessage());
      }
      IDTokenValidator validator =
          new IDTokenValidator(
              issuer,
              new ClientID(settings.clientId()),
              new JWSVerificationKeySelector<>(algorithms, keys),
              null);
      validator.setMaxClockSkew(60);
      provider = new Provider(metadata, validator);
      return provider;
    }
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
