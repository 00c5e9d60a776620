package dev.launchpad.portal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity provider over HTTP: its discovery document, read on first use (not at start-up, so a
 * provider that is down does not stop the portal) and kept; the exchange of a sign-in code for an ID token;
 * and that token's verification against the provider's published keys.
 */
final class OidcProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OidcProvider.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_DOCUMENT = 512 * 1024;
    /** Asymmetric signatures only: a symmetric one would be made with the client secret, and "none" is no signature. */
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    /** What discovery says, as far as Launchpad needs it. */
    record Metadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri, boolean secretInBody,
                    Set<JWSAlgorithm> signingAlgorithms) {
    }

    private record Discovered(Metadata metadata, IdTokens idTokens) {
    }

    private final OidcSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Discovered discovered;

    OidcProvider(OidcSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Metadata metadata() throws OidcFailure {
        return discovered().metadata();
    }

    /** Exchanges the sign-in code for the ID token, authenticating with the client secret as the provider prefers. */
    String exchange(String code, String codeVerifier, String redirectUri) throws OidcFailure {
        Metadata m = metadata();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(m.tokenEndpoint()).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (m.secretInBody()) {
            form.put("client_id", settings.clientId());
            form.put("client_secret", settings.clientSecret());
        } else {
            // RFC 6749 2.3.1: both parts are form-encoded before they are joined.
            String pair = encode(settings.clientId()) + ":" + encode(settings.clientSecret());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), "token endpoint");
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200) {
            String error = answer == null ? "" : answer.path("error").asText("").replaceAll("[^A-Za-z0-9_.-]", "");
            LOG.warn("the identity provider's token endpoint answered {} {}", response.statusCode(), error);
            throw new OidcFailure("the identity provider did not accept the sign-in code");
        }
        String idToken = answer == null ? null : answer.path("id_token").asText(null);
        if (idToken == null || idToken.isBlank()) {
            throw new OidcFailure("the identity provider answered without an ID token");
        }
        return idToken;
    }

    /** The claims of an ID token whose signature and claims hold for this client and this sign-in's nonce. */
    com.nimbusds.jwt.JWTClaimsSet verify(String idToken, String nonce) throws OidcFailure {
        return discovered().idTokens().verify(idToken, nonce);
    }

    private Discovered discovered() throws OidcFailure {
        Discovered d = discovered;
        if (d == null) {
            d = discover(); // two first sign-ins at once both read it; either answer is kept
            discovered = d;
        }
        return d;
    }

    private Discovered discover() throws OidcFailure {
        String issuer = stripSlash(settings.issuer().toString());
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(REQUEST_TIMEOUT).header("Accept", "application/json").GET().build(), "discovery document");
        JsonNode doc = response.statusCode() == 200 ? parse(response.body()) : null;
        if (doc == null || !doc.isObject()) {
            LOG.warn("the identity provider's discovery document at {} answered {}", issuer, response.statusCode());
            throw new OidcFailure("the identity provider's configuration could not be read");
        }
        String announced = doc.path("issuer").asText("");
        if (!stripSlash(announced).equals(issuer)) {
            LOG.warn("the discovery document at {} names the issuer {}; LAUNCHPAD_OIDC_ISSUER must match it", issuer, announced);
            throw new OidcFailure("the identity provider's configuration names another issuer");
        }
        List<String> methods = strings(doc.path("token_endpoint_auth_methods_supported"));
        boolean secretInBody = !methods.isEmpty() && !methods.contains("client_secret_basic") && methods.contains("client_secret_post");
        List<String> announcedAlgorithms = strings(doc.path("id_token_signing_alg_values_supported"));
        Set<JWSAlgorithm> algorithms = (announcedAlgorithms.isEmpty() ? List.of("RS256") : announcedAlgorithms).stream()
                .map(JWSAlgorithm::parse).filter(ACCEPTED::contains).collect(Collectors.toCollection(LinkedHashSet::new));
        if (algorithms.isEmpty()) {
            LOG.warn("the identity provider signs ID tokens with {}, none of {}", announcedAlgorithms, ACCEPTED);
            throw new OidcFailure("the identity provider signs ID tokens in a way Launchpad does not accept");
        }
        Metadata metadata = new Metadata(announced, endpoint(doc, "authorization_endpoint"), endpoint(doc, "token_endpoint"),
                endpoint(doc, "jwks_uri"), secretInBody, Set.copyOf(algorithms));
        URL jwks;
        try {
            jwks = metadata.jwksUri().toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new OidcFailure("the identity provider's configuration has an unusable jwks_uri", e);
        }
        return new Discovered(metadata, new IdTokens(metadata.issuer(), settings.clientId(), metadata.signingAlgorithms(),
                JWKSourceBuilder.<SecurityContext>create(jwks, this::keySet).refreshAheadCache(false).build(), clock));
    }

    /** The provider's key set, fetched with the same client and timeouts as everything else. */
    private Resource keySet(URL url) throws IOException {
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(URI.create(url.toString())).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json").GET().build(), "key set");
        } catch (OidcFailure e) {
            throw new IOException(e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("the identity provider's key set answered " + response.statusCode());
        }
        return new Resource(response.body(), response.headers().firstValue("Content-Type").orElse("application/json"));
    }

    private HttpResponse<String> send(HttpRequest request, String what) throws OidcFailure {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.body().length() > MAX_DOCUMENT) {
                throw new OidcFailure("the identity provider's " + what + " is too large");
            }
            return response;
        } catch (IOException e) {
            LOG.warn("the identity provider's {} at {} could not be reached: {}", what, request.uri().getHost(), e.toString());
            throw new OidcFailure("the identity provider could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcFailure("the sign-in was interrupted", e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static URI endpoint(JsonNode doc, String field) throws OidcFailure {
        try {
            URI uri = new URI(doc.path(field).asText(""));
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException ignored) {
            // reported below
        }
        throw new OidcFailure("the identity provider's configuration has no usable " + field);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (n.isTextual()) {
                out.add(n.asText());
            }
        });
        return out;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
