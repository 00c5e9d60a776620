package dev.launchpad.portal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Verifies ID tokens: signed by one of the provider's published keys with an algorithm it announced, from
 * its issuer, for this client, current, and carrying the nonce of the sign-in they answer.
 */
final class IdTokens {

    /** Clocks on the provider and here may disagree by this much. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** A claim that does not hold; its message is one of the general ones below. */
    private static final class Rejected extends BadJWTException {
        Rejected(String message) {
            super(message);
        }
    }

    private final String issuer;
    private final String clientId;
    private final JWSVerificationKeySelector<SecurityContext> keys;
    private final Clock clock;

    IdTokens(String issuer, String clientId, Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> keySource, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.keys = new JWSVerificationKeySelector<>(algorithms, keySource);
        this.clock = clock;
    }

    JWTClaimsSet verify(String idToken, String nonce) throws OidcFailure {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keys);
        processor.setJWTClaimsSetVerifier((claims, context) -> check(claims, nonce)); // after the signature holds
        try {
            return processor.process(idToken, null);
        } catch (ParseException e) {
            throw new OidcFailure("the identity provider's ID token could not be read");
        } catch (Rejected e) {
            throw new OidcFailure(e.getMessage());
        } catch (BadJOSEException e) {
            throw new OidcFailure("the ID token's signature does not match the identity provider's keys");
        } catch (KeySourceException e) {
            throw new OidcFailure("the identity provider's signing keys could not be read", e);
        } catch (JOSEException e) {
            throw new OidcFailure("the ID token's signature could not be checked", e);
        }
    }

    private void check(JWTClaimsSet claims, String nonce) throws Rejected {
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer())) {
            throw new Rejected("the ID token comes from another issuer");
        }
        List<String> audience = claims.getAudience();
        Object authorizedParty = claims.getClaim("azp");
        if (!audience.contains(clientId) || (authorizedParty != null && !clientId.equals(authorizedParty))) {
            throw new Rejected("the ID token was issued for another application");
        }
        Date expires = claims.getExpirationTime();
        if (expires == null || !now.isBefore(expires.toInstant().plus(CLOCK_SKEW))) {
            throw new Rejected("the ID token has expired");
        }
        Date issued = claims.getIssueTime();
        if (issued == null || issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new Rejected("the ID token's issue time is missing or in the future (are the clocks right?)");
        }
        Object sent = claims.getClaim("nonce");
        if (!(sent instanceof String text) || !Secrets.sameText(text, nonce)) {
            throw new Rejected("the ID token does not belong to this sign-in (its nonce differs)");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > 255) {
            throw new Rejected("the ID token names no usable subject");
        }
    }
}
