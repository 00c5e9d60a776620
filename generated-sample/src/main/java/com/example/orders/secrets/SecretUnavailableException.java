package com.example.orders.secrets;

/** A secret could not be read: missing, not permitted, or Secrets Manager out of reach. */
public final class SecretUnavailableException extends RuntimeException {

    public SecretUnavailableException(String secretId, Throwable cause) {
        super("Secret " + secretId + " cannot be read", cause);
    }
}
